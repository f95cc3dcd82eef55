package org.breadbot.sender;

import java.time.Duration;
import java.time.Instant;
import org.apache.kafka.clients.consumer.ConsumerRecord;
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

/**
 * Delivers one record of the replies topic and says what became of it. Per record, top to bottom:
 * <ol>
 * <li>not a valid reply command → dead letter at once (poison);</li>
 * <li>already in the delivery log → skipped (duplicate after a restart or rebalance);</li>
 * <li>to a migrated group → sent to the new id; to a chat that blocked the bot before the reply was made →
 * dead letter without a call;</li>
 * <li>wait for the rate limits, call the Bot API, record the delivery in the log;</li>
 * <li>429 → wait {@code retry_after} (this chat only, or everyone if so configured) and send again, not counted as
 * an attempt; 5xx and timeouts → exponential back-off with jitter, then dead letter; no connection at all → the
 * same back-off for as long as it lasts, not counted as an attempt;</li>
 * <li>400 "message to be replied not found" → once more without the reply; 400 with {@code migrate_to_chat_id} →
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
    private final ChatDeliveryStates chatStates;
    private final ChatMigrations migrations;
    private final DeadLetters deadLetters;
    private final FatalStop fatal;
    private final SenderMetrics metrics;
    private final SenderProperties properties;
    private final LookupGate lookups;

    ReplyDelivery(BotApiClient botApi, RateLimits rateLimits, DeliveryLog deliveryLog, ChatDeliveryStates chatStates,
            ChatMigrations migrations, DeadLetters deadLetters, FatalStop fatal, SenderMetrics metrics,
            SenderProperties properties) {
        this.botApi = botApi;
        this.rateLimits = rateLimits;
        this.deliveryLog = deliveryLog;
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

    Mono<DeliveryOutcome> deliver(ConsumerRecord<String, byte[]> record, DeliveryGuard guard) {
        return deliver(record, guard, Trace.continueFrom(Headers.text(record.headers(), Trace.TRACEPARENT)));
    }

    Mono<DeliveryOutcome> deliver(ConsumerRecord<String, byte[]> record, DeliveryGuard guard, Trace hop) {
        Job job = new Job(record, guard, hop);
        ReplyParser.Parsed parsed = ReplyParser.parse(record);
        String method = parsed.isValid() ? parsed.reply().method().apiName() : SenderMetrics.UNKNOWN_METHOD;
        Mono<DeliveryOutcome> outcome = parsed.isValid()
                ? deliverReply(job, parsed.reply())
                : deadLetter(job, parsed.problem(), DeliveryOutcome.POISON);
        return outcome
                .onErrorResume(failure -> !(failure instanceof ReplyAbandoned), failure -> unexpected(job, failure))
                .onErrorResume(ReplyAbandoned.class, abandoned -> Mono.just(DeliveryOutcome.ABANDONED))
                .doOnNext(result -> metrics.outcome(method, result));
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

    private Mono<DeliveryOutcome> deliverReply(Job job, ReplyCommand reply) {
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
                        return Mono.just(DeliveryOutcome.DUPLICATE);
                    }
                    if (checked.blockedAt() != null && madeBefore(checked.reply(), checked.blockedAt())) {
                        return deadLetter(job, new ChatBlockedException(checked.reply().chatId(),
                                checked.blockedAt()), DeliveryOutcome.CHAT_BLOCKED);
                    }
                    return send(job, checked.reply(), 0);
                });
    }

    /** The reply as it must go out: to the new id of a group that became a supergroup. */
    private Mono<ReplyCommand> addressed(Job job, ReplyCommand reply) {
        return untilRevoked(job, migrations.currentId(reply.chatId()))
                .map(chatId -> chatId == reply.chatId() ? reply : reply.withChatId(chatId));
    }

    private Mono<DeliveryOutcome> sendToChat(Job job, ReplyCommand reply, int redirects) {
        return untilRevoked(job, chatStates.blockedSince(reply.chatId()))
                .filter(blockedAt -> madeBefore(reply, blockedAt))
                .flatMap(blockedAt -> deadLetter(job, new ChatBlockedException(reply.chatId(), blockedAt),
                        DeliveryOutcome.CHAT_BLOCKED))
                .switchIfEmpty(Mono.defer(() -> send(job, reply, redirects)));
    }

    private Mono<DeliveryOutcome> send(Job job, ReplyCommand reply, int redirects) {
        return attempt(job, reply)
                .retryWhen(afterRetryAfter(reply))
                .retryWhen(whileUnreachable(reply))
                .retryWhen(withBackoff(reply))
                .then(Mono.fromRunnable(() -> endToEnd(job)))
                .thenReturn(DeliveryOutcome.DELIVERED)
                .onErrorResume(BotApiException.class, refused -> onRefused(job, reply, refused, redirects));
    }

    private Mono<Void> attempt(Job job, ReplyCommand reply) {
        return rateLimits.acquire(reply.chatId())
                .doOnNext(metrics::rateLimitWait)
                .then(Mono.defer(() -> callAndRecord(job, reply)));
    }

    /** The call and its log entry form one side effect: the next owner of the partition must see both. */
    private Mono<Void> callAndRecord(Job job, ReplyCommand reply) {
        if (fatal.isStopped() || !job.guard().beginSideEffect()) {
            return Mono.error(new ReplyAbandoned());
        }
        return job.hop().around(botApi.send(reply))
                .contextWrite(TraceparentFilter.with(job.hop()))
                .flatMap(message -> untilStored(deliveryLog.record(reply.id(), reply.chatId(), message.messageId())))
                .doFinally(signal -> job.guard().endSideEffect());
    }

    /** Replies of updates that came through ingress know when it received them. */
    private void endToEnd(Job job) {
        Long receivedAt = Headers.number(job.record().headers(), Headers.RECEIVED_AT);
        if (receivedAt != null) {
            metrics.delivered(receivedAt);
        }
    }

    /** 429: park this chat (its lane) or every chat for retry_after, then the same call again. */
    private Retry afterRetryAfter(ReplyCommand reply) {
        return Retry.from(signals -> signals.concatMap(signal -> {
            if (!(signal.failure() instanceof BotApiException.RetryAfter tooMany)) {
                return Mono.error(signal.failure());
            }
            metrics.retryAfter();
            Duration wait = tooMany.retryAfter();
            log.info("Telegram asked to wait {} s before sending to chat {} again", wait.toSeconds(),
                    reply.chatId());
            if (properties.globalPauseOn429()) {
                rateLimits.pauseAll(wait);
                return Mono.just(signal);
            }
            return Mono.delay(wait).thenReturn(signal);
        }));
    }

    /** 5xx and timeouts: exponential back-off with jitter, then the last error goes on. */
    private Retry withBackoff(ReplyCommand reply) {
        SenderProperties.Retry retry = properties.retry();
        return Retry.backoff(retry.maxAttempts() - 1L, retry.minBackoff())
                .maxBackoff(retry.maxBackoff())
                .jitter(retry.jitter())
                .filter(ReplyDelivery::isTransient)
                .doBeforeRetry(signal -> log.warn("Sending reply {} failed ({}); retry {} of {}", reply.id(),
                        signal.failure().getMessage(), signal.totalRetries() + 1, retry.maxAttempts() - 1))
                .onRetryExhaustedThrow((spec, signal) -> signal.failure());
    }

    /**
     * No connection to the Bot API at all (refused, no route, unknown host): the request never left, so trying again
     * cannot send the reply twice, and an outage of the network is no fault of this reply. Such calls are retried
     * with back-off for as long as it lasts, without using up the attempts, so a long cut dead-letters nothing.
     */
    private Retry whileUnreachable(ReplyCommand reply) {
        SenderProperties.Retry retry = properties.retry();
        return Retry.backoff(Long.MAX_VALUE, retry.minBackoff())
                .maxBackoff(retry.maxBackoff())
                .jitter(retry.jitter())
                .filter(ReplyDelivery::isUnreachable)
                .doBeforeRetry(signal -> log.warn("Bot API unreachable ({}); reply {} waits, try {}",
                        signal.failure().getMessage(), reply.id(), signal.totalRetries() + 1));
    }

    static boolean isUnreachable(Throwable error) {
        return error instanceof BotApiException.Timeout timeout && timeout.notConnected();
    }

    private static boolean isTransient(Throwable error) {
        return error instanceof BotApiException.ServerError || error instanceof BotApiException.Timeout;
    }

    private Mono<DeliveryOutcome> onRefused(Job job, ReplyCommand reply, BotApiException refused, int redirects) {
        if (refused instanceof BotApiException.Unauthorized) {
            fatal.stop(refused);
            return Mono.error(new ReplyAbandoned());
        }
        if (refused instanceof BotApiException.MigratedChat migrated && redirects < MAX_REDIRECTS) {
            log.info("Chat {} became chat {}; sending there from now on", reply.chatId(), migrated.newChatId());
            return untilRevoked(job, migrations.remember(reply.chatId(), migrated.newChatId()))
                    .then(Mono.defer(() -> sendToChat(job, reply.withChatId(migrated.newChatId()), redirects + 1)));
        }
        if (refused instanceof BotApiException.BadRequest badRequest && badRequest.isReplyTargetMissing()
                && reply.replyToMessageId() != null) {
            log.info("The message reply {} answers is gone; sending it without the reply", reply.id());
            return sendToChat(job, withoutReplyTarget(reply), redirects);
        }
        if (refused instanceof BotApiException.Forbidden) {
            return markChat(job, reply, ChatDeliveryStates.BLOCKED, refused);
        }
        if (refused instanceof BotApiException.BadRequest && isChatNotFound(refused)) {
            return markChat(job, reply, ChatDeliveryStates.NOT_FOUND, refused);
        }
        return deadLetter(job, refused, DeliveryOutcome.DEAD_LETTERED);
    }

    private Mono<DeliveryOutcome> markChat(Job job, ReplyCommand reply, String status, BotApiException refused) {
        return untilRevoked(job, chatStates.mark(reply.chatId(), status, refused.description()))
                .then(deadLetter(job, refused, DeliveryOutcome.DEAD_LETTERED));
    }

    private static boolean isChatNotFound(BotApiException refused) {
        return refused.description() != null && refused.description().contains("chat not found");
    }

    /** Writes the record as it came to the dead-letter topic; retried until written, unless revoked. */
    private Mono<DeliveryOutcome> deadLetter(Job job, Throwable error, DeliveryOutcome outcome) {
        return Mono.defer(() -> {
                    if (!job.guard().beginSideEffect()) {
                        return Mono.error(new ReplyAbandoned());
                    }
                    return deadLetters.publish(job.record(), error)
                            .doFinally(signal -> job.guard().endSideEffect());
                })
                .retryWhen(Retry.backoff(Long.MAX_VALUE, STORE_MIN_BACKOFF)
                        .maxBackoff(STORE_MAX_BACKOFF)
                        .filter(failure -> !(failure instanceof ReplyAbandoned))
                        .doBeforeRetry(signal -> log.warn("Could not write a dead letter ({}); retrying",
                                signal.failure().toString())))
                .then(Mono.fromRunnable(() -> {
                    metrics.deadLettered();
                    log.warn("Dead-lettered record {}-{}@{} ({}): {}", job.record().topic(),
                            job.record().partition(), job.record().offset(), outcome.tag(), Secrets.mask(error.getMessage()));
                }))
                .thenReturn(outcome);
    }

    /** A database call before any effect: retried while the database is away, given up once revoked. */
    private <T> Mono<T> untilRevoked(Job job, Mono<T> query) {
        return query.retryWhen(Retry.backoff(Long.MAX_VALUE, STORE_MIN_BACKOFF)
                        .maxBackoff(STORE_MAX_BACKOFF)
                        .filter(failure -> !job.guard().isRevoked())
                        .doBeforeRetry(signal -> log.warn("Database call failed ({}); retrying",
                                signal.failure().toString())))
                .onErrorMap(failure -> job.guard().isRevoked(), failure -> new ReplyAbandoned());
    }

    /** The log entry of a reply Telegram accepted: retried until written, since the offset waits for it. */
    private static Mono<Void> untilStored(Mono<Void> write) {
        return write.retryWhen(Retry.backoff(Long.MAX_VALUE, STORE_MIN_BACKOFF)
                .maxBackoff(STORE_MAX_BACKOFF)
                .doBeforeRetry(signal -> log.warn("Could not record a delivery ({}); retrying",
                        signal.failure().toString())));
    }

    private static boolean madeBefore(ReplyCommand reply, Instant blockedAt) {
        return reply.createdAt() == null || !reply.createdAt().isAfter(blockedAt);
    }

    private static ReplyCommand withoutReplyTarget(ReplyCommand reply) {
        return new ReplyCommand(reply.id(), reply.chatId(), reply.method(), reply.text(), reply.fileId(),
                reply.caption(), null, reply.parseMode(), reply.entities(), reply.updateId(), reply.createdAt());
    }
}
