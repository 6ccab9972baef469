/**
 * Anthropic's Messages API ({@code type=anthropic}): {@code POST /v1/messages} with an
 * {@code x-api-key} and an {@code anthropic-version} header, the system prompt as a top-level
 * field, and usage that counts cache reads and writes apart from {@code input_tokens}.
 */
package dev.tollgate.impl.provider.anthropic;
