package org.breadbot.processor.pipeline;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.breadbot.common.logging.UpdateMdc;
import org.springframework.kafka.listener.RecordInterceptor;

/**
 * Brackets each record on its consumer thread: from before the listener runs until after its offset is committed
 * (or the error policy has dealt with it). It times that span and then clears the MDC entries the listener set, so
 * that the error policy's log lines (retries, dead letters) still carry the update's ids.
 */
final class PipelineRecordInterceptor implements RecordInterceptor<String, byte[]> {

    private final PipelineMetrics metrics;
    private final ThreadLocal<Long> receivedAt = new ThreadLocal<>();

    PipelineRecordInterceptor(PipelineMetrics metrics) {
        this.metrics = metrics;
    }

    @Override
    public ConsumerRecord<String, byte[]> intercept(ConsumerRecord<String, byte[]> record,
            Consumer<String, byte[]> consumer) {
        receivedAt.set(System.nanoTime());
        CarriedHeaders.receivedAt(record.headers())
                .ifPresent(ingress -> metrics.updateAge(System.currentTimeMillis() - ingress));
        return record;
    }

    @Override
    public void afterRecord(ConsumerRecord<String, byte[]> record, Consumer<String, byte[]> consumer) {
        Long start = receivedAt.get();
        receivedAt.remove();
        if (start != null) {
            metrics.recordDone(System.nanoTime() - start);
        }
        UpdateMdc.clear();
    }
}
