/**
 * Arquillian glue of the suite's own runs: bundling the Tollgate libraries into deployments for
 * containers that do not provide them.
 */
package dev.tollgate.tck.arquillian;
