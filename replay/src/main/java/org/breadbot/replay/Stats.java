package org.breadbot.replay;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Counts of a slice per update type, per chat and per hour of the record timestamp. */
final class Stats {

    /** What a record without the dimension counts under (a chat-less update, a value that is not an update). */
    static final String NONE = "(none)";

    private final ZoneId zone;
    private final Map<String, Long> types = new HashMap<>();
    private final Map<String, Long> chats = new HashMap<>();
    private final Map<ZonedDateTime, Long> hours = new TreeMap<>();
    private long total;

    Stats(ZoneId zone) {
        this.zone = zone;
    }

    /** One row: a dimension ({@code type}, {@code chat}, {@code hour}), its value and its count. */
    record Row(String dimension, String key, long count) {
    }

    void add(UpdateRecord record) {
        total++;
        types.merge(record.updateType().orElse(NONE), 1L, Long::sum);
        chats.merge(record.chatId().isPresent() ? Long.toString(record.chatId().getAsLong()) : NONE, 1L, Long::sum);
        hours.merge(Instant.ofEpochMilli(record.timestamp()).atZone(zone).truncatedTo(ChronoUnit.HOURS), 1L,
                Long::sum);
    }

    long total() {
        return total;
    }

    /** Types and chats by count, most first (ties by name); hours in time order. */
    List<Row> rows() {
        List<Row> rows = new ArrayList<>();
        rows.addAll(byCount("type", types));
        rows.addAll(byCount("chat", chats));
        hours.forEach((hour, count) -> rows.add(new Row("hour", DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(hour),
                count)));
        return rows;
    }

    private static List<Row> byCount(String dimension, Map<String, Long> counts) {
        return counts.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder())
                        .thenComparing(Map.Entry.comparingByKey()))
                .map(entry -> new Row(dimension, entry.getKey(), entry.getValue()))
                .toList();
    }
}
