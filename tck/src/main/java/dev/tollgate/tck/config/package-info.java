/** TCK: how configuration and annotations choose the provider and model of each request. */
package dev.tollgate.tck.config;
