/**
 * Ollama's native chat API ({@code type=ollama}): {@code POST /api/chat} without streaming, model
 * options under {@code options}, usage from {@code prompt_eval_count} and {@code eval_count}.
 */
package dev.tollgate.impl.provider.ollama;
