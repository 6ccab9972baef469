/**
 * The Tollgate conformance suite: Arquillian JUnit 5 tests that deploy small archives and check
 * capture, cost, provider and configuration behaviour against an HTTP stub of each provider's
 * wire format and the simulated provider. Feature packages hold the tests; this package holds
 * what they share. See {@code tck/README.md} for how a container runs it.
 */
package dev.tollgate.tck;
