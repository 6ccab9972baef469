/** TCK: cost computed from the configured price table. */
package dev.tollgate.tck.cost;
