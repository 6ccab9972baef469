/**
 * A small Open Liberty application that answers questions through an {@link dev.tollgate.api.LlmCall}
 * service and shows what each answer used and cost.
 */
package dev.tollgate.sample;
