package org.breadbot.processor.pipeline;

import java.time.Clock;
import java.time.Duration;

/**
 * How far back the de-duplication reaches. An update id is remembered for {@code retention} after it was
 * processed, and a record is processed after it was written, so every record younger than {@code retention} (less
 * the clock difference between the ingress and processor hosts) whose update was applied is known as applied. An
 * older record cannot be checked: after an outage longer than the retention, or once the group's offsets expired and
 * it starts again at the topic's oldest record, applying it could apply it twice. Such records are skipped and
 * counted unless the operator says otherwise ({@code bread-bot.processor.dedup.apply-beyond-horizon}); the topic
 * still holds them for analysts and for {@code replay}.
 */
final class DedupHorizon {

    private final Duration reach;
    private final boolean applyBeyond;
    private final Clock clock;

    DedupHorizon(ProcessorProperties.Dedup dedup, Clock clock) {
        this.reach = dedup.retention().minus(dedup.clockSkew());
        this.applyBeyond = dedup.applyBeyondHorizon();
        this.clock = clock;
    }

    /** True when a record written at {@code timestampMillis} is too old to be checked, and is not to be applied. */
    boolean skips(long timestampMillis) {
        return !applyBeyond && timestampMillis >= 0 && timestampMillis < clock.millis() - reach.toMillis();
    }

    /** How old a record may be and still be applied. */
    Duration reach() {
        return reach;
    }
}
