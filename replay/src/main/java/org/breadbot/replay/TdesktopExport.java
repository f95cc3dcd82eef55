package org.breadbot.replay;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.function.Consumer;
import org.breadbot.common.json.Json;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.databind.JsonNode;

/**
 * Reads a Telegram Desktop chat export ({@code result.json}) one message at a time, so a history of millions of
 * messages needs no more memory than one of them. Any problem stops the read with the file's line and column.
 */
final class TdesktopExport {

    /** What was read: the chat and the span of its messages. */
    record Summary(TdesktopUpdates.Chat chat, long messages, long firstEpochSecond, long lastEpochSecond) {
    }

    private final Path file;
    private final Long chatIdOverride;
    private final ZoneId zone;

    TdesktopExport(Path file, Long chatIdOverride, ZoneId zone) {
        this.file = file;
        this.chatIdOverride = chatIdOverride;
        this.zone = zone;
    }

    /** Hands every message, as an update, to {@code sink} in file order; throws a {@link ToolException} on a problem. */
    Summary read(Consumer<TdesktopUpdates.Imported> sink) {
        try (InputStream in = Files.newInputStream(file); JsonParser parser = Json.mapper().createParser(in)) {
            return read(parser, sink);
        } catch (NoSuchFileException e) {
            throw new ToolException("no such file: " + file);
        } catch (IOException e) {
            throw new ToolException("cannot read " + file + ": " + e.getMessage(), e);
        } catch (JacksonException e) {
            TokenStreamLocation where = e.getLocation();
            throw new ToolException(at(where) + "not valid JSON: " + withoutSourceNote(e.getOriginalMessage())
                    + "; is the export complete?", e);
        }
    }

    private Summary read(JsonParser parser, Consumer<TdesktopUpdates.Imported> sink) {
        if (parser.nextToken() != JsonToken.START_OBJECT) {
            throw problem(parser, "not a Telegram Desktop export: the file must hold one JSON object");
        }
        String name = null;
        String type = null;
        Long id = null;
        Summary summary = null;
        while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
            String field = parser.currentName();
            JsonToken value = parser.nextToken();
            switch (field) {
                case "name" -> name = value == JsonToken.VALUE_STRING ? parser.getString() : null;
                case "type" -> type = value == JsonToken.VALUE_STRING ? parser.getString() : null;
                case "id" -> id = value == JsonToken.VALUE_NUMBER_INT ? parser.getLongValue() : null;
                case "chats", "personal_information", "about" -> throw problem(parser, "a whole-account export; "
                        + "export one chat instead (its menu → Export chat history, format JSON)");
                case "messages" -> {
                    if (type == null || id == null) {
                        throw problem(parser, "\"type\" and \"id\" of the chat must come before \"messages\"");
                    }
                    if (value != JsonToken.START_ARRAY) {
                        throw problem(parser, "\"messages\" is not an array");
                    }
                    TdesktopUpdates.Chat chat;
                    try {
                        chat = TdesktopUpdates.Chat.of(type, id, name, chatIdOverride);
                    } catch (TdesktopUpdates.Problem problem) {
                        throw problem(parser, problem.getMessage());
                    }
                    summary = messages(parser, chat, sink);
                }
                default -> parser.skipChildren();
            }
        }
        if (summary == null) {
            throw problem(parser, "no \"messages\" array: not a Telegram Desktop chat export");
        }
        if (parser.nextToken() != null) {
            throw problem(parser, "more after the export's closing brace");
        }
        return summary;
    }

    private Summary messages(JsonParser parser, TdesktopUpdates.Chat chat, Consumer<TdesktopUpdates.Imported> sink) {
        TdesktopUpdates updates = new TdesktopUpdates(chat, zone);
        long count = 0;
        long first = 0;
        long last = 0;
        while (parser.nextToken() != JsonToken.END_ARRAY) {
            TokenStreamLocation start = parser.currentTokenLocation();
            JsonNode message = parser.readValueAsTree();
            TdesktopUpdates.Imported imported;
            try {
                imported = updates.toUpdate(message);
            } catch (TdesktopUpdates.Problem problem) {
                throw new ToolException(at(start) + problem.getMessage());
            }
            if (count == 0) {
                first = imported.epochSeconds();
            }
            last = imported.epochSeconds();
            count++;
            sink.accept(imported);
        }
        return new Summary(chat, count, first, last);
    }

    /** Jackson names where an unclosed array began by a source it does not show; the line is given already. */
    private static String withoutSourceNote(String message) {
        int note = message == null ? -1 : message.indexOf(" (start marker at");
        return note < 0 ? String.valueOf(message) : message.substring(0, note);
    }

    private ToolException problem(JsonParser parser, String message) {
        return new ToolException(at(parser.currentTokenLocation()) + message);
    }

    private String at(TokenStreamLocation where) {
        return where == null ? file + ": " : file + ":" + where.getLineNr() + ":" + where.getColumnNr() + ": ";
    }
}
