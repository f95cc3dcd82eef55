package org.breadbot.ingress.kafka;

import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.breadbot.common.telegram.UpdateEnvelope;
import org.breadbot.common.tracing.Trace;
import org.breadbot.ingress.IngressMetrics;
import org.breadbot.ingress.IngressProperties;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.kafka.support.SendResult;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.core.publisher.MonoSink;
import reactor.core.scheduler.Schedulers;

/**
 * Writes updates to {@code telegram.updates} and completes only once Kafka acknowledged them (acks=all), or fails
 * within the produce timeout. Callers confirm an update to Telegram only after this completes.
 */
@Component
public class UpdateProducer implements DisposableBean {

    /** Where the caller's work goes on when no executor is given: Reactor's parallel scheduler. */
    private static final Executor PARALLEL = task -> Schedulers.parallel().schedule(task);

    private final KafkaTemplate<String, byte[]> template;
    private final IngressMetrics metrics;
    private final Duration timeout;
    /**
     * Calls {@code send()}, which blocks up to max.block.ms while metadata or buffer space is missing, so never on
     * Netty. One plain thread rather than a Reactor scheduler: a hop to boundedElastic (and, with automatic context
     * propagation, the thread-local snapshot around it) cost more than the send itself in profiles; one thread keeps
     * up (a send is a few microseconds) and appends to the producer's batches without contending with itself.
     */
    private final ExecutorService sendThread = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "ingress-kafka-send");
        thread.setDaemon(true);
        return thread;
    });

    UpdateProducer(KafkaTemplate<String, byte[]> template, IngressMetrics metrics, IngressProperties properties) {
        this.template = template;
        this.metrics = metrics;
        this.timeout = properties.kafka().produceTimeout();
    }

    /**
     * Stores one update.
     *
     * @param rawUpdate the bytes to store, unchanged
     * @return completes when acknowledged; errors with the cause when Kafka refused it or did not answer in time
     */
    public Mono<Void> produce(UpdateEnvelope envelope, byte[] rawUpdate, String source) {
        return produce(envelope, rawUpdate, source, Trace.continueFrom(null));
    }

    /**
     * Stores one update with the trace context of this hop in its {@code traceparent} header.
     *
     * @param trace the trace the update's handling belongs to from here on
     */
    public Mono<Void> produce(UpdateEnvelope envelope, byte[] rawUpdate, String source, Trace trace) {
        return produce(envelope, rawUpdate, source, trace, PARALLEL);
    }

    /**
     * Stores one update and goes on with the caller's work on {@code resumeOn} once Kafka answered (the webhook passes
     * its connection's event loop, which writes the response without a further hop).
     *
     * @param resumeOn where completion (or failure) is signalled; never the producer's I/O thread
     */
    public Mono<Void> produce(UpdateEnvelope envelope, byte[] rawUpdate, String source, Trace trace,
            Executor resumeOn) {
        return Mono.defer(() -> {
            ProducerRecord<String, byte[]> record =
                    UpdateRecords.of(envelope, rawUpdate, source, Instant.now(), trace);
            Timer.Sample sample = metrics.startProduce();
            return send(record, trace, resumeOn)
                    .timeout(timeout, Mono.error(() -> new TimeoutException("no ack from Kafka within " + timeout)))
                    .doOnSuccess(acked -> metrics.produced(sample, source, IngressMetrics.STORED))
                    .doOnError(error -> metrics.produced(sample, source, outcomeOf(error)));
        }).then();
    }

    /** True when resending the same update can never succeed (it is bigger than Kafka takes). */
    public static boolean isPermanent(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof RecordTooLargeException) {
                return true;
            }
        }
        return false;
    }

    private Mono<SendResult<String, byte[]>> send(ProducerRecord<String, byte[]> record, Trace trace,
            Executor resumeOn) {
        return Mono.create(sink -> {
            // cancelling (on timeout) drops a send not yet started; one handed over the producer still finishes or
            // expires by itself
            AtomicBoolean cancelled = new AtomicBoolean();
            sink.onCancel(() -> cancelled.set(true));
            try {
                sendThread.execute(() -> {
                    if (cancelled.get()) {
                        return;
                    }
                    CompletableFuture<SendResult<String, byte[]>> future;
                    try {
                        // sent under the hop's trace, so that a tracing agent's producer span joins it
                        future = trace.call(() -> template.send(record));
                    } catch (RuntimeException refused) {
                        resume(resumeOn, sink, null, refused);
                        return;
                    }
                    // the ack arrives on the producer's I/O thread, which must not run the caller's work
                    future.whenComplete((result, error) -> resume(resumeOn, sink, result, error));
                });
            } catch (RejectedExecutionException shutDown) {
                sink.error(shutDown);
            }
        });
    }

    private static <T> void resume(Executor resumeOn, MonoSink<T> sink, T result, Throwable error) {
        Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
        Runnable signal = cause != null ? () -> sink.error(cause) : () -> sink.success(result);
        try {
            resumeOn.execute(signal);
        } catch (RejectedExecutionException shuttingDown) {
            signal.run();
        }
    }

    /** Lets sends already handed over finish, so that no accepted request is left without an answer. */
    @Override
    public void destroy() {
        sendThread.shutdown();
    }

    private static String outcomeOf(Throwable error) {
        return isPermanent(error) ? IngressMetrics.TOO_LARGE : IngressMetrics.UNAVAILABLE;
    }
}
