package org.breadbot.processor.store;

import java.util.List;

/**
 * What "the same content" means for {@code удали}, {@code покажи ключи} and the de-duplication of {@code запомни}
 * (spec §5.1): a text by its exact value, a medium by Telegram's stable {@code file_unique_id}, in both cases of
 * the same content type.
 *
 * @param contentType    the content type the answers must have
 * @param text           the exact text of a {@link ContentType#TEXT} answer, else null
 * @param fileUniqueIds  every {@code file_unique_id} the medium is known by (a photo has one per size), else empty
 */
public record SameContent(ContentType contentType, String text, List<String> fileUniqueIds) {

    public SameContent {
        fileUniqueIds = List.copyOf(fileUniqueIds);
        if (contentType == ContentType.TEXT ? text == null : fileUniqueIds.isEmpty()) {
            throw new IllegalArgumentException("Nothing identifies the " + contentType + " content");
        }
    }

    public static SameContent text(String text) {
        return new SameContent(ContentType.TEXT, text, List.of());
    }

    public static SameContent media(ContentType contentType, List<String> fileUniqueIds) {
        return new SameContent(contentType, null, fileUniqueIds);
    }

    boolean isText() {
        return contentType == ContentType.TEXT;
    }
}
