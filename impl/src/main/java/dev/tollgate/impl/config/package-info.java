/**
 * Reading and validating Tollgate's MicroProfile Config properties: the keys, the provider
 * properties seen by adapters, and the problems reported at deployment.
 */
package dev.tollgate.impl.config;
