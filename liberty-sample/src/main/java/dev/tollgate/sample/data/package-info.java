/**
 * The sample's database of captured calls: JPA entities of {@link dev.tollgate.api.LlmCallRecord}s
 * and their exchanges, and the {@link dev.tollgate.api.spi.RecordStore} that writes them.
 */
package dev.tollgate.sample.data;
