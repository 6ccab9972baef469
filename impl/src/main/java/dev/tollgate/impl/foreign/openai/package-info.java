/**
 * Reads usage from the results of the OpenAI Java SDK ({@code com.openai:openai-java}); loaded
 * only when that library is on the class path. Not public API.
 */
package dev.tollgate.impl.foreign.openai;
