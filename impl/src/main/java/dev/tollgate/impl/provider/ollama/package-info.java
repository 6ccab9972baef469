/**
 * Ollama's native chat API ({@code type=ollama}): {@code POST /api/chat}, answers whole or streamed
 * as newline-delimited JSON, model options under {@code options}, tools, JSON and JSON-schema
 * answers through {@code format}, usage from {@code prompt_eval_count} and {@code eval_count}.
 */
package dev.tollgate.impl.provider.ollama;
