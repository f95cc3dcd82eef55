package org.breadbot.replay;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.breadbot.common.json.Json;
import org.breadbot.common.secret.Secrets;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import tools.jackson.core.JsonGenerator;

@Command(name = "list", sortOptions = false,
        description = "Lists the records of a dead-letter topic with their error headers and positions.")
final class DltListCommand implements Callable<Integer> {

    enum Format { table, jsonl }

    private static final int MESSAGE_WIDTH = 100;

    @Spec
    CommandSpec spec;

    @Mixin
    KafkaOptions kafka;

    @Mixin
    DltCommand.DltTopicOption dlt;

    @Mixin
    SliceOptions slice;

    @Option(names = "--format", defaultValue = "table",
            description = "table, or jsonl with full messages, headers and value (default: ${DEFAULT-VALUE}).")
    Format format;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        String topic = dlt.resolve(kafka.topic);
        UpdateFilter filter = slice.filter();
        List<DeadLetter> letters = new ArrayList<>();
        TopicSlice.Result result = new TopicSlice(kafka.consumerConfig(), topic, slice.range(), kafka.stallTimeout)
                .read(record -> {
                    if (filter.test(UpdateRecord.of(record))) {
                        letters.add(new DeadLetter(record));
                    }
                    return true;
                }, Progress.hidden());
        letters.sort(Comparator.comparingInt((DeadLetter letter) -> letter.record().partition())
                .thenComparingLong(letter -> letter.record().offset()));
        PrintWriter out = spec.commandLine().getOut();
        if (format == Format.jsonl) {
            letters.forEach(letter -> out.println(json(letter)));
        } else {
            printTable(out, topic, letters);
        }
        out.flush();
        Summary.print(err, "listed", letters.size(), result);
        return 0;
    }

    private static void printTable(PrintWriter out, String topic, List<DeadLetter> letters) {
        out.printf(Locale.ROOT, "%d dead letter(s) in %s%n", letters.size(), topic);
        if (letters.isEmpty()) {
            return;
        }
        out.printf(Locale.ROOT, "%-16s %-24s %-16s %-12s %-20s %-50s %s%n",
                "PARTITION:OFFSET", "TIMESTAMP", "KEY", "UPDATE-ID", "SOURCE", "ERROR-CLASS", "ERROR-MESSAGE");
        for (DeadLetter letter : letters) {
            out.printf(Locale.ROOT, "%-16s %-24s %-16s %-12s %-20s %-50s %s%n",
                    letter.position(),
                    Instant.ofEpochMilli(letter.record().timestamp()),
                    cell(letter.key()),
                    cell(letter.updateId()),
                    source(letter),
                    cell(letter.errorClass()),
                    truncate(cell(Secrets.mask(letter.errorMessage()))));
        }
    }

    private static String source(DeadLetter letter) {
        String partition = letter.sourcePartition();
        String offset = letter.sourceOffset();
        return letter.sourceTopic() + (partition == null ? "" : "-" + partition) + (offset == null ? "" : "@" + offset);
    }

    private static String cell(String value) {
        return value == null ? "-" : value.replace('\n', ' ').replace('\r', ' ').replace('\t', ' ');
    }

    private static String truncate(String value) {
        return value.length() <= MESSAGE_WIDTH ? value : value.substring(0, MESSAGE_WIDTH - 1) + "…";
    }

    static String json(DeadLetter letter) {
        StringWriter line = new StringWriter();
        try (JsonGenerator json = Json.mapper().createGenerator(line)) {
            json.writeStartObject();
            json.writeStringProperty("topic", letter.record().topic());
            json.writeNumberProperty("partition", letter.record().partition());
            json.writeNumberProperty("offset", letter.record().offset());
            json.writeNumberProperty("timestamp", letter.record().timestamp());
            json.writeStringProperty("key", letter.key());
            json.writeStringProperty("error_class", letter.errorClass());
            json.writeStringProperty("error_message", Secrets.mask(letter.errorMessage()));
            json.writeStringProperty("source_topic", letter.sourceTopic());
            json.writeStringProperty("source_partition", letter.sourcePartition());
            json.writeStringProperty("source_offset", letter.sourceOffset());
            json.writeName("headers");
            json.writeStartObject();
            for (Map.Entry<String, String> header : letter.headersAsText().entrySet()) {
                json.writeStringProperty(header.getKey(), Secrets.mask(header.getValue()));
            }
            json.writeEndObject();
            json.writeStringProperty("value", letter.record().value() == null ? null
                    : new String(letter.record().value(), StandardCharsets.UTF_8));
            json.writeEndObject();
        }
        return line.toString();
    }
}
