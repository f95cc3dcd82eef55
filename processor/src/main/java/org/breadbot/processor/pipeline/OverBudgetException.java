package org.breadbot.processor.pipeline;

import java.time.Duration;

/** An update took longer than its {@link Budget}; the error policy retries it a bounded number of times. */
public final class OverBudgetException extends RuntimeException {

    OverBudgetException(Duration limit) {
        super("the update took longer than its time budget of " + limit.toMillis() + " ms", null, false, false);
    }
}
