package org.breadbot.processor.store;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.Objects;

/**
 * Slow work a command hands off instead of doing it while its chat's partition waits (docs/architecture.md,
 * "Slow work: the jobs topic"); the value of a {@code telegram.jobs} record.
 *
 * @param id               deterministic per update ({@link #idFor}); its replies' ids derive from it
 * @param kind             what to do
 * @param chatId           the Telegram chat to answer in
 * @param updateId         the update whose command asked for it
 * @param replyToMessageId the command message, which the answer replies to
 * @param messageThreadId  the forum topic the command was sent in, or null
 * @param text             the command's rest text (the prompt), or null
 * @param prePrompt        the alias the user typed, for {@link JobKind#THINK}; else null
 * @param createdAt        when the command ran
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Job(
        String id,
        JobKind kind,
        long chatId,
        long updateId,
        Integer replyToMessageId,
        Integer messageThreadId,
        String text,
        String prePrompt,
        Instant createdAt) {

    public Job {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(kind, "kind");
    }

    /** A new job of the update, with its deterministic id, outside forum topics. */
    public static Job of(JobKind kind, long chatId, long updateId, Integer replyToMessageId, String text,
            String prePrompt, Instant createdAt) {
        return new Job(idFor(chatId, updateId), kind, chatId, updateId, replyToMessageId, null, text, prePrompt,
                createdAt);
    }

    /** The same job, answered in forum topic {@code threadId} (null: none). */
    public Job inThread(Integer threadId) {
        return new Job(id, kind, chatId, updateId, replyToMessageId, threadId, text, prePrompt, createdAt);
    }

    /** One update asks for at most one job: a command message runs one command. */
    public static String idFor(long chatId, long updateId) {
        return chatId + ":" + updateId + ":job";
    }

    /**
     * The deterministic id of the job's {@code position}-th reply. It never equals an id the update's own
     * replies get ({@code chat:update:position}), and a job run twice (after a crash) repeats it, so the sender
     * delivers it once.
     */
    public String replyId(int position) {
        return id + ":" + position;
    }
}
