/**
 * Google's {@code generateContent} protocol, spoken by the Gemini API of Google AI Studio
 * ({@code type=gemini}, API keys) and by Vertex AI ({@code type=vertex}, OAuth access tokens from
 * configuration or an {@link dev.tollgate.api.spi.AccessTokenSupplier}). Both share the request
 * body, the response reader and the classification of Google's error bodies; they differ in the
 * URL and the credential.
 */
package dev.tollgate.impl.provider.gemini;
