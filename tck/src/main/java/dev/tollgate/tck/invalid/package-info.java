/**
 * TCK: misuse and bad configuration fail the deployment. The messages naming the property are
 * asserted by the engine's own tests; here, that the container refuses the deployment.
 */
package dev.tollgate.tck.invalid;
