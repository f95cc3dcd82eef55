package org.breadbot.processor.command;

import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.breadbot.common.telegram.Message;
import org.breadbot.common.telegram.PhotoSize;
import org.breadbot.processor.store.ContentType;
import org.breadbot.processor.store.NewAnswer;
import org.breadbot.processor.store.ReactionType;
import org.breadbot.processor.store.SameContent;

/**
 * The content of a replied-to message that {@code запомни}, {@code удали} and {@code покажи ключи} work on (spec
 * §4.1.0), taken with the precedence voice → photo → sticker → video → video note → animation → text.
 *
 * <p>Of a photo the <em>largest</em> size is stored, so the answer comes back in full quality (the original kept
 * the smallest); "the same picture" is still recognised by the unique id of any of its sizes, so answers stored
 * with the smallest size are found too (docs/commands.md, "Pictures").
 *
 * @param type          what kind of content
 * @param value         the text, or the file id to send the medium back with
 * @param fileUniqueId  the medium's stable id; null for text
 * @param knownUniqueIds every unique id the medium is known by (all sizes of a photo); empty for text
 * @param description   the caption of a photo or video, else null
 */
record ReplyContent(ContentType type, String value, String fileUniqueId, List<String> knownUniqueIds,
        String description) {

    /** The text shown when the replied-to message holds nothing usable. */
    static final String UNSUPPORTED = "Данный тип данных не поддерживается";

    ReplyContent {
        knownUniqueIds = List.copyOf(knownUniqueIds);
    }

    /** The usable content of the message, or empty (a poll, a location, a document, a forged empty medium…). */
    static Optional<ReplyContent> of(Message message) {
        if (message == null) {
            return Optional.empty();
        }
        if (message.voice() != null) {
            return media(ContentType.VOICE, message.voice().fileId(), message.voice().fileUniqueId(), null);
        }
        if (message.photo() != null && !message.photo().isEmpty()) {
            return photo(message.photo(), message.caption());
        }
        if (message.sticker() != null) {
            return media(ContentType.STICKER, message.sticker().fileId(), message.sticker().fileUniqueId(), null);
        }
        if (message.video() != null) {
            return media(ContentType.VIDEO, message.video().fileId(), message.video().fileUniqueId(),
                    message.caption());
        }
        if (message.videoNote() != null) {
            return media(ContentType.VIDEO_NOTE, message.videoNote().fileId(), message.videoNote().fileUniqueId(),
                    null);
        }
        if (message.animation() != null) {
            return media(ContentType.ANIMATION, message.animation().fileId(), message.animation().fileUniqueId(),
                    null);
        }
        if (message.text() != null && !message.text().isEmpty()) {
            return Optional.of(new ReplyContent(ContentType.TEXT, message.text(), null, List.of(), null));
        }
        return Optional.empty();
    }

    /** How stored answers holding this same content are found. */
    SameContent sameContent() {
        return type == ContentType.TEXT ? SameContent.text(value) : SameContent.media(type, knownUniqueIds);
    }

    /** A new answer entity with this content. */
    NewAnswer answer(String key, ReactionType reactionType) {
        return new NewAnswer(key, value, fileUniqueId, reactionType, type, description);
    }

    private static Optional<ReplyContent> photo(List<PhotoSize> sizes, String caption) {
        List<PhotoSize> usable = sizes.stream()
                .filter(Objects::nonNull)
                .filter(size -> present(size.fileId()) && present(size.fileUniqueId()))
                .toList();
        if (usable.isEmpty()) {
            return Optional.empty();
        }
        PhotoSize largest = usable.stream()
                .max(Comparator.comparingLong((PhotoSize size) -> (long) size.width() * size.height()))
                .orElseThrow();
        List<String> uniqueIds = usable.stream().map(PhotoSize::fileUniqueId).distinct().toList();
        return Optional.of(new ReplyContent(ContentType.PICTURE, largest.fileId(), largest.fileUniqueId(), uniqueIds,
                caption));
    }

    private static Optional<ReplyContent> media(ContentType type, String fileId, String fileUniqueId,
            String description) {
        if (!present(fileId) || !present(fileUniqueId)) {
            return Optional.empty();
        }
        return Optional.of(new ReplyContent(type, fileId, fileUniqueId, List.of(fileUniqueId), description));
    }

    private static boolean present(String text) {
        return text != null && !text.isEmpty();
    }
}
