/** TCK: provider clients over HTTP, as an application sees them through the ChatClient. */
package dev.tollgate.tck.provider;
