package org.breadbot.replay;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;

/**
 * Reads the records of one topic whose timestamps fall in a {@link TimeRange}, without a consumer group.
 *
 * <p>Each partition is read from the first offset whose timestamp is at or after {@code from}
 * ({@code offsetsForTimes}) up to, not including, the first offset whose timestamp is at or after {@code to},
 * and never past the end offset seen when reading started, so a busy topic does not make the read endless.
 * Records inside those bounds whose own timestamp is outside the range (producer clocks disagreeing) are
 * skipped as well. Within a partition records arrive in offset order.
 */
final class TopicSlice {

    private static final Duration POLL = Duration.ofMillis(200);

    private final Map<String, Object> consumerConfig;
    private final String topic;
    private final TimeRange range;
    private final Duration stallTimeout;

    TopicSlice(Map<String, Object> consumerConfig, String topic, TimeRange range, Duration stallTimeout) {
        this.consumerConfig = consumerConfig;
        this.topic = topic;
        this.range = range;
        this.stallTimeout = stallTimeout;
    }

    /** How much was read. */
    record Result(long scanned, long inRange, long nanos) {
    }

    /** Offsets {@code [start, stop)} of one partition. */
    record Bounds(long start, long stop) {
        long size() {
            return Math.max(0, stop - start);
        }
    }

    /**
     * Hands every record in range to {@code visitor}, partitions interleaved as the broker delivers them, until
     * the bounds are reached or the visitor returns false.
     */
    Result read(Predicate<ConsumerRecord<byte[], byte[]>> visitor, Progress progress) {
        return read(visitor, progress, false);
    }

    /**
     * Like {@link #read} but one partition after the other, in partition order: the same slice is then always
     * handed over in the same order, whatever the broker's timing.
     */
    Result readPartitionByPartition(Predicate<ConsumerRecord<byte[], byte[]>> visitor, Progress progress) {
        return read(visitor, progress, true);
    }

    private Result read(Predicate<ConsumerRecord<byte[], byte[]>> visitor, Progress progress, boolean oneByOne) {
        long started = System.nanoTime();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(consumerConfig)) {
            List<TopicPartition> partitions = partitions(consumer);
            // assigned before the offset look-ups, whose answers the consumer only keeps for its own partitions
            consumer.assign(partitions);
            Map<TopicPartition, Bounds> bounds = bounds(consumer, partitions);
            progress.start(bounds.values().stream().mapToLong(Bounds::size).sum());
            consumer.pause(partitions);
            bounds.forEach((partition, bound) -> consumer.seek(partition, bound.start()));
            Counts counts = new Counts();
            if (oneByOne) {
                for (TopicPartition partition : sorted(bounds)) {
                    consumer.resume(List.of(partition));
                    if (!drain(consumer, Map.of(partition, bounds.get(partition)), visitor, progress, counts)) {
                        break;
                    }
                }
            } else {
                consumer.resume(bounds.keySet());
                drain(consumer, bounds, visitor, progress, counts);
            }
            return new Result(counts.scanned, counts.inRange, System.nanoTime() - started);
        } catch (org.apache.kafka.common.errors.AuthorizationException e) {
            throw new ToolException("not authorised to read " + topic + ": the principal needs Describe and Read "
                    + "on the topic (" + e.getMessage() + ")", e);
        } catch (org.apache.kafka.common.errors.TimeoutException e) {
            throw new ToolException("Kafka did not answer in time (" + e.getMessage() + "); check "
                    + "--bootstrap-servers " + consumerConfig.get("bootstrap.servers"), e);
        }
    }

    private static List<TopicPartition> sorted(Map<TopicPartition, Bounds> bounds) {
        return bounds.keySet().stream().sorted(Comparator.comparingInt(TopicPartition::partition)).toList();
    }

    private Map<TopicPartition, Bounds> bounds(KafkaConsumer<byte[], byte[]> consumer,
            List<TopicPartition> partitions) {
        Map<TopicPartition, Long> begin = consumer.beginningOffsets(partitions);
        Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
        Map<TopicPartition, Long> start = range.from() == null ? begin : offsetsAt(consumer, partitions,
                range.fromMillis(), end);
        Map<TopicPartition, Long> stop = range.to() == null ? end : offsetsAt(consumer, partitions,
                range.toMillis(), end);
        Map<TopicPartition, Bounds> bounds = new HashMap<>();
        for (TopicPartition partition : partitions) {
            long first = Math.max(start.get(partition), begin.get(partition));
            long last = Math.min(stop.get(partition), end.get(partition));
            if (first < last) {
                bounds.put(partition, new Bounds(first, last));
            }
        }
        return bounds;
    }

    private List<TopicPartition> partitions(KafkaConsumer<byte[], byte[]> consumer) {
        List<PartitionInfo> infos = consumer.partitionsFor(topic);
        if (infos == null || infos.isEmpty()) {
            throw new ToolException("topic " + topic + " does not exist (or this principal may not Describe it)");
        }
        List<TopicPartition> partitions = new ArrayList<>();
        infos.forEach(info -> partitions.add(new TopicPartition(info.topic(), info.partition())));
        return partitions;
    }

    /** The first offset at or after {@code millis} per partition; the end offset where there is none. */
    private static Map<TopicPartition, Long> offsetsAt(KafkaConsumer<byte[], byte[]> consumer,
            List<TopicPartition> partitions, long millis, Map<TopicPartition, Long> end) {
        Map<TopicPartition, Long> query = new HashMap<>();
        partitions.forEach(partition -> query.put(partition, millis));
        Map<TopicPartition, OffsetAndTimestamp> found = consumer.offsetsForTimes(query);
        Map<TopicPartition, Long> offsets = new HashMap<>();
        for (TopicPartition partition : partitions) {
            OffsetAndTimestamp hit = found.get(partition);
            offsets.put(partition, hit == null ? end.get(partition) : hit.offset());
        }
        return offsets;
    }

    private static final class Counts {
        long scanned;
        long inRange;
    }

    /**
     * Polls the resumed partitions until each reached its stop offset.
     *
     * @return false when the visitor asked to stop
     */
    private boolean drain(KafkaConsumer<byte[], byte[]> consumer, Map<TopicPartition, Bounds> bounds,
            Predicate<ConsumerRecord<byte[], byte[]>> visitor, Progress progress, Counts counts) {
        Map<TopicPartition, Bounds> open = new HashMap<>(bounds);
        long lastProgress = System.nanoTime();
        while (!open.isEmpty()) {
            ConsumerRecords<byte[], byte[]> batch = consumer.poll(POLL);
            for (ConsumerRecord<byte[], byte[]> record : batch) {
                Bounds bound = open.get(new TopicPartition(record.topic(), record.partition()));
                if (bound == null || record.offset() >= bound.stop()) {
                    continue;
                }
                counts.scanned++;
                if (range.contains(record.timestamp())) {
                    counts.inRange++;
                    if (!visitor.test(record)) {
                        progress.update(counts.scanned);
                        return false;
                    }
                }
            }
            if (!batch.isEmpty()) {
                lastProgress = System.nanoTime();
            } else if (System.nanoTime() - lastProgress > stallTimeout.toNanos()) {
                throw new ToolException("no records from Kafka for " + stallTimeout.toSeconds() + " s while "
                        + open.size() + " partition(s) of " + topic + " were still unread; is the broker up?");
            }
            closeFinished(consumer, open);
            progress.update(counts.scanned);
        }
        return true;
    }

    /** A partition is done once its position reached the stop offset (gaps and markers make offsets skip). */
    private static void closeFinished(KafkaConsumer<byte[], byte[]> consumer, Map<TopicPartition, Bounds> open) {
        List<TopicPartition> finished = new ArrayList<>();
        open.forEach((partition, bound) -> {
            if (consumer.position(partition) >= bound.stop()) {
                finished.add(partition);
            }
        });
        if (!finished.isEmpty()) {
            finished.forEach(open::remove);
            consumer.pause(finished);
        }
    }
}
