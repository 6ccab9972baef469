/** What this build adds to the Arquillian client to run the TCK on WildFly. */
package dev.tollgate.tck.wildfly;
