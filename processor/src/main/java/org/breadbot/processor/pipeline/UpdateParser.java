package org.breadbot.processor.pipeline;

import org.breadbot.common.json.Json;
import org.breadbot.common.telegram.Update;
import org.breadbot.common.telegram.UpdateEnvelope;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * Reads a record value into an {@link IncomingUpdate}. Anything that is not a JSON object with an integer
 * {@code update_id} is poison: it throws {@link MalformedUpdateException} or {@link JacksonException}, both of
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
        UpdateEnvelope envelope = UpdateEnvelope.of(root).orElseThrow(
                () -> new MalformedUpdateException("not a JSON object with an integer update_id"));
        Update update = Json.mapper().treeToValue(root, Update.class);
        return new IncomingUpdate(envelope.updateId(), envelope.key(), envelope.type(), update);
    }
}
