/**
 * Cohere's v2 Chat API ({@code type=cohere}): {@code POST /v2/chat} with a bearer API key, answers
 * whole or streamed as server-sent events, tools, JSON and JSON-schema answers, usage read from the
 * billed units.
 */
package dev.tollgate.impl.provider.cohere;
