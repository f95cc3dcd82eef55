package org.breadbot.standalone.playground;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import org.breadbot.common.json.Json;
import org.breadbot.common.reply.ReplyCommand;
import org.breadbot.common.reply.ReplyMethod;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The side panel's data: for the last {@value #MAX_UPDATES} updates, where each sat in Kafka and when each hop
 * happened. Webhook received ({@code received-at} header) → processed (the reply's {@code createdAt}) → reply
 * published (the replies record's timestamp) → delivered (the emulator got the call). Every change is handed to
 * {@code publish} as a snapshot of the whole entry.
 */
final class PipelineTrail {

    static final int MAX_UPDATES = 50;
    static final int MAX_PREVIEW = 80;
    private static final int MAX_WAITING_DELIVERIES = 100;

    /** Where a record sits in Kafka. */
    record Position(String topic, int partition, long offset) {
    }

    private static final class Entry {
        final long updateId;
        final long chatId;
        String kind;
        String preview;
        Position position;
        Long receivedAt;
        Long storedAt;
        final List<Reply> replies = new ArrayList<>();

        Entry(long updateId, long chatId) {
            this.updateId = updateId;
            this.chatId = chatId;
        }
    }

    private static final class Reply {
        final String id;
        final String method;
        final String content;
        final Position position;
        final Long processedAt;
        final long publishedAt;
        Long deliveredAt;
        Long messageId;

        Reply(String id, String method, String content, Position position, Long processedAt, long publishedAt) {
            this.id = id;
            this.method = method;
            this.content = content;
            this.position = position;
            this.processedAt = processedAt;
            this.publishedAt = publishedAt;
        }
    }

    /** A call the emulator answered before the trail read its reply record. */
    private record Delivery(long chatId, String content, long messageId, long at) {
    }

    private final Map<String, Entry> entries = new LinkedHashMap<>();
    private final Deque<Delivery> waiting = new ArrayDeque<>();
    private final Consumer<ObjectNode> publish;

    PipelineTrail(Consumer<ObjectNode> publish) {
        this.publish = publish;
    }

    /** An update record read from the updates topic. */
    synchronized void updateStored(long updateId, long chatId, String kind, String preview, Position position,
            Long receivedAt, long storedAt) {
        Entry entry = entry(updateId, chatId);
        entry.kind = kind;
        entry.preview = shorten(preview);
        entry.position = position;
        entry.receivedAt = receivedAt;
        entry.storedAt = storedAt;
        publish.accept(json(entry));
    }

    /** A reply record read from the replies topic. */
    synchronized void replyPublished(ReplyCommand command, Position position, long publishedAt) {
        Entry entry = entry(command.updateId(), command.chatId());
        if (entry.replies.stream().anyMatch(reply -> reply.id.equals(command.id()))) {
            return;
        }
        Reply reply = new Reply(command.id(), command.method().apiName(), contentOf(command), position,
                command.createdAt() == null ? null : command.createdAt().toEpochMilli(), publishedAt);
        entry.replies.add(reply);
        claimWaitingDelivery(entry, reply);
        publish.accept(json(entry));
    }

    /** A message the emulator accepted from the sender; {@code content} is the text or file id it was sent with. */
    synchronized void delivered(long chatId, String content, long messageId, long at) {
        for (Entry entry : entries.values()) {
            for (Reply reply : entry.replies) {
                if (reply.deliveredAt == null && entry.chatId == chatId && Objects.equals(reply.content, content)) {
                    reply.deliveredAt = at;
                    reply.messageId = messageId;
                    publish.accept(json(entry));
                    return;
                }
            }
        }
        waiting.addLast(new Delivery(chatId, content, messageId, at));
        while (waiting.size() > MAX_WAITING_DELIVERIES) {
            waiting.removeFirst();
        }
    }

    synchronized int size() {
        return entries.size();
    }

    private void claimWaitingDelivery(Entry entry, Reply reply) {
        Iterator<Delivery> deliveries = waiting.iterator();
        while (deliveries.hasNext()) {
            Delivery delivery = deliveries.next();
            if (delivery.chatId() == entry.chatId && Objects.equals(delivery.content(), reply.content)) {
                reply.deliveredAt = delivery.at();
                reply.messageId = delivery.messageId();
                deliveries.remove();
                return;
            }
        }
    }

    private Entry entry(long updateId, long chatId) {
        String key = chatId + ":" + updateId;
        Entry entry = entries.get(key);
        if (entry == null) {
            entry = new Entry(updateId, chatId);
            entries.put(key, entry);
            Iterator<String> oldest = entries.keySet().iterator();
            while (entries.size() > MAX_UPDATES) {
                oldest.next();
                oldest.remove();
            }
        }
        return entry;
    }

    static String contentOf(ReplyCommand command) {
        return command.method() == ReplyMethod.SEND_MESSAGE ? command.text() : command.fileId();
    }

    static String shorten(String text) {
        if (text == null) {
            return null;
        }
        return text.length() <= MAX_PREVIEW ? text : text.substring(0, MAX_PREVIEW - 1) + "…";
    }

    private static ObjectNode json(Entry entry) {
        ObjectNode node = Json.mapper().createObjectNode()
                .put("key", entry.chatId + ":" + entry.updateId)
                .put("updateId", entry.updateId)
                .put("chatId", entry.chatId)
                .put("kind", entry.kind)
                .put("preview", entry.preview)
                .put("receivedAt", entry.receivedAt)
                .put("storedAt", entry.storedAt);
        if (entry.position != null) {
            node.set("record", position(entry.position));
        }
        ArrayNode replies = node.putArray("replies");
        for (Reply reply : entry.replies) {
            ObjectNode item = replies.addObject()
                    .put("id", reply.id)
                    .put("method", reply.method)
                    .put("preview", shorten(reply.content))
                    .put("processedAt", reply.processedAt)
                    .put("publishedAt", reply.publishedAt)
                    .put("deliveredAt", reply.deliveredAt)
                    .put("messageId", reply.messageId);
            item.set("record", position(reply.position));
        }
        return node;
    }

    private static ObjectNode position(Position position) {
        return Json.mapper().createObjectNode()
                .put("topic", position.topic()).put("partition", position.partition()).put("offset", position.offset());
    }
}
