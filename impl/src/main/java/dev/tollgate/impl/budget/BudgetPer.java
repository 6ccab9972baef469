package dev.tollgate.impl.budget;

/** What gets its own allowance of a budget. */
public enum BudgetPer {
    /** One allowance that every request the budget selects shares. */
    ALL,
    /** One allowance per {@code @LlmCall} name; requests outside an {@code @LlmCall} method are not charged. */
    CALL,
    /** One allowance per provider id. */
    PROVIDER,
    /** One allowance per caller; requests without a known caller are not charged. */
    PRINCIPAL
}
