package org.breadbot.processor.pipeline;

import java.time.Duration;

/**
 * The time one update may take (the processor's {@code update-budget}). The pipeline cancels the update's reactive
 * work when the budget runs out, which stops its database statements; work that computes without waiting (matching
 * a text against a chat's keys, rewriting a text into nonsense, rendering a long list) calls {@link #check()} as it
 * goes, so that it stops too instead of running on after nobody waits for its result.
 */
public final class Budget {

    private static final Budget UNLIMITED = new Budget(Duration.ofNanos(Long.MAX_VALUE), Long.MAX_VALUE);

    private final Duration limit;
    private final long deadlineNanos;
    private volatile boolean cancelled;

    private Budget(Duration limit, long deadlineNanos) {
        this.limit = limit;
        this.deadlineNanos = deadlineNanos;
    }

    /** A budget of {@code limit} from now. */
    public static Budget of(Duration limit) {
        return new Budget(limit, System.nanoTime() + limit.toNanos());
    }

    /** No limit: for work nobody waits on with a deadline (the replay tool, tests of the bot logic). */
    public static Budget unlimited() {
        return UNLIMITED;
    }

    /** @throws OverBudgetException once the budget has run out or the update's work was cancelled */
    public void check() {
        if (cancelled || this != UNLIMITED && System.nanoTime() - deadlineNanos > 0) {
            throw exceeded();
        }
    }

    /** Makes every later {@link #check()} fail: nobody waits for the result any more. */
    void cancel() {
        cancelled = true;
    }

    boolean isUnlimited() {
        return this == UNLIMITED;
    }

    Duration limit() {
        return limit;
    }

    OverBudgetException exceeded() {
        return new OverBudgetException(limit);
    }
}
