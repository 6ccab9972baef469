/**
 * The LangChain4j integration of Tollgate: the
 * {@link dev.tollgate.impl.foreign.langchain4j.TollgateChatModelListener} as a bean, registered
 * only where LangChain4j is present. Not public API; applications inject the listener.
 */
package dev.tollgate.interceptors.langchain4j;
