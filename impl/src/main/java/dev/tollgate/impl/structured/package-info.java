/**
 * Structured output: JSON schemas derived from the application's records and classes, and answers
 * read back into them with JSON-B. Internal; not API.
 */
package dev.tollgate.impl.structured;
