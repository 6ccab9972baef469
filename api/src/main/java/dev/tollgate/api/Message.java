package dev.tollgate.api;

import java.util.Objects;

/**
 * One message of a conversation: who said it and what.
 *
 * <p>Instances are immutable. Create them with {@link #system(String)}, {@link #user(String)},
 * {@link #assistant(String)} or {@link #of(Role, String)}.
 */
public final class Message {
    private final Role role;
    private final String content;

    private Message(Role role, String content) {
        this.role = Objects.requireNonNull(role, "role");
        this.content = Objects.requireNonNull(content, "content");
    }

    /**
     * A message with the given role and text.
     *
     * @param role who wrote it
     * @param content its text
     * @return the message
     */
    public static Message of(Role role, String content) {
        return new Message(role, content);
    }

    /**
     * A system message.
     *
     * @param content the instructions
     * @return the message
     */
    public static Message system(String content) {
        return new Message(Role.SYSTEM, content);
    }

    /**
     * A user message.
     *
     * @param content the user's text
     * @return the message
     */
    public static Message user(String content) {
        return new Message(Role.USER, content);
    }

    /**
     * An assistant message, for example an earlier answer in a multi-turn conversation.
     *
     * @param content the model's text
     * @return the message
     */
    public static Message assistant(String content) {
        return new Message(Role.ASSISTANT, content);
    }

    /** @return who wrote this message */
    public Role role() {
        return role;
    }

    /** @return the text of this message */
    public String content() {
        return content;
    }

    /**
     * A copy of this message with other text, as a {@link dev.tollgate.api.spi.PromptRedactor}
     * result is applied.
     *
     * @param newContent the replacement text
     * @return a message with the same role
     */
    public Message withContent(String newContent) {
        return new Message(role, newContent);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Message m && role == m.role && content.equals(m.content);
    }

    @Override
    public int hashCode() {
        return 31 * role.hashCode() + content.hashCode();
    }

    @Override
    public String toString() {
        return role + ": " + content;
    }
}
