package org.breadbot.replay;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.KafkaException;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;

@Command(name = "redrive", sortOptions = false,
        description = {
            "Publishes chosen dead letters again to the topic they failed on, with their original key, value and "
                + "headers (error headers removed), acks=all. The DLT itself is left as it is.",
            "Needs Write on the source topic. Consumers de-duplicate (the processor by update_id), so a record "
                + "re-driven twice is applied once."})
final class DltRedriveCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    KafkaOptions kafka;

    @Mixin
    DltCommand.DltTopicOption dlt;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Selection selection;

    @Option(names = "--dry-run", description = "Show what would be re-driven, publish nothing.")
    boolean dryRun;

    static final class Selection {
        @Option(names = "--offset", paramLabel = "PARTITION:OFFSET", converter = PositionConverter.class,
                required = true, description = "A dead letter to re-drive, as listed by 'dlt list'; repeatable.")
        List<Position> positions;

        @Option(names = "--all", required = true, description = "Re-drive every dead letter in the topic.")
        boolean all;
    }

    /** A record's place in the DLT. */
    record Position(int partition, long offset) {
        @Override
        public String toString() {
            return partition + ":" + offset;
        }
    }

    static final class PositionConverter implements ITypeConverter<Position> {
        @Override
        public Position convert(String value) {
            String[] parts = value.split(":", -1);
            try {
                if (parts.length == 2) {
                    return new Position(Integer.parseInt(parts[0].trim()), Long.parseLong(parts[1].trim()));
                }
            } catch (NumberFormatException e) {
                // reported below
            }
            throw new TypeConversionException("'" + value + "' is not PARTITION:OFFSET, e.g. 0:42");
        }
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        String topic = dlt.resolve(kafka.topic);
        List<DeadLetter> chosen = find(topic);
        for (DeadLetter letter : chosen) {
            out.printf("%s %s:%s -> %s%n", dryRun ? "would re-drive" : "re-driving", topic, letter.position(),
                    letter.sourceTopic());
        }
        if (!dryRun) {
            publish(out, chosen);
        }
        out.flush();
        spec.commandLine().getErr().printf("%s %d record(s)%n", dryRun ? "would re-drive" : "re-drove",
                chosen.size());
        return 0;
    }

    /** The chosen dead letters in DLT order; fails before publishing anything when one is missing. */
    private List<DeadLetter> find(String topic) {
        Set<Position> wanted = selection.all ? Set.of() : new LinkedHashSet<>(selection.positions);
        Map<Position, DeadLetter> found = new LinkedHashMap<>();
        new TopicSlice(kafka.consumerConfig(), topic, TimeRange.ALL, kafka.stallTimeout).read(record -> {
            Position position = new Position(record.partition(), record.offset());
            if (selection.all || wanted.contains(position)) {
                found.put(position, new DeadLetter(record));
            }
            return selection.all || found.size() < wanted.size();
        }, Progress.hidden());
        List<Position> missing = wanted.stream().filter(position -> !found.containsKey(position)).toList();
        if (!missing.isEmpty()) {
            throw new ToolException("not in " + topic + " (never written, or deleted by retention): " + missing
                    + "; nothing was re-driven");
        }
        List<String> withoutValue = found.values().stream().filter(letter -> !letter.keptValue())
                .map(DeadLetter::position).toList();
        if (!withoutValue.isEmpty()) {
            throw new ToolException("the value was not kept in the DLT (too large) for " + withoutValue
                    + "; leave those out; nothing was re-driven");
        }
        List<DeadLetter> letters = new ArrayList<>(found.values());
        letters.sort(Comparator.comparingInt((DeadLetter letter) -> letter.record().partition())
                .thenComparingLong(letter -> letter.record().offset()));
        return letters;
    }

    /** Sends in DLT order (one producer, so per-key order holds) and waits for every acknowledgement. */
    private void publish(PrintWriter out, List<DeadLetter> letters) {
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(kafka.producerConfig())) {
            List<Future<RecordMetadata>> sent = new ArrayList<>();
            for (DeadLetter letter : letters) {
                sent.add(producer.send(new ProducerRecord<>(letter.sourceTopic(), null, letter.record().key(),
                        letter.record().value(), letter.originalHeaders())));
            }
            producer.flush();
            for (int i = 0; i < letters.size(); i++) {
                RecordMetadata metadata = sent.get(i).get();
                out.printf("re-drove %s -> %s-%d@%d%n", letters.get(i).position(), metadata.topic(),
                        metadata.partition(), metadata.offset());
            }
        } catch (ExecutionException | KafkaException e) {
            Throwable cause = e instanceof ExecutionException ? e.getCause() : e;
            throw new ToolException("re-drive failed: " + cause.getMessage()
                    + " (the principal needs Write on the source topic)", cause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ToolException("interrupted while re-driving", e);
        }
    }
}
