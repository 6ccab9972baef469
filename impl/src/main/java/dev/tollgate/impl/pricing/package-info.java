/**
 * Prices and cost: the price table read from configuration (with the shipped defaults as a
 * low-ordinal config source), price lookup by provider id, type and model, and the cost formula.
 */
package dev.tollgate.impl.pricing;
