package org.breadbot.replay;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import tools.jackson.databind.JsonNode;

/**
 * Counts of a slice per update type, chat, hour and day of the record timestamp, and acting user. For an import
 * the record timestamp is when the message was sent, so hours and days are the chat's own.
 */
final class Stats {

    /** What a record without the dimension counts under (a chat-less update, a value that is not an update). */
    static final String NONE = "(none)";

    /** The dimensions there are, in the order {@code --by} names them. */
    enum Dimension { type, chat, hour, day, user }

    private final ZoneId zone;
    private final Map<String, Long> types = new HashMap<>();
    private final Map<String, Long> chats = new HashMap<>();
    private final Map<ZonedDateTime, Long> hours = new TreeMap<>();
    private final Map<LocalDate, Long> days = new TreeMap<>();
    private final Map<Long, Long> users = new HashMap<>();
    private final Map<Long, String> userNames = new HashMap<>();
    private long withoutUser;
    private long total;

    Stats(ZoneId zone) {
        this.zone = zone;
    }

    /** One row: a dimension, its value and its count. */
    record Row(String dimension, String key, long count) {
    }

    void add(UpdateRecord record) {
        total++;
        types.merge(record.updateType().orElse(NONE), 1L, Long::sum);
        chats.merge(record.chatId().isPresent() ? Long.toString(record.chatId().getAsLong()) : NONE, 1L, Long::sum);
        ZonedDateTime time = Instant.ofEpochMilli(record.timestamp()).atZone(zone);
        hours.merge(time.truncatedTo(ChronoUnit.HOURS), 1L, Long::sum);
        days.merge(time.toLocalDate(), 1L, Long::sum);
        if (record.userId().isPresent()) {
            long user = record.userId().getAsLong();
            users.merge(user, 1L, Long::sum);
            nameOf(record).ifPresent(name -> userNames.put(user, name));
        } else {
            withoutUser++;
        }
    }

    /** The user's name as the latest of their updates gives it (names change; the id does not). */
    private static Optional<String> nameOf(UpdateRecord record) {
        JsonNode update = record.update();
        if (update == null || record.envelope() == null) {
            return Optional.empty();
        }
        JsonNode from = update.path(record.envelope().type()).path("from");
        String name = (from.path("first_name").asString("") + " " + from.path("last_name").asString("")).strip();
        return name.isEmpty() ? Optional.empty() : Optional.of(name);
    }

    long total() {
        return total;
    }

    /** Type, chat, hour rows, as before {@code --by} existed. */
    List<Row> rows() {
        return rows(List.of(Dimension.type, Dimension.chat, Dimension.hour));
    }

    /** Types, chats and users by count, most first (ties by name); hours and days in time order. */
    List<Row> rows(List<Dimension> dimensions) {
        List<Row> rows = new ArrayList<>();
        for (Dimension dimension : dimensions) {
            switch (dimension) {
                case type -> rows.addAll(byCount("type", types));
                case chat -> rows.addAll(byCount("chat", chats));
                case hour -> hours.forEach((hour, count) -> rows.add(new Row("hour",
                        DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(hour), count)));
                case day -> days.forEach((day, count) -> rows.add(new Row("day", day.toString(), count)));
                case user -> rows.addAll(byCount("user", userCounts()));
            }
        }
        return rows;
    }

    /** A user is shown as "Name (id)" when a name is known, so a chart of the rows is readable as it stands. */
    private Map<String, Long> userCounts() {
        Map<String, Long> counts = new HashMap<>();
        users.forEach((id, count) -> counts.put(userNames.containsKey(id)
                ? userNames.get(id) + " (" + id + ")" : Long.toString(id), count));
        if (withoutUser > 0) {
            counts.put(NONE, withoutUser);
        }
        return counts;
    }

    private static List<Row> byCount(String dimension, Map<String, Long> counts) {
        return counts.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder())
                        .thenComparing(Map.Entry.comparingByKey()))
                .map(entry -> new Row(dimension, entry.getKey(), entry.getValue()))
                .toList();
    }
}
