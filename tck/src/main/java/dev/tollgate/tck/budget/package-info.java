/** TCK: budgets that refuse requests once their limit is used up, per call and per principal. */
package dev.tollgate.tck.budget;
