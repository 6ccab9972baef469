/**
 * Meters LangChain4j model calls: a {@code ChatModelListener} that turns each into an exchange of
 * the current call, and an extractor of its {@code ChatResponse} results; loaded only when
 * LangChain4j is on the class path. {@link dev.tollgate.impl.foreign.langchain4j.TollgateChatModelListener}
 * is what applications pass to their model builders; the rest is not public API.
 */
package dev.tollgate.impl.foreign.langchain4j;
