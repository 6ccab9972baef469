package dev.tollgate.api;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One message of a conversation: who said it and what.
 *
 * <p>Instances are immutable. Create them with {@link #system(String)}, {@link #user(String)},
 * {@link #assistant(String)}, {@link #assistant(String, List)}, {@link #toolResult(String, String)}
 * or {@link #of(Role, String)}.
 */
public final class Message {
    private final Role role;
    private final String content;
    private final List<ToolCall> toolCalls;
    private final String toolCallId;

    private Message(Role role, String content, List<ToolCall> toolCalls, String toolCallId) {
        this.role = Objects.requireNonNull(role, "role");
        this.content = Objects.requireNonNull(content, "content");
        this.toolCalls = List.copyOf(toolCalls);
        this.toolCallId = toolCallId;
    }

    private Message(Role role, String content) {
        this(role, content, List.of(), null);
    }

    /**
     * A message with the given role and text.
     *
     * @param role who wrote it
     * @param content its text
     * @return the message
     */
    public static Message of(Role role, String content) {
        if (role == Role.TOOL) {
            throw new IllegalArgumentException("a tool message answers a call; use toolResult(callId, content)");
        }
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

    /**
     * An assistant message that called tools, to send back with their results.
     *
     * @param content the model's text, possibly empty
     * @param toolCalls the calls it made
     * @return the message
     */
    public static Message assistant(String content, List<ToolCall> toolCalls) {
        return new Message(Role.ASSISTANT, content, toolCalls, null);
    }

    /**
     * The result of a tool call.
     *
     * @param toolCallId the {@linkplain ToolCall#id() id} of the call
     * @param content the result, usually JSON
     * @return the message
     */
    public static Message toolResult(String toolCallId, String content) {
        return new Message(Role.TOOL, content, List.of(), Objects.requireNonNull(toolCallId, "toolCallId"));
    }

    /** @return who wrote this message */
    public Role role() {
        return role;
    }

    /** @return the text of this message */
    public String content() {
        return content;
    }

    /** @return the tools an assistant message called; empty for other messages */
    public List<ToolCall> toolCalls() {
        return toolCalls;
    }

    /** @return the call a {@link Role#TOOL} message answers */
    public Optional<String> toolCallId() {
        return Optional.ofNullable(toolCallId);
    }

    /**
     * A copy of this message with other text, as a {@link dev.tollgate.api.spi.PromptRedactor}
     * result is applied.
     *
     * @param newContent the replacement text
     * @return a message with the same role
     */
    public Message withContent(String newContent) {
        return new Message(role, newContent, toolCalls, toolCallId);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Message m && role == m.role && content.equals(m.content)
                && toolCalls.equals(m.toolCalls) && Objects.equals(toolCallId, m.toolCallId);
    }

    @Override
    public int hashCode() {
        return Objects.hash(role, content, toolCalls, toolCallId);
    }

    @Override
    public String toString() {
        return role + (toolCallId != null ? "[" + toolCallId + "]" : "") + ": " + content
                + (toolCalls.isEmpty() ? "" : " " + toolCalls);
    }
}
