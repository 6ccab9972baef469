/**
 * Google's {@code generateContent} protocol, spoken by the Gemini API of Google AI Studio
 * ({@code type=gemini}, API keys) and by Vertex AI ({@code type=vertex}, OAuth access tokens from
 * configuration or an {@link dev.tollgate.api.spi.AccessTokenSupplier}). Both share the request
 * body, the response reader and the classification of Google's error bodies; they differ in the
 * URL and the credential.
 *
 * <p>Streamed answers come from {@code :streamGenerateContent?alt=sse}: server-sent events whose
 * data are {@code GenerateContentResponse} chunks, read by {@code GeminiStreamHandler} with the
 * same reader as a whole answer ({@code GeminiChunk}). Structured answers use
 * {@code responseMimeType} and {@code responseJsonSchema}; tools are {@code functionDeclarations},
 * and calls and results travel as {@code functionCall} and {@code functionResponse} parts
 * ({@code GeminiContents}).
 */
package dev.tollgate.impl.provider.gemini;
