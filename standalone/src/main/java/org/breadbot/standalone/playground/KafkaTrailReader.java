package org.breadbot.standalone.playground;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.breadbot.common.json.Json;
import org.breadbot.common.kafka.Headers;
import org.breadbot.common.kafka.Topics;
import org.breadbot.common.reply.ReplyCommand;
import org.breadbot.common.secret.Secrets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * Reads the updates and replies topics for the side panel with a consumer that belongs to no group (assign, no
 * {@code group.id}, nothing committed), so it never takes partitions or offsets from the real consumers. It starts
 * at the last record of each partition: the panel shows a little history, and the newest update id seeds the
 * playground's ids.
 */
final class KafkaTrailReader implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(KafkaTrailReader.class);
    private static final Duration POLL = Duration.ofMillis(500);
    private static final Duration RETRY = Duration.ofSeconds(1);
    private static final String[] UPDATE_KINDS = {
        "message", "edited_message", "channel_post", "edited_channel_post", "callback_query", "my_chat_member",
        "chat_member"};
    private static final String[] MEDIA_KINDS = {
        "sticker", "photo", "voice", "animation", "video", "video_note", "document", "audio"};

    private final Map<String, Object> config;
    private final PipelineTrail trail;
    private final ChatBook chats;
    private volatile boolean running;
    private volatile KafkaConsumer<String, byte[]> consumer;
    private Thread thread;

    KafkaTrailReader(Map<String, Object> springConsumerProperties, PipelineTrail trail, ChatBook chats) {
        this.config = groupless(springConsumerProperties);
        this.trail = trail;
        this.chats = chats;
    }

    /** The service's consumer settings (servers, security), minus everything about groups and commits. */
    static Map<String, Object> groupless(Map<String, Object> springConsumerProperties) {
        Map<String, Object> config = new HashMap<>(springConsumerProperties);
        config.remove(ConsumerConfig.GROUP_ID_CONFIG);
        config.remove(ConsumerConfig.GROUP_PROTOCOL_CONFIG);
        config.remove(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG);
        config.remove(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG);
        config.remove(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG);
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, "bread-bot-playground-trail");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest");
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 200);
        config.put(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10_000);
        return config;
    }

    @Override
    public synchronized void start() {
        running = true;
        thread = new Thread(this::run, "playground-kafka-trail");
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public synchronized void stop() {
        running = false;
        KafkaConsumer<String, byte[]> current = consumer;
        if (current != null) {
            current.wakeup();
        }
        if (thread != null) {
            try {
                thread.join(Duration.ofSeconds(10).toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private void run() {
        try (KafkaConsumer<String, byte[]> kafka =
                new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer = kafka;
            if (!running) {
                return;
            }
            List<TopicPartition> partitions = awaitPartitions(kafka);
            kafka.assign(partitions);
            kafka.endOffsets(partitions).forEach((partition, end) -> kafka.seek(partition, Math.max(0, end - 1)));
            while (running) {
                kafka.poll(POLL).forEach(this::read);
            }
        } catch (WakeupException stopping) {
            // stop() woke the consumer up
        } catch (RuntimeException e) {
            log.warn("The playground's pipeline panel stopped reading Kafka: {}", Secrets.mask(e.toString()));
        }
    }

    /** The topics exist once the services have provisioned them; until then, look again every second. */
    private List<TopicPartition> awaitPartitions(KafkaConsumer<String, byte[]> kafka) {
        while (running) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (String topic : new String[] {Topics.UPDATES, Topics.REPLIES}) {
                List<PartitionInfo> infos = partitionsOf(kafka, topic);
                infos.forEach(info -> partitions.add(new TopicPartition(info.topic(), info.partition())));
                if (infos.isEmpty()) {
                    partitions.clear();
                    break;
                }
            }
            if (!partitions.isEmpty()) {
                return partitions;
            }
            sleep(RETRY);
        }
        throw new WakeupException();
    }

    private static List<PartitionInfo> partitionsOf(KafkaConsumer<String, byte[]> kafka, String topic) {
        try {
            List<PartitionInfo> infos = kafka.partitionsFor(topic);
            return infos == null ? List.of() : infos;
        } catch (TimeoutException notYet) {
            return List.of();
        }
    }

    private void read(ConsumerRecord<String, byte[]> record) {
        PipelineTrail.Position position =
                new PipelineTrail.Position(record.topic(), record.partition(), record.offset());
        if (record.topic().equals(Topics.UPDATES)) {
            readUpdate(record, position);
        } else if (record.topic().equals(Topics.REPLIES)) {
            readReply(record, position);
        }
    }

    private void readUpdate(ConsumerRecord<String, byte[]> record, PipelineTrail.Position position) {
        Long updateId = longHeader(record, Headers.UPDATE_ID);
        if (updateId == null) {
            return;
        }
        chats.updateIdSeen(updateId);
        Long chatId = longHeader(record, Headers.CHAT_ID);
        JsonNode update = json(record.value());
        String kind = header(record, Headers.UPDATE_TYPE);
        trail.updateStored(updateId, chatId == null ? 0 : chatId, kind, preview(update, kind), position,
                longHeader(record, Headers.RECEIVED_AT), record.timestamp());
    }

    private void readReply(ConsumerRecord<String, byte[]> record, PipelineTrail.Position position) {
        try {
            ReplyCommand reply = Json.mapper().readValue(record.value(), ReplyCommand.class);
            trail.replyPublished(reply, position, record.timestamp());
        } catch (JacksonException | IllegalArgumentException | NullPointerException unreadable) {
            log.debug("Reply record {} is not a reply command; not shown", position);
        }
    }

    /** The message's text or caption, else the kind of media it carries. */
    static String preview(JsonNode update, String kind) {
        if (update == null) {
            return null;
        }
        JsonNode message = update.path(kind == null ? "" : kind);
        for (String candidate : UPDATE_KINDS) {
            if (message.isMissingNode() && update.has(candidate)) {
                message = update.get(candidate);
            }
        }
        if (message.path("text").isString()) {
            return message.path("text").asString();
        }
        for (String media : MEDIA_KINDS) {
            if (message.has(media)) {
                String caption = message.path("caption").asString("");
                return "[" + media + "]" + (caption.isEmpty() ? "" : " " + caption);
            }
        }
        return null;
    }

    private static JsonNode json(byte[] value) {
        try {
            return value == null ? null : Json.mapper().readTree(value);
        } catch (JacksonException garbled) {
            return null;
        }
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static Long longHeader(ConsumerRecord<String, byte[]> record, String name) {
        String value = header(record, name);
        try {
            return value == null ? null : Long.valueOf(value.trim());
        } catch (NumberFormatException garbled) {
            return null;
        }
    }

    private void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }
}
