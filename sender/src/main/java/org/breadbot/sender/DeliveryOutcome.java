package org.breadbot.sender;

/** What became of one record of the replies topic; the {@code outcome} tag of the deliveries metric. */
enum DeliveryOutcome {
    /** Telegram accepted it. */
    DELIVERED("delivered"),
    /** The delivery log already had it: delivered before a restart or rebalance. */
    DUPLICATE("duplicate"),
    /** Telegram refused it for good (400, 403) or the retries ran out; it is in the dead-letter topic. */
    DEAD_LETTERED("dead_lettered"),
    /** Its chat blocked the bot before the reply was made; dead-lettered without a call. */
    CHAT_BLOCKED("chat_blocked"),
    /** Not a reply command at all; dead-lettered as it came. */
    POISON("poison"),
    /** Given up without effect (partition revoked, sender stopped); the record is delivered again later. */
    ABANDONED("abandoned"),
    /** Neither sent nor dead-lettered: Kafka took no dead letter for longer than the outage bound (logged). */
    GIVEN_UP("given_up"),
    /** It must wait longer than a few seconds: stored with its chat's later replies, delivered when due. */
    PARKED("parked"),
    /**
     * Older than the delivery log remembers (less the clock skew): it may have been sent, so it is skipped, as
     * after the group's offsets expired and it started again at the topic's oldest record.
     */
    BEYOND_HORIZON("beyond_horizon");

    private final String tag;

    DeliveryOutcome(String tag) {
        this.tag = tag;
    }

    String tag() {
        return tag;
    }

    /** True when the reply is done with: its offset may be committed, or its parked row deleted. */
    boolean isFinal() {
        return this != ABANDONED && this != PARKED;
    }
}
