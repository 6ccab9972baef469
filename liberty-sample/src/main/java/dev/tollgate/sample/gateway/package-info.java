/**
 * The sample's OpenAI-compatible gateway: {@code POST /v1/chat/completions} (plain and streamed as
 * server-sent events) and {@code GET /v1/models}, in OpenAI's wire format, routed through an
 * {@link dev.tollgate.api.LlmCall} service to the provider chain a model alias names.
 */
package dev.tollgate.sample.gateway;
