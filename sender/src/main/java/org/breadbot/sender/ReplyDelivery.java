package org.breadbot.sender;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.breadbot.common.kafka.Headers;
import org.breadbot.common.reply.ReplyCommand;
import org.breadbot.common.secret.Secrets;
import org.breadbot.common.telegram.api.BotApiClient;
import org.breadbot.common.telegram.api.BotApiException;
import org.breadbot.common.tracing.Trace;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;
import reactor.util.retry.RetryBackoffSpec;

/**
 * Delivers one record of the replies topic and says what became of it. Per record, top to bottom:
 * <ol>
 * <li>not a valid reply command → dead letter at once (poison);</li>
 * <li>already in the delivery log → skipped (duplicate after a restart or rebalance);</li>
 * <li>to a migrated group → sent to the new id; to a chat that blocked the bot before the reply was made →
 * dead letter without a call;</li>
 * <li>wait for the rate limits, call the Bot API, record the delivery in the log;</li>
 * <li>429 → wait {@code retry_after} (capped at {@code max-retry-after}; this chat only, or everyone if so
 * configured) and send again, not counted as an attempt; 5xx and timeouts → exponential back-off with jitter, then
 * dead letter; no connection at all → the same back-off for up to {@code retry.unreachable-max-elapsed}, not
 * counted as an attempt;</li>
 * <li>any wait longer than {@code park-after} (the chat's rate limit with the replies queued before it, a
 * {@code retry_after}, a back-off) is not waited here: the delivery ends {@link DeliveryOutcome#PARKED}, with
 * when to continue and what it used up, and the caller parks the reply ({@link ReplyIntake});</li>
 * <li>400 "message to be replied not found" → once more without the reply; 400 "message thread not found" (the
 * forum topic was deleted) → once more in the General topic; 400 with {@code migrate_to_chat_id} →
 * remember the new id, send there; 403 → mark the chat blocked, dead letter; other 400 → dead letter;
 * 401 → stop the sender (fatal).</li>
 * </ol>
 * Nothing visible outside happens once the record's partition is revoked ({@link DeliveryGuard}); such a record is
 * {@link DeliveryOutcome#ABANDONED} and goes to the partition's next owner.
 */
final class ReplyDelivery {

    private static final Logger log = LoggerFactory.getLogger(ReplyDelivery.class);

    /** A group migrates once; more redirects than this mean something is wrong. */
    private static final int MAX_REDIRECTS = 2;
    private static final Duration STORE_MIN_BACKOFF = Duration.ofMillis(200);
    private static final Duration STORE_MAX_BACKOFF = Duration.ofSeconds(10);

    private final BotApiClient botApi;
    private final RateLimits rateLimits;
    private final DeliveryLog deliveryLog;
    private final DeliveryClaims claims;
    private final ChatDeliveryStates chatStates;
    private final ChatMigrations migrations;
    private final DeadLetters deadLetters;
    private final FatalStop fatal;
    private final SenderMetrics metrics;
    private final SenderProperties properties;
    private final LookupGate lookups;
    private final AtomicLong beyondHorizon = new AtomicLong();
    private final AtomicLong lastHorizonWarning =
            new AtomicLong(System.nanoTime() - Duration.ofMinutes(2).toNanos());

    ReplyDelivery(BotApiClient botApi, RateLimits rateLimits, DeliveryLog deliveryLog, DeliveryClaims claims,
            ChatDeliveryStates chatStates, ChatMigrations migrations, DeadLetters deadLetters, FatalStop fatal,
            SenderMetrics metrics, SenderProperties properties) {
        this.botApi = botApi;
        this.rateLimits = rateLimits;
        this.deliveryLog = deliveryLog;
        this.claims = claims;
        this.chatStates = chatStates;
        this.migrations = migrations;
        this.deadLetters = deadLetters;
        this.fatal = fatal;
        this.metrics = metrics;
        this.properties = properties;
        this.lookups = new LookupGate(properties.lookupConcurrency());
    }

    /** One record, the guard that says whether it may still have effects, and the trace of this hop. */
    private record Job(ConsumerRecord<String, byte[]> record, DeliveryGuard guard, Trace hop) {
    }

    Mono<Delivery> deliver(ConsumerRecord<String, byte[]> record, DeliveryGuard guard) {
        return deliver(record, guard, Trace.continueFrom(Headers.text(record.headers(), Trace.TRACEPARENT)),
                DeliveryAttempt.FIRST);
    }

    /** Delivers the record as far as it can without waiting longer than {@code park-after}. */
    Mono<Delivery> deliver(ConsumerRecord<String, byte[]> record, DeliveryGuard guard, Trace hop,
            DeliveryAttempt attempt) {
        Job job = new Job(record, guard, hop);
        if (beyondHorizon(record)) {
            metrics.outcome(SenderMetrics.UNKNOWN_METHOD, DeliveryOutcome.BEYOND_HORIZON);
            return Mono.just(Delivery.of(DeliveryOutcome.BEYOND_HORIZON));
        }
        ReplyParser.Parsed parsed = ReplyParser.parse(record);
        String method = parsed.isValid() ? parsed.reply().method().apiName() : SenderMetrics.UNKNOWN_METHOD;
        Mono<Delivery> outcome = parsed.isValid()
                ? deliverReply(job, parsed.reply(), attempt)
                : deadLetter(job, parsed.problem(), DeliveryOutcome.POISON).map(Delivery::of);
        return outcome
                .onErrorResume(failure -> !(failure instanceof ReplyAbandoned),
                        failure -> unexpected(job, failure).map(Delivery::of))
                .onErrorResume(ReplyAbandoned.class, abandoned -> Mono.just(Delivery.of(DeliveryOutcome.ABANDONED)))
                .doOnNext(result -> metrics.outcome(method, result.outcome()));
    }

    /**
     * True for a record older than the delivery log remembers, less the clock skew: whether it was sent can no longer
     * be known, and a reply that old is no use to the chat. One WARN a minute says how many were skipped.
     */
    private boolean beyondHorizon(ConsumerRecord<String, byte[]> record) {
        SenderProperties.DeliveryLog settings = properties.deliveryLog();
        long horizon = System.currentTimeMillis() - settings.retention().minus(settings.clockSkew()).toMillis();
        if (record.timestamp() < 0 || record.timestamp() >= horizon) {
            return false;
        }
        long skipped = beyondHorizon.incrementAndGet();
        long now = System.nanoTime();
        long last = lastHorizonWarning.get();
        if (now - last > Duration.ofMinutes(1).toNanos() && lastHorizonWarning.compareAndSet(last, now)) {
            log.warn("Skipped {} reply record(s) so far older than the delivery log's retention ({}), the latest "
                    + "{}-{}@{}: they may have been sent already", skipped, settings.retention(), record.topic(),
                    record.partition(), record.offset());
        }
        return true;
    }

    /** A bug, not a Telegram answer: dead-lettered so that the partition goes on. */
    private Mono<DeliveryOutcome> unexpected(Job job, Throwable failure) {
        log.error("Unexpected failure delivering record {}-{}@{}", job.record().topic(), job.record().partition(),
                job.record().offset(), failure);
        return deadLetter(job, failure, DeliveryOutcome.DEAD_LETTERED);
    }

    /** What the look-ups before the first call found: a duplicate, or where to send and since when it is blocked. */
    private record Checked(ReplyCommand reply, boolean duplicate, Instant blockedAt) {
    }

    private Mono<Delivery> deliverReply(Job job, ReplyCommand reply, DeliveryAttempt attempt) {
        return lookups.around(untilRevoked(job, deliveryLog.contains(reply.id()))
                        .flatMap(delivered -> delivered
                                ? Mono.just(new Checked(reply, true, null))
                                : addressed(job, reply).flatMap(addressed -> untilRevoked(job,
                                                chatStates.blockedSince(addressed.chatId()))
                                        .map(blockedAt -> new Checked(addressed, false, blockedAt))
                                        .defaultIfEmpty(new Checked(addressed, false, null)))))
                // the finished look-ups' operators (and their pooled-connection wrappers, ~25 KB a record) would
                // otherwise stay reachable from here while the reply waits its turn at the rate limits
                .onTerminateDetach()
                .flatMap(checked -> {
                    if (checked.duplicate()) {
                        return Mono.just(Delivery.of(DeliveryOutcome.DUPLICATE));
                    }
                    if (checked.blockedAt() != null && madeBefore(checked.reply(), checked.blockedAt())) {
                        return deadLetter(job, new ChatBlockedException(checked.reply().chatId(),
                                checked.blockedAt()), DeliveryOutcome.CHAT_BLOCKED).map(Delivery::of);
                    }
                    return send(job, checked.reply(), 0, attempt);
                });
    }

    /** The reply as it must go out: to the new id of a group that became a supergroup. */
    private Mono<ReplyCommand> addressed(Job job, ReplyCommand reply) {
        return untilRevoked(job, migrations.currentId(reply.chatId()))
                .map(chatId -> chatId == reply.chatId() ? reply : reply.withChatId(chatId));
    }

    private Mono<Delivery> sendToChat(Job job, ReplyCommand reply, int redirects, DeliveryAttempt attempt) {
        return untilRevoked(job, chatStates.blockedSince(reply.chatId()))
                .filter(blockedAt -> madeBefore(reply, blockedAt))
                .flatMap(blockedAt -> deadLetter(job, new ChatBlockedException(reply.chatId(), blockedAt),
                        DeliveryOutcome.CHAT_BLOCKED).map(Delivery::of))
                .switchIfEmpty(Mono.defer(() -> send(job, reply, redirects, attempt)));
    }

    /**
     * Waits for the rate limits and calls the Bot API, unless the chat's own wait, with the replies queued before
     * this one, is longer than {@code park-after}: then the reply is parked until its chat may send.
     */
    private Mono<Delivery> send(Job job, ReplyCommand reply, int redirects, DeliveryAttempt attempt) {
        Duration ownWait = rateLimits.chatWait(reply.chatId());
        Duration expected = ownWait.plus(rateLimits.interval(reply.chatId()).multipliedBy(attempt.queuedBehind()));
        if (expected.compareTo(properties.parkAfter()) > 0) {
            return park(attempt, ownWait, "rate_limit");
        }
        return attempt(job, reply)
                .then(Mono.fromRunnable(() -> endToEnd(job)))
                .thenReturn(Delivery.of(DeliveryOutcome.DELIVERED))
                .onErrorResume(failure -> afterFailure(job, reply, redirects, attempt, failure));
    }

    private Mono<Void> attempt(Job job, ReplyCommand reply) {
        return rateLimits.acquire(reply.chatId())
                .doOnNext(metrics::rateLimitWait)
                .then(Mono.defer(() -> claimCallAndRecord(job, reply)));
    }

    /**
     * Claims the reply for this owner of the partition right before the call ({@link DeliveryClaims}): refused, the
     * partition has a newer owner, which sends it, and the record is given up here.
     */
    private Mono<Void> claimCallAndRecord(Job job, ReplyCommand reply) {
        TopicPartition partition = new TopicPartition(job.record().topic(), job.record().partition());
        return untilRevoked(job, claims.claim(partition, reply.id(), reply.chatId()))
                .flatMap(claimed -> {
                    if (claimed) {
                        return callAndRecord(job, reply);
                    }
                    metrics.fenced();
                    log.warn("Reply {} not sent: {} has a newer owner, which sends it", reply.id(), partition);
                    return Mono.error(new ReplyAbandoned());
                });
    }

    /** The call and its log entry form one side effect: the next owner of the partition must see both. */
    private Mono<Void> callAndRecord(Job job, ReplyCommand reply) {
        if (fatal.isStopped() || !job.guard().beginSideEffect()) {
            return Mono.error(new ReplyAbandoned());
        }
        return job.hop().around(botApi.send(reply))
                .contextWrite(TraceparentFilter.with(job.hop()))
                .flatMap(message -> untilStored(deliveryLog.record(reply.id(), reply.chatId(), message.messageId())))
                // ended before the outcome goes on (not doFinally, which runs after it): what the outcome leads to at
                // once, a dead letter, is a side effect of its own
                .doOnTerminate(job.guard()::endSideEffect)
                .doOnCancel(job.guard()::endSideEffect);
    }

    /**
     * The one place that decides what a failed call leads to: 429 → wait {@code retry_after}; no connection → wait
     * while the outage lasts, bounded; 5xx or timeout → back off, bounded by the attempts; any other refusal →
     * {@link #onRefused}. A wait longer than {@code park-after} parks the reply instead.
     */
    private Mono<Delivery> afterFailure(Job job, ReplyCommand reply, int redirects, DeliveryAttempt attempt,
            Throwable failure) {
        if (failure instanceof ReplyAbandoned) {
            return Mono.error(failure);
        }
        if (failure instanceof BotApiException.RetryAfter tooMany) {
            Duration wait = capped(tooMany.retryAfter());
            metrics.retryAfter();
            log.info("Telegram asked to wait {} s before sending to chat {} again", tooMany.retryAfter().toSeconds(),
                    reply.chatId());
            if (properties.globalPauseOn429()) {
                rateLimits.pauseAll(wait);
            }
            return waitOrPark(job, reply, redirects, attempt, wait, "retry_after");
        }
        Instant now = Instant.now();
        if (isUnreachable(failure)) {
            DeliveryAttempt waiting = attempt.unreachable(now);
            if (Duration.between(waiting.unreachableSince(), now).compareTo(retry().unreachableMaxElapsed()) > 0) {
                return deadLetter(job, failure, DeliveryOutcome.DEAD_LETTERED).map(Delivery::of);
            }
            Duration wait = jittered(waiting.unreachableWait(now, retry().minBackoff(), retry().maxBackoff()));
            metrics.retried("unreachable");
            log.warn("Bot API unreachable ({}); reply {} waits {} ms", failure.getMessage(), reply.id(),
                    wait.toMillis());
            return waitOrPark(job, reply, redirects, waiting, wait, "unreachable");
        }
        if (isTransient(failure) && attempt.failures() + 1 < retry().maxAttempts()) {
            DeliveryAttempt failed = attempt.failed();
            Duration wait = jittered(backoff(failed.failures()));
            metrics.retried("server_error");
            log.warn("Sending reply {} failed ({}); retry {} of {} in {} ms", reply.id(), failure.getMessage(),
                    failed.failures(), retry().maxAttempts() - 1, wait.toMillis());
            return waitOrPark(job, reply, redirects, failed, wait, "backoff");
        }
        if (failure instanceof BotApiException refused) {
            return onRefused(job, reply, refused, redirects, attempt);
        }
        return Mono.error(failure);
    }

    private Mono<Delivery> waitOrPark(Job job, ReplyCommand reply, int redirects, DeliveryAttempt attempt,
            Duration wait, String reason) {
        if (wait.compareTo(properties.parkAfter()) > 0) {
            return park(attempt, wait, reason);
        }
        return Mono.delay(wait).then(Mono.defer(() -> send(job, reply, redirects, attempt)));
    }

    private Mono<Delivery> park(DeliveryAttempt attempt, Duration wait, String reason) {
        metrics.parked(reason);
        return Mono.just(Delivery.parked(attempt, Instant.now().plus(wait), reason));
    }

    private Duration capped(Duration retryAfter) {
        return retryAfter.compareTo(properties.maxRetryAfter()) > 0 ? properties.maxRetryAfter() : retryAfter;
    }

    /** The wait before retry {@code n} (from 1): the minimum back-off doubled each time, up to the maximum. */
    private Duration backoff(int n) {
        long millis = retry().minBackoff().toMillis() << Math.min(30, n - 1);
        return Duration.ofMillis(Math.min(millis, retry().maxBackoff().toMillis()));
    }

    /** The wait made up to {@code jitter} of itself shorter or longer, never below the minimum back-off. */
    private Duration jittered(Duration wait) {
        double spread = retry().jitter() * wait.toMillis();
        long millis = Math.round(wait.toMillis() + (ThreadLocalRandom.current().nextDouble() * 2 - 1) * spread);
        return Duration.ofMillis(Math.max(retry().minBackoff().toMillis(), millis));
    }

    private SenderProperties.Retry retry() {
        return properties.retry();
    }

    /** Replies of updates that came through ingress know when it received them. */
    private void endToEnd(Job job) {
        Long receivedAt = Headers.number(job.record().headers(), Headers.RECEIVED_AT);
        if (receivedAt != null) {
            metrics.delivered(receivedAt);
        }
    }

    static boolean isUnreachable(Throwable error) {
        return error instanceof BotApiException.Timeout timeout && timeout.notConnected();
    }

    private static boolean isTransient(Throwable error) {
        return error instanceof BotApiException.ServerError || error instanceof BotApiException.Timeout;
    }

    private Mono<Delivery> onRefused(Job job, ReplyCommand reply, BotApiException refused, int redirects,
            DeliveryAttempt attempt) {
        if (refused instanceof BotApiException.Unauthorized) {
            fatal.stop(refused);
            return Mono.error(new ReplyAbandoned());
        }
        if (refused instanceof BotApiException.MigratedChat migrated && redirects < MAX_REDIRECTS) {
            log.info("Chat {} became chat {}; sending there from now on", reply.chatId(), migrated.newChatId());
            return untilRevoked(job, migrations.remember(reply.chatId(), migrated.newChatId()))
                    .then(Mono.defer(() -> sendToChat(job, reply.withChatId(migrated.newChatId()), redirects + 1,
                            attempt)));
        }
        if (refused instanceof BotApiException.BadRequest badRequest && badRequest.isReplyTargetMissing()
                && reply.replyToMessageId() != null) {
            log.info("The message reply {} answers is gone; sending it without the reply", reply.id());
            return sendToChat(job, reply.withoutReplyTarget(), redirects, attempt);
        }
        if (refused instanceof BotApiException.BadRequest badRequest && badRequest.isThreadMissing()
                && reply.messageThreadId() != null) {
            log.info("The forum topic of reply {} is gone; sending it to the General topic", reply.id());
            return sendToChat(job, reply.inThread(null), redirects, attempt);
        }
        if (refused instanceof BotApiException.Forbidden) {
            return markChat(job, reply, ChatDeliveryStates.BLOCKED, refused);
        }
        if (refused instanceof BotApiException.BadRequest && isChatNotFound(refused)) {
            return markChat(job, reply, ChatDeliveryStates.NOT_FOUND, refused);
        }
        return deadLetter(job, refused, DeliveryOutcome.DEAD_LETTERED).map(Delivery::of);
    }

    private Mono<Delivery> markChat(Job job, ReplyCommand reply, String status, BotApiException refused) {
        return untilRevoked(job, chatStates.mark(reply.chatId(), status, refused.description()))
                .then(deadLetter(job, refused, DeliveryOutcome.DEAD_LETTERED))
                .map(Delivery::of);
    }

    private static boolean isChatNotFound(BotApiException refused) {
        return refused.description() != null && refused.description().contains("chat not found");
    }

    /**
     * Writes the record as it came to the dead-letter topic; retried while Kafka is away, for at most
     * {@code retry.outage-max-elapsed}, then given up (logged, counted), unless revoked first.
     */
    private Mono<DeliveryOutcome> deadLetter(Job job, Throwable error, DeliveryOutcome outcome) {
        return Mono.defer(() -> {
                    if (!job.guard().beginSideEffect()) {
                        return Mono.error(new ReplyAbandoned());
                    }
                    return deadLetters.publish(job.record(), error)
                            .doOnTerminate(job.guard()::endSideEffect)
                            .doOnCancel(job.guard()::endSideEffect);
                })
                .retryWhen(whileAway("Could not write a dead letter")
                        .filter(failure -> !(failure instanceof ReplyAbandoned)))
                .then(Mono.fromRunnable(() -> {
                    metrics.deadLettered();
                    log.warn("Dead-lettered record {}-{}@{} ({}): {}", job.record().topic(),
                            job.record().partition(), job.record().offset(), outcome.tag(), Secrets.mask(error.getMessage()));
                }))
                .thenReturn(outcome)
                .onErrorResume(failure -> !(failure instanceof ReplyAbandoned), failure -> {
                    log.error("Gave record {}-{}@{} up: no dead letter could be written for {} ({})",
                            job.record().topic(), job.record().partition(), job.record().offset(),
                            retry().outageMaxElapsed(), Secrets.mask(String.valueOf(failure)));
                    return Mono.just(DeliveryOutcome.GIVEN_UP);
                });
    }

    /** Back-off while PostgreSQL or Kafka is away, up to {@code retry.outage-max-elapsed} in all. */
    private RetryBackoffSpec whileAway(String what) {
        long attempts = Math.max(1, retry().outageMaxElapsed().toMillis() / STORE_MAX_BACKOFF.toMillis());
        return Retry.backoff(attempts, STORE_MIN_BACKOFF)
                .maxBackoff(STORE_MAX_BACKOFF)
                .doBeforeRetry(signal -> {
                    metrics.retried("outage");
                    log.warn("{} ({}); retrying", what, Secrets.mask(signal.failure().toString()));
                })
                .onRetryExhaustedThrow((spec, signal) -> signal.failure());
    }

    /**
     * A database call before any effect: retried while the database is away, bounded (then the reply is
     * dead-lettered as a failure), and given up once revoked.
     */
    private <T> Mono<T> untilRevoked(Job job, Mono<T> query) {
        return query.retryWhen(whileAway("Database call failed").filter(failure -> !job.guard().isRevoked()))
                .onErrorMap(failure -> job.guard().isRevoked(), failure -> new ReplyAbandoned());
    }

    /**
     * The log entry of a reply Telegram accepted: retried while the database is away, since the offset waits for
     * it; past the bound the reply counts as delivered without it (it could then be sent twice, not lost).
     */
    private Mono<Void> untilStored(Mono<Void> write) {
        return write.retryWhen(whileAway("Could not record a delivery"))
                .onErrorResume(failure -> {
                    log.error("A delivered reply could not be recorded for {}; it could be sent again ({})",
                            retry().outageMaxElapsed(), Secrets.mask(String.valueOf(failure)));
                    return Mono.empty();
                });
    }

    private static boolean madeBefore(ReplyCommand reply, Instant blockedAt) {
        return reply.createdAt() == null || !reply.createdAt().isAfter(blockedAt);
    }
}
