package org.breadbot.common.telegram.api;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One update of a getUpdates answer: its bytes exactly as they stand in the answer's {@code result} array, and the
 * same update parsed. Polling stores the bytes, so a record's value is what Telegram sent, as with a webhook.
 *
 * @param bytes the update's JSON text, cut out of the answer unchanged
 * @param tree  the same update parsed
 */
public record RawUpdate(byte[] bytes, JsonNode tree) {

    /**
     * Cuts the answer's {@code result} array into its elements. {@code parsed} is the array as the envelope's
     * reader saw it; the cut must give as many elements, or the answer is refused as unreadable.
     */
    static List<RawUpdate> split(JsonMapper mapper, List<JsonNode> parsed, byte[] answer) {
        List<byte[]> elements = elementsOfResult(mapper, answer);
        if (elements.size() != parsed.size()) {
            throw new BotApiException.ServerError("getUpdates", 200, "unreadable result: "
                    + elements.size() + " elements cut, " + parsed.size() + " parsed");
        }
        List<RawUpdate> updates = new ArrayList<>(elements.size());
        for (int i = 0; i < elements.size(); i++) {
            updates.add(new RawUpdate(elements.get(i), parsed.get(i)));
        }
        return updates;
    }

    /** The byte spans of the elements of the top-level {@code result} array (the last one, as the tree keeps). */
    private static List<byte[]> elementsOfResult(JsonMapper mapper, byte[] answer) {
        List<byte[]> elements = List.of();
        try (JsonParser parser = mapper.createParser(answer)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return elements;
            }
            while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
                String name = parser.currentName();
                JsonToken value = parser.nextToken();
                if (name.equals("result") && value == JsonToken.START_ARRAY) {
                    elements = new ArrayList<>();
                    for (JsonToken element = parser.nextToken(); element != JsonToken.END_ARRAY;
                            element = parser.nextToken()) {
                        int from = (int) parser.currentTokenLocation().getByteOffset();
                        parser.skipChildren();
                        int to = (int) parser.currentLocation().getByteOffset();
                        elements.add(Arrays.copyOfRange(answer, from, to));
                    }
                } else {
                    parser.skipChildren();
                }
            }
        }
        return elements;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof RawUpdate that && Arrays.equals(bytes, that.bytes) && tree.equals(that.tree);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(bytes) + tree.hashCode();
    }

    @Override
    public String toString() {
        return "RawUpdate[" + bytes.length + " bytes]";
    }
}
