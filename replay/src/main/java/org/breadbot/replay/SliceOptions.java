package org.breadbot.replay;

import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

/**
 * Which part of the topic: a time range of record timestamps, {@code from} inclusive and {@code to} exclusive,
 * and optional chats, update types and users (each repeatable; records must match one of each given kind).
 */
final class SliceOptions {

    @Option(names = "--from", paramLabel = "TIME", converter = InstantConverter.class,
            description = "First record timestamp to include, ISO-8601 with zone, e.g. 2026-05-01T00:00:00+03:00 "
                    + "(default: the oldest record kept).")
    Instant from;

    @Option(names = "--to", paramLabel = "TIME", converter = InstantConverter.class,
            description = "Record timestamp to stop before (exclusive), ISO-8601 with zone "
                    + "(default: the end of the topic when the command started).")
    Instant to;

    @Option(names = "--chat", paramLabel = "CHAT_ID", description = "Only this chat; repeatable.")
    List<Long> chats = new ArrayList<>();

    @Option(names = "--type", paramLabel = "TYPE",
            description = "Only this update type (message, edited_message, callback_query, ...); repeatable.")
    List<String> types = new ArrayList<>();

    @Option(names = "--user", paramLabel = "USER_ID", description = "Only updates by this user (from.id); repeatable.")
    List<Long> users = new ArrayList<>();

    UpdateFilter filter() {
        return new UpdateFilter(new HashSet<>(chats), new HashSet<>(types), new HashSet<>(users));
    }

    TimeRange range() {
        if (from != null && to != null && !from.isBefore(to)) {
            throw new ToolException("--from " + from + " must be before --to " + to);
        }
        return new TimeRange(from, to);
    }

    /** An instant written as ISO-8601 with an offset or zone; a local time would be ambiguous, so it is refused. */
    static final class InstantConverter implements ITypeConverter<Instant> {
        @Override
        public Instant convert(String value) {
            try {
                return ZonedDateTime.parse(value, DateTimeFormatter.ISO_DATE_TIME).toInstant();
            } catch (DateTimeParseException e) {
                throw new TypeConversionException("'" + value + "' is not an ISO-8601 date-time with zone, "
                        + "e.g. 2026-05-01T00:00:00Z or 2026-05-01T03:00:00+03:00");
            }
        }
    }
}
