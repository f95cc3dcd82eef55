package org.breadbot.ingress.kafka;

import io.micrometer.core.instrument.Timer;
import io.netty.util.HashedWheelTimer;
import io.netty.util.Timeout;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.DoubleSupplier;
import java.util.function.Function;
import java.util.function.Supplier;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.breadbot.common.telegram.UpdateEnvelope;
import org.breadbot.common.tracing.Trace;
import org.breadbot.ingress.IngressMetrics;
import org.breadbot.ingress.IngressProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.SendResult;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.core.publisher.MonoSink;
import reactor.core.scheduler.Schedulers;

/**
 * Writes updates to {@code telegram.updates} and completes only once Kafka acknowledged them (acks=all), or fails
 * within the produce timeout. Callers confirm an update to Telegram only after this completes.
 *
 * <p>{@code send()} blocks up to max.block.ms while the topic's metadata or buffer space is missing. It is called
 * straight from the caller's thread (a Netty event loop for the webhook) only while it cannot block: after a send
 * handed to the {@code ingress-kafka-send} thread was acknowledged (so the topic's metadata is cached), while sends
 * keep coming (the producer forgets an idle topic's metadata after metadata.max.idle.ms), no send failed since, and
 * at least half of the producer's buffer is free. Otherwise the send goes to that thread, as every send did before:
 * one thread on a busy box was descheduled now and then with every queued send behind it, which showed as p99.
 */
@Component
public class UpdateProducer implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(UpdateProducer.class);

    /** Where the caller's work goes on when no executor is given: Reactor's parallel scheduler. */
    private static final Executor PARALLEL = task -> Schedulers.parallel().schedule(task);
    /** A send() on the caller's thread that took longer than this has blocked: no more of them until re-armed. */
    static final Duration BLOCKED = Duration.ofMillis(5);
    /** Well inside metadata.max.idle.ms (5 min by default), after which the producer drops an unused topic. */
    private static final long IDLE_NANOS = TimeUnit.SECONDS.toNanos(60);

    private final Function<ProducerRecord<String, byte[]>, CompletableFuture<SendResult<String, byte[]>>> sender;
    private final Supplier<Buffer> buffer;
    private final long blockedNanos;
    private final IngressMetrics metrics;
    private final Duration timeout;
    private final long timeoutNanos;
    /**
     * The produce timeout's timers: a wheel (one thread ticking every 20 ms, O(1) to add and cancel) instead of
     * Reactor's timeout on the parallel scheduler, whose delay queue took a lock per request.
     */
    private final HashedWheelTimer timers;
    /** Calls {@code send()} when it may block, so never on Netty; one thread keeps up with what is left for it. */
    private final ExecutorService sendThread = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "ingress-kafka-send");
        thread.setDaemon(true);
        return thread;
    });
    /** The producer's free buffer while sends may be made on the caller's thread, else null. */
    private volatile DoubleSupplier bufferAvailable;
    private volatile double bufferReserve;
    private volatile long lastSendNanos = System.nanoTime();

    @Autowired
    UpdateProducer(KafkaTemplate<String, byte[]> template, IngressMetrics metrics, IngressProperties properties) {
        this(template::send, () -> Buffer.of(template.metrics()), BLOCKED, metrics, properties);
    }

    /**
     * @param sender       hands a record to the producer: {@code KafkaTemplate::send}
     * @param buffer       the producer's buffer figures, read when a send on the send thread was acknowledged
     * @param blockedAfter a send() on the caller's thread that took longer has blocked (see the class comment)
     */
    UpdateProducer(Function<ProducerRecord<String, byte[]>, CompletableFuture<SendResult<String, byte[]>>> sender,
            Supplier<Buffer> buffer, Duration blockedAfter, IngressMetrics metrics, IngressProperties properties) {
        this.sender = sender;
        this.buffer = buffer;
        this.blockedNanos = blockedAfter.toNanos();
        this.metrics = metrics;
        this.timeout = properties.kafka().produceTimeout();
        this.timeoutNanos = timeout.toNanos();
        this.timers = new HashedWheelTimer(task -> {
            Thread thread = new Thread(task, "ingress-produce-timeout");
            thread.setDaemon(true);
            return thread;
        }, 20, TimeUnit.MILLISECONDS, 512);
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
        return Mono.<Void>create(sink -> {
            ProducerRecord<String, byte[]> record =
                    UpdateRecords.of(envelope, rawUpdate, source, Instant.now(), trace);
            Attempt attempt = new Attempt(sink, resumeOn, source, metrics.startProduce());
            attempt.timer = timers.newTimeout(expired -> attempt.finish(null,
                    new TimeoutException("no ack from Kafka within " + timeout), false), timeoutNanos,
                    TimeUnit.NANOSECONDS);
            // cancelling drops a send not yet started; one handed over the producer still finishes or expires itself
            sink.onCancel(attempt::cancel);
            if (canSendHere()) {
                send(record, trace, attempt, false);
                return;
            }
            try {
                sendThread.execute(() -> send(record, trace, attempt, true));
            } catch (RejectedExecutionException shutDown) {
                attempt.finish(null, shutDown, true);
            }
        });
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

    /** Whether send() can be called on this thread without blocking (see the class comment). */
    private boolean canSendHere() {
        DoubleSupplier available = bufferAvailable;
        if (available == null) {
            return false;
        }
        if (System.nanoTime() - lastSendNanos > IDLE_NANOS) {
            disarm("no send for a minute");
            return false;
        }
        return available.getAsDouble() >= bufferReserve;
    }

    private void send(ProducerRecord<String, byte[]> record, Trace trace, Attempt attempt, boolean onSendThread) {
        if (attempt.isDone()) {
            return;
        }
        long started = System.nanoTime();
        lastSendNanos = started;
        CompletableFuture<SendResult<String, byte[]>> future;
        try {
            // sent under the hop's trace, so that a tracing agent's producer span joins it
            future = trace.call(() -> sender.apply(record));
        } catch (RuntimeException refused) {
            attempt.finish(null, refused, onSendThread);
            return;
        }
        if (!onSendThread && System.nanoTime() - started > blockedNanos) {
            disarm("a send on the caller's thread took over " + Duration.ofNanos(blockedNanos));
        }
        // the ack arrives on the producer's I/O thread, which must not run the caller's work
        future.whenComplete((result, error) -> attempt.finish(result, error, onSendThread));
    }

    /** Sends may be made on the caller's thread again: the topic's metadata is known. */
    private void arm() {
        if (bufferAvailable != null) {
            return;
        }
        Buffer figures = buffer.get();
        if (figures != null) {
            bufferReserve = figures.total() / 2;
            bufferAvailable = figures.available();
        }
    }

    private void disarm(String why) {
        if (bufferAvailable != null) {
            bufferAvailable = null;
            log.debug("Kafka sends go to the send thread until one is acknowledged: {}", why);
        }
    }

    private void completed(boolean onSendThread, Throwable cause) {
        if (cause == null) {
            if (onSendThread) {
                arm();
            }
        } else if (!isPermanent(cause)) {
            disarm(cause.toString());
        }
    }

    private static String outcomeOf(Throwable error) {
        return isPermanent(error) ? IngressMetrics.TOO_LARGE : IngressMetrics.UNAVAILABLE;
    }

    /** Lets sends already handed over finish, so that no accepted request is left without an answer. */
    @Override
    public void destroy() {
        sendThread.shutdown();
        timers.stop();
    }

    /**
     * The producer's buffer: the bytes free now (NaN when unknown, which counts as too few) and its size.
     *
     * @param available buffer-available-bytes, read before each send on the caller's thread
     * @param total     buffer-total-bytes (buffer.memory)
     */
    record Buffer(DoubleSupplier available, double total) {

        /** From the producer's metrics ({@code producer-metrics} group); null while they are not registered. */
        static Buffer of(Map<MetricName, ? extends Metric> producerMetrics) {
            Metric available = null;
            Metric total = null;
            for (Map.Entry<MetricName, ? extends Metric> metric : producerMetrics.entrySet()) {
                if ("producer-metrics".equals(metric.getKey().group())) {
                    if ("buffer-available-bytes".equals(metric.getKey().name())) {
                        available = metric.getValue();
                    } else if ("buffer-total-bytes".equals(metric.getKey().name())) {
                        total = metric.getValue();
                    }
                }
            }
            if (available == null || total == null || !(total.metricValue() instanceof Double totalBytes)) {
                return null;
            }
            Metric free = available;
            return new Buffer(() -> free.metricValue() instanceof Double bytes ? bytes : Double.NaN, totalBytes);
        }
    }

    /** One update's way to Kafka: answered once, by the ack, the failure or the timeout, whichever comes first. */
    private final class Attempt {

        private final AtomicBoolean done = new AtomicBoolean();
        private final MonoSink<Void> sink;
        private final Executor resumeOn;
        private final String source;
        private final Timer.Sample sample;
        private volatile Timeout timer;

        Attempt(MonoSink<Void> sink, Executor resumeOn, String source, Timer.Sample sample) {
            this.sink = sink;
            this.resumeOn = resumeOn;
            this.source = source;
            this.sample = sample;
        }

        boolean isDone() {
            return done.get();
        }

        void cancel() {
            if (done.compareAndSet(false, true)) {
                stopTimer();
            }
        }

        void finish(Object result, Throwable error, boolean onSendThread) {
            Throwable cause = error instanceof CompletionException && error.getCause() != null
                    ? error.getCause() : error;
            completed(onSendThread, cause);
            if (!done.compareAndSet(false, true)) {
                return;
            }
            stopTimer();
            metrics.produced(sample, source, cause == null ? IngressMetrics.STORED : outcomeOf(cause));
            Runnable signal = cause != null ? () -> sink.error(cause) : sink::success;
            try {
                resumeOn.execute(signal);
            } catch (RejectedExecutionException shuttingDown) {
                signal.run();
            }
        }

        private void stopTimer() {
            Timeout scheduled = timer;
            if (scheduled != null) {
                scheduled.cancel();
            }
        }
    }
}
