/**
 * The sample's dashboard: JSON aggregates of the stored calls under {@code /api/dashboard}, shown
 * as charts and a table by the page under {@code /dashboard/}.
 */
package dev.tollgate.sample.dashboard;
