/**
 * The Tollgate engine, with no CDI in it: {@link dev.tollgate.impl.Tollgate} assembles provider
 * clients, pricing and capture from MicroProfile Config. Not public API: its types may change in
 * any release.
 */
package dev.tollgate.impl;
