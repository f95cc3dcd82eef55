package org.breadbot.ingress.polling;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.breadbot.common.json.Json;
import org.breadbot.common.kafka.Headers;
import org.breadbot.common.logging.UpdateMdc;
import org.breadbot.common.telegram.UpdateEnvelope;
import org.breadbot.common.telegram.api.BotApiClient;
import org.breadbot.common.telegram.api.BotApiException;
import org.breadbot.common.telegram.api.RawUpdate;
import org.breadbot.common.telegram.api.TelegramApiProperties;
import org.breadbot.common.tracing.Trace;
import org.breadbot.ingress.IngressMetrics;
import org.breadbot.ingress.IngressProperties;
import org.breadbot.ingress.kafka.UpdateProducer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

/**
 * Long polling for machines Telegram cannot reach. One loop: getUpdates, store the whole batch in Kafka, and only
 * then move the offset past it, since asking with a higher offset is what confirms updates to Telegram. A failed
 * poll or store is retried with back-off from the same offset, so nothing is lost (at worst stored twice, which the
 * processor de-duplicates).
 */
@Component
@ConditionalOnBooleanProperty("bread-bot.ingress.polling.enabled")
class UpdatePoller implements SmartLifecycle {

    /** The longest wait a 429 of getUpdates gets; Telegram's retry_after is seconds to minutes. */
    static final Duration MAX_RETRY_AFTER = Duration.ofMinutes(10);

    private static final Logger log = LoggerFactory.getLogger(UpdatePoller.class);

    private final BotApiClient client;
    private final UpdateProducer producer;
    private final IngressMetrics metrics;
    private final IngressProperties.Polling polling;
    private final List<String> allowedUpdates;
    private final TelegramApiProperties api;

    /** The next update_id to ask for; 0 asks for everything Telegram still holds unconfirmed. */
    private volatile long offset;
    private volatile Disposable loop;

    UpdatePoller(BotApiClient client, UpdateProducer producer, IngressMetrics metrics,
            IngressProperties properties, TelegramApiProperties api) {
        this.client = client;
        this.producer = producer;
        this.metrics = metrics;
        this.polling = properties.polling();
        this.allowedUpdates = properties.allowedUpdates();
        this.api = api;
    }

    @Override
    public void start() {
        if (!api.hasToken()) {
            throw new IllegalStateException("bread-bot.ingress.polling.enabled needs TELEGRAM_BOT_TOKEN");
        }
        log.info("Taking updates by long polling (timeout {}, limit {})", polling.timeout(), polling.limit());
        loop = prepare().thenMany(pollForever())
                .subscribe(null, error -> log.error("Polling stopped: {}", error.toString()));
    }

    @Override
    public void stop() {
        Disposable running = loop;
        loop = null;
        if (running != null) {
            // an unfinished batch is simply fetched again by the next start: its offset was never confirmed
            running.dispose();
            log.info("Polling stopped at offset {}", offset);
        }
    }

    @Override
    public boolean isRunning() {
        Disposable running = loop;
        return running != null && !running.isDisposed();
    }

    /** getUpdates answers 409 while a webhook is set; removing it is opt-in because it stops webhook delivery. */
    private Mono<Void> prepare() {
        if (!polling.deleteWebhook()) {
            return Mono.empty();
        }
        return client.deleteWebhook(false)
                .doOnSuccess(done -> log.info("Webhook deleted before polling"))
                .retryWhen(backoff())
                .then();
    }

    private Flux<Long> pollForever() {
        return Mono.defer(this::pollOnce).repeat().retryWhen(backoff());
    }

    /** @return the offset the next call uses */
    private Mono<Long> pollOnce() {
        return client.getRawUpdates(offset, polling.limit(), polling.timeout(), allowedUpdates)
                .flatMap(this::storeAll)
                .onErrorResume(BotApiException.RetryAfter.class, this::waitAsAsked);
    }

    private Mono<Long> storeAll(List<RawUpdate> updates) {
        long next = nextOffset(updates);
        return Flux.fromIterable(updates)
                // one at a time keeps Telegram's order within each chat
                .concatMap(this::store)
                .then(Mono.fromSupplier(() -> {
                    offset = next;
                    return next;
                }));
    }

    private Mono<Void> store(RawUpdate update) {
        UpdateEnvelope.Read read = UpdateEnvelope.read(update.tree());
        Optional<UpdateEnvelope> envelope = read.valid();
        if (envelope.isEmpty()) {
            log.warn("getUpdates returned an entry that is not an update ({}); skipped", read.problem());
            metrics.count(Headers.SOURCE_POLLING, IngressMetrics.INVALID);
            return Mono.empty();
        }
        // each update starts a trace of its own (a getUpdates batch mixes chats)
        Trace trace = Trace.start();
        // the bytes as Telegram sent them, not re-encoded: analysts replay what Telegram said
        return producer.produce(envelope.get(), update.bytes(), Headers.SOURCE_POLLING, trace)
                .contextWrite(UpdateMdc.into(UpdateMdc.of(envelope.get().updateId(),
                        envelope.get().key(), trace)));
    }

    /**
     * One past the batch's highest id. Not a running maximum across batches: after a week without updates Telegram
     * restarts ids at a random value, possibly lower.
     */
    private long nextOffset(List<RawUpdate> updates) {
        // an entry skipped for a bad chat id still has its update_id, and must be confirmed like the others
        return updates.stream()
                .map(update -> update.tree().path("update_id"))
                .filter(id -> id.isIntegralNumber() && id.canConvertToLong())
                .mapToLong(id -> id.asLong() + 1)
                .max()
                .orElse(offset);
    }

    /** Waits {@code retry_after}, at most {@link #MAX_RETRY_AFTER}: a huge value would overflow the delay. */
    private Mono<Long> waitAsAsked(BotApiException.RetryAfter tooMany) {
        Duration wait = tooMany.retryAfter().compareTo(MAX_RETRY_AFTER) > 0 ? MAX_RETRY_AFTER : tooMany.retryAfter();
        log.warn("getUpdates answered 429; waiting {}", wait);
        return Mono.delay(wait).thenReturn(offset);
    }

    private Retry backoff() {
        return Retry.backoff(Long.MAX_VALUE, polling.minBackoff())
                .maxBackoff(polling.maxBackoff())
                .transientErrors(true)
                .doBeforeRetry(this::logFailure);
    }

    private void logFailure(Retry.RetrySignal signal) {
        Throwable failure = signal.failure();
        if (failure instanceof BotApiException.Conflict) {
            log.error("getUpdates refused with 409 Conflict ({}): another instance polls with this token, or a "
                    + "webhook is set; set bread-bot.ingress.polling.delete-webhook=true to remove the webhook first",
                    ((BotApiException) failure).description());
        } else if (failure instanceof BotApiException.Unauthorized) {
            log.error("Telegram refused the bot token (401); check TELEGRAM_BOT_TOKEN. Retrying with back-off");
        } else {
            log.warn("Polling failed, retrying from offset {} with back-off: {}", offset, failure.toString());
        }
    }
}
