package org.breadbot.bench.telegram;

/** One bucket of a {@link Rate}; not thread-safe (the {@link FloodControl} holds the lock). */
final class TokenBucket {

    private final Rate rate;
    private final double perNano;
    private double tokens;
    private long refilledAt;

    TokenBucket(Rate rate, long nowNanos) {
        this.rate = rate;
        this.perNano = rate.perSecond() / 1e9;
        this.tokens = rate.burst();
        this.refilledAt = nowNanos;
    }

    /** Whether a token is there now (refilling first). */
    boolean available(long nowNanos) {
        refill(nowNanos);
        return tokens >= 1;
    }

    void take() {
        tokens -= 1;
    }

    /** Seconds until a token is there, rounded up as Telegram's {@code retry_after} is (at least 1). */
    int retryAfterSeconds(long nowNanos) {
        refill(nowNanos);
        double seconds = (1 - tokens) / rate.perSecond();
        return (int) Math.max(1, Math.ceil(seconds));
    }

    private void refill(long nowNanos) {
        tokens = Math.min(rate.burst(), tokens + (nowNanos - refilledAt) * perNano);
        refilledAt = nowNanos;
    }
}
