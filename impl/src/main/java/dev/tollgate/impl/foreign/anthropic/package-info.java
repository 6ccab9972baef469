/**
 * Reads usage from the results of the Anthropic Java SDK ({@code com.anthropic:anthropic-java});
 * loaded only when that library is on the class path. Not public API.
 */
package dev.tollgate.impl.foreign.anthropic;
