/**
 * The built-in redactors of captured prompts and answers: e-mail addresses, payment card numbers,
 * API keys and other secrets, and patterns from configuration. They run before the application's
 * {@link dev.tollgate.api.spi.PromptRedactor}s. Not public API.
 */
package dev.tollgate.impl.redact;
