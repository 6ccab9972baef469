/**
 * TCK: the usage ledger's totals by call name, provider and model, exact under concurrency, and
 * record stores that persist every record off the business call's thread.
 */
package dev.tollgate.tck.ledger;
