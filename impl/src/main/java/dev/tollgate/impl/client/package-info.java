/**
 * The {@link dev.tollgate.api.ChatClient} implementation: target resolution, the provider call,
 * pricing and capture of each request.
 */
package dev.tollgate.impl.client;
