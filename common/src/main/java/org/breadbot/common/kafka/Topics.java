package org.breadbot.common.kafka;

/** Names of the Kafka topics that make up bread-bot's wire contract (architecture §3). */
public final class Topics {

    /** Raw Telegram Update JSON, key = chat id (user id when the update has no chat); analysts replay it. */
    public static final String UPDATES = "telegram.updates";

    /** Reply commands ({@link org.breadbot.common.reply.ReplyCommand} JSON), key = chat id. */
    public static final String REPLIES = "telegram.replies";

    /**
     * Chat histories imported from Telegram Desktop exports by {@code bread-bot-replay import}, written like
     * {@link #UPDATES} (key = chat id, one update per message) with {@code source=tdesktop}; no bot consumer reads it.
     */
    public static final String IMPORTS = "telegram.imports";

    /** Updates the processor could not apply, with the error in headers. */
    public static final String UPDATES_DLT = UPDATES + ".dlt";

    /** Replies the sender could not deliver for good (400, 403, poison), with the error in headers. */
    public static final String REPLIES_DLT = REPLIES + ".dlt";

    /**
     * Slow work the processor hands off (integrations, OpenAI) so that it never holds up a partition of
     * {@link #UPDATES}; key = chat id, value = the job JSON. Processor-internal: its replies go to {@link #REPLIES}.
     */
    public static final String JOBS = "telegram.jobs";

    /** Jobs whose record could not be read, with the error in headers. */
    public static final String JOBS_DLT = JOBS + ".dlt";

    /** Suffix spring-kafka's dead-letter recoverer appends to a source topic. */
    public static final String DLT_SUFFIX = ".dlt";

    private Topics() {
    }
}
