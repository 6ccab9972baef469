/**
 * The CDI integration of Tollgate: the portable extension that reads {@link dev.tollgate.api.LlmCall}
 * metadata at deployment and builds the engine, the capture interceptor, the producers, and the
 * bridge from records to CDI events. Not public API; applications use {@link dev.tollgate.api}.
 */
package dev.tollgate.interceptors;
