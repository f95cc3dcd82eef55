package org.breadbot.processor.pipeline;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.springframework.kafka.listener.BatchInterceptor;

/**
 * Brackets each batch on its consumer thread: it notes how old each update was on arrival, and once the listener
 * is done with the whole batch (its replies acknowledged; the container commits the offsets right after) it times
 * each record's way from the poll to there. A batch that fails is not timed: the error policy deals with it, and
 * the records it brings back are timed when they are done.
 */
final class PipelineBatchInterceptor implements BatchInterceptor<String, byte[]> {

    private final PipelineMetrics metrics;
    private final ThreadLocal<Long> receivedAt = new ThreadLocal<>();

    PipelineBatchInterceptor(PipelineMetrics metrics) {
        this.metrics = metrics;
    }

    @Override
    public ConsumerRecords<String, byte[]> intercept(ConsumerRecords<String, byte[]> records,
            Consumer<String, byte[]> consumer) {
        receivedAt.set(System.nanoTime());
        long now = System.currentTimeMillis();
        for (ConsumerRecord<String, byte[]> record : records) {
            CarriedHeaders.receivedAt(record.headers()).ifPresent(ingress -> metrics.updateAge(now - ingress));
        }
        return records;
    }

    @Override
    public void success(ConsumerRecords<String, byte[]> records, Consumer<String, byte[]> consumer) {
        Long start = receivedAt.get();
        receivedAt.remove();
        if (start != null) {
            long nanos = System.nanoTime() - start;
            for (int i = 0; i < records.count(); i++) {
                metrics.recordDone(nanos);
            }
        }
    }

    @Override
    public void failure(ConsumerRecords<String, byte[]> records, Exception exception,
            Consumer<String, byte[]> consumer) {
        receivedAt.remove();
    }
}
