package dev.tollgate.tck.provider;

/**
 * The answer type of the structured-output scenarios.
 *
 * @param label the verdict
 * @param confidence how sure the model is
 */
public record TckVerdict(String label, double confidence) {
}
