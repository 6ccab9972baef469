/**
 * Mistral's chat completions ({@code type=mistral}): the Chat Completions protocol with
 * {@code random_seed} for the seed, Mistral's error codes and its request ids.
 */
package dev.tollgate.impl.provider.mistral;
