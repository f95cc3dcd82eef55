package org.breadbot.testsupport;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/** The pending updates of getUpdates: confirmed by offset, served up to a limit, long-polled with a timeout. */
final class UpdateQueue {

    private final List<JsonNode> pending = new ArrayList<>();
    private long generation;

    synchronized void add(JsonNode update) {
        pending.add(update);
        notifyAll();
    }

    synchronized int size() {
        return pending.size();
    }

    /** Drops everything and wakes waiting polls, which then answer with what they have (nothing). */
    synchronized void clear() {
        pending.clear();
        generation++;
        notifyAll();
    }

    /**
     * Confirms the updates before {@code offset} (a negative offset −N keeps only the last N), then returns up to
     * {@code limit} updates, waiting up to {@code timeout} for the first one to arrive.
     */
    synchronized List<JsonNode> poll(long offset, int limit, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        long startedIn = generation;
        confirm(offset);
        while (pending.isEmpty() && generation == startedIn) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                break;
            }
            wait(Math.max(1, left / 1_000_000));
            confirm(offset);
        }
        return List.copyOf(pending.subList(0, Math.min(limit, pending.size())));
    }

    private void confirm(long offset) {
        if (offset > 0) {
            pending.removeIf(update -> update.path("update_id").asLong(0) < offset);
        } else if (offset < 0 && pending.size() > -offset) {
            pending.subList(0, pending.size() - (int) Math.min(pending.size(), -offset)).clear();
        }
    }
}
