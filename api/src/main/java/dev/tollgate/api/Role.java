package dev.tollgate.api;

/** The author of a {@link Message} in a conversation. */
public enum Role {
    /** Instructions that frame the whole conversation. */
    SYSTEM,
    /** A message from the end user or the application acting for them. */
    USER,
    /** A message from the model. */
    ASSISTANT,
    /** The result of a {@link ToolCall}, sent back to the model. */
    TOOL
}
