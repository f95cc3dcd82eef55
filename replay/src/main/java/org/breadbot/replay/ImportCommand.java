package org.breadbot.replay;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.breadbot.common.json.Json;
import org.breadbot.common.kafka.Headers;
import org.breadbot.common.kafka.Topics;
import org.breadbot.common.telegram.UpdateEnvelope;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code import}: a Telegram Desktop export of one chat into an update topic of its own. The file is read twice:
 * once to check every message (nothing is written if one is wrong), then again inside one Kafka transaction, so a
 * reader sees all of the chat's messages or none, whatever stops the import.
 */
@Command(name = "import", sortOptions = false,
        description = {"Writes a Telegram Desktop chat export (result.json) to " + Topics.IMPORTS + ", one update "
                + "per message, for export, stats and replay (--topic " + Topics.IMPORTS + ").",
            "Checks the whole file first; then writes it in one transaction, so nothing is ever half-written."})
final class ImportCommand implements Callable<Integer> {

    /** The topics the bot itself reads and writes: an import must never reach its consumers. */
    private static final Set<String> BOT_TOPICS = Set.of(Topics.UPDATES, Topics.REPLIES, Topics.JOBS,
            Topics.UPDATES_DLT, Topics.REPLIES_DLT, Topics.JOBS_DLT);
    /** The broker's default transaction.max.timeout.ms; a longer import would be aborted by the broker. */
    private static final int TRANSACTION_TIMEOUT_MS = 900_000;
    private static final long ADMIN_TIMEOUT_SECONDS = 30;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "RESULT_JSON", description = "The export's result.json.")
    Path file;

    @Mixin
    KafkaOptions kafka;

    @Option(names = "--dry-run", description = "Check the file and say what would be imported; write nothing.")
    boolean dryRun;

    @Option(names = "--chat-id", paramLabel = "CHAT_ID",
            description = "The chat's Bot API id, when it is not the one worked out from the export's type and id "
                    + "(supergroups -100<id>, groups -<id>).")
    Long chatId;

    @Option(names = "--zone", paramLabel = "ZONE", defaultValue = "UTC",
            description = "Time zone of the local dates of exports without date_unixtime (default: ${DEFAULT-VALUE}).")
    ZoneId zone;

    @Option(names = "--partitions", paramLabel = "N", defaultValue = "3",
            description = "Partitions of the topic when it has to be created (default: ${DEFAULT-VALUE}).")
    int partitions;

    @Override
    public Integer call() {
        String topic = topic();
        PrintWriter err = spec.commandLine().getErr();
        TdesktopExport export = new TdesktopExport(file, chatId, zone);
        TdesktopExport.Summary checked = export.read(imported -> { });
        if (checked.messages() == 0) {
            throw new ToolException(file + ": the export has no messages; nothing to import");
        }
        if (dryRun) {
            err.println(describe("would import", checked, topic));
            return 0;
        }
        createIfMissing(topic);
        TdesktopExport.Summary written = write(export, topic);
        err.println(describe("imported", written, topic));
        return 0;
    }

    /** --topic as given, else telegram.imports (KafkaOptions' own default is telegram.updates). */
    private String topic() {
        boolean given = spec.commandLine().getParseResult().hasMatchedOption("--topic");
        String topic = given ? kafka.topic : Topics.IMPORTS;
        if (BOT_TOPICS.contains(topic) || topic.endsWith(Topics.DLT_SUFFIX)) {
            throw new ToolException("--topic " + topic + " is read by the bot itself; imports go to a topic of their "
                    + "own (default " + Topics.IMPORTS + ")");
        }
        return topic;
    }

    private static String describe(String verb, TdesktopExport.Summary summary, String topic) {
        return String.format(Locale.ROOT, "%s %,d messages of %s chat %d \"%s\" (%s to %s) into %s", verb,
                summary.messages(), summary.chat().type(), summary.chat().id(), summary.chat().name(),
                Instant.ofEpochSecond(summary.firstEpochSecond()), Instant.ofEpochSecond(summary.lastEpochSecond()),
                topic);
    }

    /** Kept forever, like telegram.updates is meant to be replayable: an export is not taken again easily. */
    private void createIfMissing(String topic) {
        try (Admin admin = Admin.create(kafka.adminConfig())) {
            NewTopic newTopic = new NewTopic(topic, Optional.of(partitions), Optional.empty())
                    .configs(Map.of(TopicConfig.RETENTION_MS_CONFIG, "-1"));
            admin.createTopics(List.of(newTopic)).all().get(ADMIN_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw new ToolException("cannot create topic " + topic + ": " + e.getCause().getMessage(), e);
            }
        } catch (TimeoutException e) {
            throw new ToolException("Kafka did not answer in " + ADMIN_TIMEOUT_SECONDS + " s; check "
                    + "--bootstrap-servers " + kafka.bootstrapServers, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ToolException("interrupted while creating " + topic, e);
        }
    }

    private TdesktopExport.Summary write(TdesktopExport export, String topic) {
        Map<String, Object> config = new HashMap<>(kafka.producerConfig());
        config.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, "bread-bot-replay-import-" + UUID.randomUUID());
        config.put(ProducerConfig.TRANSACTION_TIMEOUT_CONFIG, TRANSACTION_TIMEOUT_MS);
        config.put(ProducerConfig.CLIENT_ID_CONFIG, "bread-bot-replay-import");
        long importedAt = System.currentTimeMillis();
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(config)) {
            producer.initTransactions();
            producer.beginTransaction();
            try {
                TdesktopExport.Summary summary = export.read(imported ->
                        producer.send(record(topic, imported, importedAt)));
                producer.commitTransaction();
                return summary;
            } catch (RuntimeException e) {
                // a ToolException here means the file changed after it was checked
                abort(producer);
                throw new ToolException(e.getMessage() + "; the import was rolled back, nothing of " + file
                        + " is in " + topic, e);
            }
        } catch (KafkaException e) {
            throw new ToolException("cannot write to " + topic + ": " + e.getMessage(), e);
        }
    }

    private static void abort(KafkaProducer<byte[], byte[]> producer) {
        try {
            producer.abortTransaction();
        } catch (KafkaException alreadyFailed) {
            // the producer is fenced or broken; the broker aborts the transaction when it times out
        }
    }

    /** Keyed and headed as ingress writes telegram.updates; the record time is when the message was sent. */
    private static ProducerRecord<byte[], byte[]> record(String topic, TdesktopUpdates.Imported imported,
            long importedAt) {
        byte[] value = Json.mapper().writeValueAsBytes(imported.update());
        UpdateEnvelope envelope = UpdateEnvelope.of(imported.update()).orElseThrow();
        List<Header> headers = new ArrayList<>();
        headers.add(header(Headers.UPDATE_ID, Long.toString(envelope.updateId())));
        headers.add(header(Headers.UPDATE_TYPE, envelope.type()));
        envelope.chatId().ifPresent(chat -> headers.add(header(Headers.CHAT_ID, Long.toString(chat))));
        headers.add(header(Headers.RECEIVED_AT, Long.toString(importedAt)));
        headers.add(header(Headers.SOURCE, Headers.SOURCE_TDESKTOP));
        return new ProducerRecord<>(topic, null, imported.epochSeconds() * 1000,
                Long.toString(envelope.key()).getBytes(StandardCharsets.UTF_8), value, headers);
    }

    private static Header header(String name, String value) {
        return new RecordHeader(name, value.getBytes(StandardCharsets.UTF_8));
    }
}
