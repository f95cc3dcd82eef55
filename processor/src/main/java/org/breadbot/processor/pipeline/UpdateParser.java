package org.breadbot.processor.pipeline;

import java.util.List;
import org.breadbot.common.json.Json;
import org.breadbot.common.telegram.Update;
import org.breadbot.common.telegram.UpdateEnvelope;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.databind.node.StringNode;

/**
 * Reads a record value into an {@link IncomingUpdate}. Anything that is not a JSON object with an integer
 * {@code update_id}, or whose chat or user id is there but not an integer ({@link UpdateEnvelope#read}), is poison: it throws {@link MalformedUpdateException} or {@link JacksonException}, both of
 * which the error policy dead-letters without retrying.
 */
final class UpdateParser {

    private final int maxBytes;

    UpdateParser(int maxBytes) {
        this.maxBytes = maxBytes;
    }

    IncomingUpdate parse(byte[] value) {
        if (value == null || value.length == 0) {
            throw new MalformedUpdateException("empty record value");
        }
        if (value.length > maxBytes) {
            throw new MalformedUpdateException(
                    "update of " + value.length + " bytes is larger than the limit of " + maxBytes);
        }
        JsonNode root = Json.mapper().readTree(value);
        UpdateEnvelope.Read read = UpdateEnvelope.read(root);
        UpdateEnvelope envelope = read.valid().orElseThrow(() -> new MalformedUpdateException(read.problem()));
        Update update = Json.mapper().treeToValue(withoutNul(root), Update.class);
        return new IncomingUpdate(envelope.updateId(), envelope.key(), envelope.type(), update);
    }

    /**
     * Drops U+0000 from every string: PostgreSQL's text cannot hold it, so a NUL in a message would make every
     * write of it fail and the update be dead-lettered. The record in Kafka keeps it.
     */
    static JsonNode withoutNul(JsonNode node) {
        if (node instanceof ObjectNode object) {
            for (String name : List.copyOf(object.propertyNames())) {
                object.set(name, withoutNul(object.get(name)));
            }
        } else if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                array.set(i, withoutNul(array.get(i)));
            }
        } else if (node.isString() && node.asString().indexOf('\u0000') >= 0) {
            return StringNode.valueOf(node.asString().replace("\u0000", ""));
        }
        return node;
    }
}
