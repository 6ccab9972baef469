/**
 * JSON-P helpers shared by the provider clients: cached factories, streaming reads and writes of
 * free-form values.
 */
package dev.tollgate.impl.json;
