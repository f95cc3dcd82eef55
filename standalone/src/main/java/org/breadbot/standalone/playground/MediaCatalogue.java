package org.breadbot.standalone.playground;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.breadbot.common.json.Json;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The playground's built-in stickers, photos and voices ({@code playground/media/catalogue.json}). Their fake
 * file ids travel through the pipeline like real ones; the page and the emulator map them back to the files.
 */
final class MediaCatalogue {

    static final String DIRECTORY = "playground/media/";
    /** The smaller sizes of a photo carry these suffixes; the largest carries the plain file id. */
    static final String SMALL_PHOTO_SUFFIX = "_s";

    /** One built-in file. */
    record Item(String kind, String fileId, String uniqueId, String file, JsonNode json) {

        Resource resource() {
            return new ClassPathResource(DIRECTORY + file);
        }

        String contentType() {
            String name = file.toLowerCase(Locale.ROOT);
            if (name.endsWith(".svg")) {
                return "image/svg+xml";
            }
            if (name.endsWith(".wav")) {
                return "audio/wav";
            }
            if (name.endsWith(".png")) {
                return "image/png";
            }
            return "application/octet-stream";
        }
    }

    private final Map<String, Item> byFileId = new LinkedHashMap<>();
    private final ArrayNode json;

    private MediaCatalogue(ArrayNode json) {
        this.json = json;
        for (JsonNode node : json) {
            Item item = new Item(node.path("kind").asString(), node.path("fileId").asString(),
                    node.path("uniqueId").asString(), node.path("file").asString(), node);
            byFileId.put(item.fileId(), item);
        }
    }

    static MediaCatalogue load() {
        try (InputStream in = new ClassPathResource(DIRECTORY + "catalogue.json").getInputStream()) {
            return new MediaCatalogue((ArrayNode) Json.mapper().readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the playground's media catalogue", e);
        }
    }

    /** The catalogue as the page gets it. */
    ArrayNode json() {
        return json.deepCopy();
    }

    List<Item> items() {
        return List.copyOf(byFileId.values());
    }

    /** The file behind a file id, also for the smaller sizes of a built-in photo. */
    Optional<Item> find(String fileId) {
        Item item = byFileId.get(fileId);
        if (item == null && fileId.endsWith(SMALL_PHOTO_SUFFIX)) {
            item = byFileId.get(fileId.substring(0, fileId.length() - SMALL_PHOTO_SUFFIX.length()));
        }
        return Optional.ofNullable(item);
    }

    /** What a sent message carries under {@code field} (sticker, photo, voice, ...) for {@code fileId}. */
    JsonNode mediaObject(String field, String fileId) {
        Optional<Item> item = find(fileId);
        String uniqueId = item.map(Item::uniqueId).orElse("u" + Integer.toHexString(fileId.hashCode()));
        ObjectNode file = Json.mapper().createObjectNode().put("file_id", fileId).put("file_unique_id", uniqueId);
        return switch (field) {
            case "photo" -> photoSizes(file, item);
            case "sticker" -> file.put("type", "regular").put("width", 512).put("height", 512)
                    .put("is_animated", false).put("is_video", false)
                    .put("emoji", item.map(found -> found.json().path("emoji").asString("🙂")).orElse("🙂"));
            case "voice" -> file.put("duration", item.map(found -> found.json().path("duration").asInt(1)).orElse(1))
                    .put("mime_type", "audio/ogg");
            case "video_note" -> file.put("length", 240).put("duration", 1);
            case "animation", "video" -> file.put("width", 320).put("height", 240).put("duration", 1);
            default -> file;
        };
    }

    private static ArrayNode photoSizes(ObjectNode largest, Optional<Item> item) {
        int width = item.map(found -> found.json().path("width").asInt(640)).orElse(640);
        int height = item.map(found -> found.json().path("height").asInt(480)).orElse(480);
        ObjectNode small = Json.mapper().createObjectNode()
                .put("file_id", largest.path("file_id").asString() + SMALL_PHOTO_SUFFIX)
                .put("file_unique_id", largest.path("file_unique_id").asString() + SMALL_PHOTO_SUFFIX)
                .put("width", width / 4).put("height", height / 4);
        return Json.mapper().createArrayNode().add(small).add(largest.put("width", width).put("height", height));
    }
}
