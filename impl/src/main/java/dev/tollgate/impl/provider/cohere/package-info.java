/**
 * Cohere's v2 Chat API ({@code type=cohere}): {@code POST /v2/chat} with a bearer API key, usage
 * read from the billed units.
 */
package dev.tollgate.impl.provider.cohere;
