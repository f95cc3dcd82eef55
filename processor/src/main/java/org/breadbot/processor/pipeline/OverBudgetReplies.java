package org.breadbot.processor.pipeline;

import java.time.Duration;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.breadbot.common.secret.Secrets;
import org.breadbot.common.tracing.Trace;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells a chat that its request was too heavy when the error policy gives its update up for being over budget
 * ({@link FailureKind#OVER_BUDGET}), so that the person who asked is not left waiting for an answer that never
 * comes. A courtesy after the dead letter: it never fails the error handler.
 */
final class OverBudgetReplies {

    private static final Logger log = LoggerFactory.getLogger(OverBudgetReplies.class);

    private final UpdateParser parser;
    private final UpdatePipeline pipeline;
    private final Duration timeout;

    OverBudgetReplies(UpdateParser parser, UpdatePipeline pipeline, Duration timeout) {
        this.parser = parser;
        this.pipeline = pipeline;
        this.timeout = timeout;
    }

    /** Stores and publishes the bot's answer to the given-up update, if it has one; logs when that fails. */
    void answer(ConsumerRecord<?, ?> record) {
        try {
            Trace hop = Trace.continueFrom(org.breadbot.common.kafka.Headers.text(record.headers(),
                    Trace.TRACEPARENT));
            if (!(record.value() instanceof byte[] value)) {
                return;
            }
            IncomingUpdate update = parser.parse(value).withCarried(CarriedHeaders.of(record.headers(), hop));
            pipeline.refuse(update).block(timeout);
        } catch (RuntimeException failure) {
            log.warn("Could not tell the chat of {}-{}@{} that its update was too heavy: {}", record.topic(),
                    record.partition(), record.offset(), Secrets.mask(String.valueOf(failure)));
        }
    }
}
