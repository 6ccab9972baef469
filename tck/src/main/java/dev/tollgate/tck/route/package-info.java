/** Routes chosen per invocation, the caller on records and limits of single budget allowances. */
package dev.tollgate.tck.route;
