package org.breadbot.processor.pipeline;

import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.listener.MessageListener;

/**
 * The edge between Kafka and the reactive pipeline: it blocks its consumer thread until the update is applied and
 * its replies are acknowledged, so the offset is committed only afterwards. Any exception goes to the error policy.
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
        IncomingUpdate update = parser.parse(record.value());
        Timer.Sample sample = metrics.start();
        Outcome outcome = pipeline.process(update).timeout(timeout).block();
        metrics.processed(sample, outcome);
        log.debug("Update {} ({}) of chat {} from {}-{}@{}: {}", update.updateId(), update.type(), update.chatId(),
                record.topic(), record.partition(), record.offset(), outcome.applied() ? "applied" : "duplicate");
    }
}
