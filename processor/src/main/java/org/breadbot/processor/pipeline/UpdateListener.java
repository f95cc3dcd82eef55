package org.breadbot.processor.pipeline;

import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.breadbot.common.kafka.Headers;
import org.breadbot.common.logging.UpdateMdc;
import org.breadbot.common.tracing.Trace;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.listener.BatchMessageListener;

/**
 * The edge between Kafka and the reactive pipeline, a poll's batch at a time: it applies each record in its own
 * transaction, one after another, then publishes the replies of every chat the batch touched at once, and only
 * returns when they are acknowledged; the container then commits the batch's offsets. It blocks its consumer thread
 * throughout, so an offset is never committed before its update is applied and its replies are on Kafka.
 *
 * <p>When a record fails, the replies of the records before it are published first; then it throws
 * {@link BatchListenerFailedException} naming the record, so that the error policy commits the offsets before it
 * and retries or dead-letters that record, and polls the rest again. Any exception goes to the error policy.
 *
 * <p>It puts each update's ids and its trace in the MDC while the update is applied, and captures them into the
 * reactive work's context, where the pipeline's and the bot's few log sites put them back (handle operators;
 * context propagation is {@code limited}, see processor.yml). A failing record's ids stay for the error policy's log lines
 * and are cleared when the next batch starts.
 */
final class UpdateListener implements BatchMessageListener<String, byte[]> {

    private static final Logger log = LoggerFactory.getLogger(UpdateListener.class);

    private final UpdateParser parser;
    private final UpdatePipeline pipeline;
    private final PipelineMetrics metrics;
    private final DedupHorizon horizon;
    private final Duration budget;
    private final Duration timeout;

    /**
     * @param budget  the time budget of one update's work ({@link UpdatePipeline#apply(IncomingUpdate, Duration)})
     * @param timeout longest wait for one update or one flush, waiting for a connection included
     */
    UpdateListener(UpdateParser parser, UpdatePipeline pipeline, PipelineMetrics metrics, DedupHorizon horizon,
            Duration budget, Duration timeout) {
        this.parser = parser;
        this.pipeline = pipeline;
        this.metrics = metrics;
        this.horizon = horizon;
        this.budget = budget;
        this.timeout = timeout;
    }

    @Override
    public void onMessage(List<ConsumerRecord<String, byte[]>> records) {
        UpdateMdc.clear();
        Set<Long> touched = new LinkedHashSet<>();
        int beyondHorizon = 0;
        for (int index = 0; index < records.size(); index++) {
            if (horizon.skips(records.get(index).timestamp())) {
                beyondHorizon++;
                metrics.beyondHorizon();
                continue;
            }
            try {
                touched.addAll(apply(records.get(index)));
            } catch (RuntimeException failure) {
                if (index > 0) {
                    flush(touched);
                }
                throw new BatchListenerFailedException("update failed", failure, index);
            }
        }
        flush(touched);
        if (beyondHorizon > 0) {
            ConsumerRecord<String, byte[]> first = records.get(0);
            log.warn("Skipped {} record(s) of {}-{} from offset {} on, older than the de-duplication horizon ({}):"
                    + " they may have been applied already; bread-bot.processor.dedup.apply-beyond-horizon=true"
                    + " applies them", beyondHorizon, first.topic(), first.partition(), first.offset(),
                    horizon.reach());
        }
    }

    /** Applies one record; returns the chats whose outbox may hold rows of it now. */
    private Set<Long> apply(ConsumerRecord<String, byte[]> record) {
        Trace hop = Trace.continueFrom(Headers.text(record.headers(), Trace.TRACEPARENT));
        UpdateMdc.put(UpdateMdc.of(Headers.number(record.headers(), Headers.UPDATE_ID), chatOf(record), hop));
        IncomingUpdate update = parser.parse(record.value())
                .withCarried(CarriedHeaders.of(record.headers(), hop));
        UpdateMdc.put(UpdateMdc.of(update.updateId(), update.chatId(), hop));
        // contextCapture: with context propagation limited, block() no longer takes the MDC into the Reactor context
        Outcome outcome = pipeline.apply(update, budget).timeout(timeout).contextCapture().block();
        metrics.processed(outcome);
        log.debug("Update {} ({}) of chat {} from {}-{}@{}: {}", update.updateId(), update.type(), update.chatId(),
                record.topic(), record.partition(), record.offset(), outcome.applied() ? "applied" : "duplicate");
        UpdateMdc.clear();
        if (outcome.applied()) {
            // most updates answer nothing: then the batch needs no flush at all (rows a failed flush left behind
            // go out with the chat's next reply, or with the stale-row relay)
            return outcome.replyChats();
        }
        // a redelivered duplicate: its replies may still be in the outbox after a crash, in its own chat
        return Set.of(update.chatId());
    }

    /**
     * Publishes the replies of the batch so far. If that fails, none of the batch counts as done: the failure is
     * blamed on the first record, so that nothing is committed and the whole batch comes back (its records are
     * duplicates by then, whose chats are flushed again); transient failures are retried without end.
     */
    private void flush(Set<Long> chats) {
        UpdateMdc.clear();
        try {
            pipeline.flush(chats).timeout(timeout).block();
        } catch (RuntimeException failure) {
            throw new BatchListenerFailedException("replies of the batch not published", failure, 0);
        }
    }

    private static Long chatOf(ConsumerRecord<String, byte[]> record) {
        Long chat = Headers.number(record.headers(), Headers.CHAT_ID);
        return chat != null ? chat : Headers.number(record.key());
    }
}
