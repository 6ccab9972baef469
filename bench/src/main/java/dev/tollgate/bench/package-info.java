/**
 * Benchmarks of Tollgate's cost per call and per streamed chunk against a raw JDK client and
 * LangChain4j, over a stand-in transport and over loopback, a soak run, and the open-loop load
 * generator of the gateway benchmark; see {@code bench/README.md}.
 */
package dev.tollgate.bench;
