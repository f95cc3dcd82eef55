package org.breadbot.processor.pipeline;

import java.time.Duration;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.breadbot.common.kafka.Headers;
import org.breadbot.common.logging.UpdateMdc;
import org.breadbot.common.tracing.Trace;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.listener.MessageListener;

/**
 * The edge between Kafka and the reactive pipeline: it blocks its consumer thread until the update is applied and
 * its replies are acknowledged, so the offset is committed only afterwards. Any exception goes to the error policy.
 *
 * <p>It puts the update's ids and its trace in the MDC first; blocking carries them into the reactive work
 * (automatic context propagation), and {@link PipelineRecordInterceptor} removes them once the record is done.
 */
final class UpdateListener implements MessageListener<String, byte[]> {

    private static final Logger log = LoggerFactory.getLogger(UpdateListener.class);

    private final UpdateParser parser;
    private final UpdatePipeline pipeline;
    private final PipelineMetrics metrics;
    private final Duration timeout;

    UpdateListener(UpdateParser parser, UpdatePipeline pipeline, PipelineMetrics metrics, Duration timeout) {
        this.parser = parser;
        this.pipeline = pipeline;
        this.metrics = metrics;
        this.timeout = timeout;
    }

    @Override
    public void onMessage(ConsumerRecord<String, byte[]> record) {
        Trace hop = Trace.continueFrom(Headers.text(record.headers(), Trace.TRACEPARENT));
        UpdateMdc.put(UpdateMdc.of(Headers.number(record.headers(), Headers.UPDATE_ID), chatOf(record), hop));
        IncomingUpdate update = parser.parse(record.value())
                .withCarried(CarriedHeaders.of(record.headers(), hop));
        UpdateMdc.put(UpdateMdc.of(update.updateId(), update.chatId(), hop));
        Outcome outcome = pipeline.process(update).timeout(timeout).block();
        metrics.processed(outcome);
        log.debug("Update {} ({}) of chat {} from {}-{}@{}: {}", update.updateId(), update.type(), update.chatId(),
                record.topic(), record.partition(), record.offset(), outcome.applied() ? "applied" : "duplicate");
    }

    private static Long chatOf(ConsumerRecord<String, byte[]> record) {
        Long chat = Headers.number(record.headers(), Headers.CHAT_ID);
        return chat != null ? chat : Headers.number(record.key());
    }
}
