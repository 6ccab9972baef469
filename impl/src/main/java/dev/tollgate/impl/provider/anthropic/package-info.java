/**
 * Anthropic's Messages API ({@code type=anthropic}): {@code POST /v1/messages} with an
 * {@code x-api-key} and an {@code anthropic-version} header, the system prompt as a top-level
 * field, and usage that counts cache reads and writes apart from {@code input_tokens}.
 *
 * <p>Streamed answers are server-sent events ({@code "stream": true}) read by
 * {@code AnthropicStreamHandler}. Structured answers have no field of their own in this API: they
 * are a forced call of an answer tool ({@code AnswerTool}), whose input becomes the
 * response text. Tools and tool results travel as {@code tool_use} and {@code tool_result}
 * content blocks.
 */
package dev.tollgate.impl.provider.anthropic;
