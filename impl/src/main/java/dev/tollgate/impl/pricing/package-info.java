/**
 * Prices and cost: the price table read from configuration, a LiteLLM price file and the shipped
 * defaults (a low-ordinal config source generated from LiteLLM's data); price lookup by provider
 * id, type, model, model alias and wildcard; long-context and service-tier prices; the cost
 * formula. Not public API.
 */
package dev.tollgate.impl.pricing;
