package dev.tollgate.interceptors;

import jakarta.annotation.Priority;
import jakarta.enterprise.util.AnnotationLiteral;

/** A {@link Priority} with a value chosen at deployment. */
final class PriorityLiteral extends AnnotationLiteral<Priority> implements Priority {
    private final int value;

    PriorityLiteral(int value) {
        this.value = value;
    }

    @Override
    public int value() {
        return value;
    }
}
