package org.breadbot.bench;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;
import org.breadbot.bench.infra.Sleep;
import org.breadbot.bench.load.SendTimes;
import org.breadbot.bench.telegram.Delivery;
import org.breadbot.bench.telegram.FakeBotApi;

/**
 * End-to-end latency: for each message the fake Bot API accepted that replies to an update of this run, the time
 * from that update's (intended) post to the delivery. Only answered updates count (trigger and substring hits,
 * commands): plain text gets no reply, so nothing measures its trip.
 */
final class ReplyLatency {

    /** @param latencyMicros one value per matched reply; @param lastDelivery nanoTime of the latest */
    record Matched(Histogram latencyMicros, long matched, long lastDelivery) {
    }

    private record Answered(long chatId, int messageId) {
    }

    private ReplyLatency() {
    }

    /** Waits until the fake has accepted {@code expected} messages or none came for {@code quiet}. */
    static void settle(FakeBotApi telegram, long expected, Duration quiet, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        long last = -1;
        long lastChange = System.nanoTime();
        long reported = System.nanoTime();
        while (System.nanoTime() < deadline) {
            long now = telegram.deliveredCount();
            if (System.nanoTime() - reported > 10_000_000_000L) {
                Bench.log("  waiting for replies: " + now + " of " + expected + " delivered");
                reported = System.nanoTime();
            }
            if (now >= expected) {
                return;
            }
            if (now != last) {
                last = now;
                lastChange = System.nanoTime();
            } else if (System.nanoTime() - lastChange > quiet.toNanos()) {
                return;
            }
            Sleep.millis(100);
        }
    }

    /** Latencies of replies to updates posted at or after {@code fromNanos}; the first reply per update counts. */
    static Matched match(List<Delivery> deliveries, SendTimes times, long fromNanos) {
        Histogram histogram = new Histogram(TimeUnit.MINUTES.toMicros(10), 3);
        Set<Answered> seen = new HashSet<>();
        long matched = 0;
        long lastDelivery = 0;
        for (Delivery delivery : deliveries) {
            lastDelivery = Math.max(lastDelivery, delivery.nanos());
            if (delivery.replyTo() == null) {
                continue;
            }
            Long sent = times.sentAt(delivery.chatId(), delivery.replyTo());
            if (sent == null || sent < fromNanos || !seen.add(new Answered(delivery.chatId(), delivery.replyTo()))) {
                continue;
            }
            histogram.recordValue(Math.min(Math.max(0, (delivery.nanos() - sent) / 1000),
                    histogram.getHighestTrackableValue()));
            matched++;
        }
        return new Matched(histogram, matched, lastDelivery);
    }
}
