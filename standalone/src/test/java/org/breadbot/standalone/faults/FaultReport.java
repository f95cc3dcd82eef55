package org.breadbot.standalone.faults;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.breadbot.testsupport.ApiCall;

/**
 * What one fault did to the updates and replies of its chats, in numbers.
 *
 * <ul>
 *   <li><b>posted</b>: webhook requests made, retries included; <b>acked</b>: updates the webhook answered 2xx
 *       (every other answer is counted by status in <b>webhook-retries</b>); <b>applied</b>: those the database holds
 *       as processed, with their effect (the taught trigger) present exactly once; <b>messages-counted</b>: the
 *       members' message counters of the load's chats, which an update applied twice counts twice.</li>
 *   <li><b>api-calls</b>: sendMessage calls Telegram carried out for the load's chats; <b>max-calls-per-reply</b>:
 *       the most for one reply (1 when nothing was sent twice).</li>
 *   <li><b>expected</b>: replies the acked updates call for (one each); <b>delivered</b>: those Telegram accepted at
 *       least once (a 2xx answer to a call replying to the update's message).</li>
 *   <li>A reply Telegram carried out more than once is a <b>duplicate</b> for every extra time. It is an
 *       <b>unanswered duplicate</b> when the earlier call never got its answer back to the sender: the fake hung,
 *       or the call reached Telegram while the fault could swallow its answer (a cut link, answers held back while
 *       the sender was killed). Only unanswered duplicates are allowed: no client can avoid them
 *       (telegram-bot-api.md §6.1). They are capped: a chat's lane has one call in flight, so at most one per chat
 *       and window.</li>
 *   <li><b>order violations</b>: replies of a chat that reached Telegram before the reply to an earlier update of
 *       the same chat.</li>
 * </ul>
 */
record FaultReport(
        String fault,
        int posted,
        int acked,
        int applied,
        long messagesCounted,
        int expected,
        int delivered,
        int apiCalls,
        int maxCallsPerReply,
        int duplicates,
        int unansweredDuplicates,
        int duplicateCap,
        int orderViolations,
        Map<Integer, Integer> webhookRefusals,
        Duration drainTime,
        List<String> problems) {

    /** A time span in which an answer of the Bot API may not have reached the sender. */
    record Window(Instant from, Instant to) {
        boolean contains(Instant at) {
            return !at.isBefore(from) && !at.isAfter(to);
        }
    }

    String summaryLine() {
        return "fault=" + fault + " posted=" + posted + " acked=" + acked + " applied=" + applied
                + " messages-counted=" + messagesCounted + " expected=" + expected + " delivered=" + delivered
                + " api-calls=" + apiCalls + " max-calls-per-reply=" + maxCallsPerReply
                + " duplicates=" + duplicates + " unanswered-duplicates=" + unansweredDuplicates + "/" + duplicateCap
                + " order-violations=" + orderViolations
                + " lost=" + (expected - delivered) + " drain-seconds=" + drainTime.toSeconds()
                + " webhook-retries=" + webhookRefusals;
    }

    boolean clean() {
        return applied == acked && messagesCounted == acked && delivered == expected && duplicates == 0
                && unansweredDuplicates <= duplicateCap && orderViolations == 0 && problems.isEmpty();
    }

    static FaultReport of(String fault, int webhookPosts, List<SteadyLoad.Posted> acked, Map<Integer, Integer> refusals,
            List<ApiCall> calls, List<Window> unanswered, Connection db, Duration drainTime) throws SQLException {
        List<String> problems = new ArrayList<>();
        Set<Long> chats = acked.stream().map(SteadyLoad.Posted::chatId).collect(Collectors.toSet());
        Map<Long, Map<Integer, SteadyLoad.Posted>> byMessage = new HashMap<>();
        acked.forEach(posted -> byMessage.computeIfAbsent(posted.chatId(), chat -> new HashMap<>())
                .put(posted.messageId(), posted));

        int applied = applied(acked, db, problems);
        long messagesCounted = messagesCounted(acked, db, problems);

        List<ApiCall> executed = calls.stream()
                .filter(call -> call.method().equals("sendMessage") && chats.contains(call.chatId()))
                .filter(call -> call.succeeded() || call.status() == 0)
                .sorted(Comparator.comparing(ApiCall::at))
                .toList();
        Map<List<Object>, List<ApiCall>> byReply = new HashMap<>();
        for (ApiCall call : executed) {
            SteadyLoad.Posted posted = byMessage.getOrDefault(call.chatId(), Map.of()).get(call.replyToMessageId());
            if (posted == null) {
                problems.add("a reply to no posted update: " + call);
                continue;
            }
            byReply.computeIfAbsent(List.of(call.chatId(), posted.messageId(), Objects.toString(call.text())),
                    key -> new ArrayList<>()).add(call);
        }
        int duplicates = 0;
        int unansweredDuplicates = 0;
        int maxCallsPerReply = 0;
        for (List<ApiCall> times : byReply.values()) {
            maxCallsPerReply = Math.max(maxCallsPerReply, times.size());
            if (times.size() > 2) {
                problems.add("one reply carried out " + times.size() + " times: " + times);
            }
            for (ApiCall earlier : times.subList(0, times.size() - 1)) {
                if (earlier.status() == 0 || unanswered.stream().anyMatch(window -> window.contains(earlier.at()))) {
                    unansweredDuplicates++;
                } else {
                    duplicates++;
                    problems.add("sent twice although answered: " + times);
                }
            }
        }

        Map<Long, Map<Integer, Instant>> firstDelivery = new HashMap<>();
        for (ApiCall call : executed) {
            if (call.succeeded() && byMessage.getOrDefault(call.chatId(), Map.of()).containsKey(call.replyToMessageId())) {
                firstDelivery.computeIfAbsent(call.chatId(), chat -> new HashMap<>())
                        .putIfAbsent(call.replyToMessageId(), call.at());
            }
        }
        int delivered = firstDelivery.values().stream().mapToInt(Map::size).sum();
        int orderViolations = orderViolations(acked, firstDelivery, problems);
        for (SteadyLoad.Posted posted : acked) {
            if (!firstDelivery.getOrDefault(posted.chatId(), Map.of()).containsKey(posted.messageId())) {
                problems.add("no reply delivered for " + posted);
            }
        }
        // a chat's lane has one call in flight, so a fault can leave at most one answer per chat unseen
        int duplicateCap = chats.size() * Math.max(1, unanswered.size());
        if (unansweredDuplicates > duplicateCap) {
            problems.add(unansweredDuplicates + " duplicates where the answer was never seen, more than the "
                    + duplicateCap + " calls that can have been in flight");
        }
        return new FaultReport(fault, webhookPosts, acked.size(), applied, messagesCounted, acked.size(), delivered,
                executed.size(), maxCallsPerReply, duplicates, unansweredDuplicates, duplicateCap, orderViolations,
                refusals, drainTime, problems.subList(0, Math.min(problems.size(), 20)));
    }

    /** Acked updates marked processed whose taught trigger, if any, is stored exactly once. */
    private static int applied(List<SteadyLoad.Posted> acked, Connection db, List<String> problems)
            throws SQLException {
        Set<List<Long>> processed = new HashSet<>();
        Long[] chatIds = acked.stream().map(SteadyLoad.Posted::chatId).distinct().toArray(Long[]::new);
        try (PreparedStatement query = db.prepareStatement(
                "SELECT chat_id, update_id FROM processed_updates WHERE chat_id = ANY(?)")) {
            Array chats = db.createArrayOf("bigint", chatIds);
            query.setArray(1, chats);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    processed.add(List.of(rows.getLong(1), rows.getLong(2)));
                }
            }
        }
        Map<String, Integer> taught = new HashMap<>();
        String[] keys = acked.stream().map(SteadyLoad.Posted::taughtKey).filter(Objects::nonNull)
                .toArray(String[]::new);
        try (PreparedStatement query = db.prepareStatement(
                "SELECT key, count(*) FROM answer_entities WHERE key = ANY(?) GROUP BY key")) {
            query.setArray(1, db.createArrayOf("varchar", keys));
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    taught.put(rows.getString(1), rows.getInt(2));
                }
            }
        }
        int applied = 0;
        for (SteadyLoad.Posted posted : acked) {
            boolean marked = processed.contains(List.of(posted.chatId(), posted.updateId()));
            int effects = posted.taughtKey() == null ? 1 : taught.getOrDefault(posted.taughtKey(), 0);
            if (marked && effects == 1) {
                applied++;
            } else {
                problems.add("not applied exactly once (processed=" + marked + ", effects=" + effects + "): "
                        + posted);
            }
        }
        return applied;
    }

    /**
     * The one effect that is not idempotent: every update of the load is a message its member wrote, counted once
     * in {@code member_daily_stats}. A chat with more messages counted than acked updates had one applied twice.
     */
    private static long messagesCounted(List<SteadyLoad.Posted> acked, Connection db, List<String> problems)
            throws SQLException {
        Map<Long, Long> perChat = acked.stream()
                .collect(Collectors.groupingBy(SteadyLoad.Posted::chatId, Collectors.counting()));
        Map<Long, Long> counted = new HashMap<>();
        try (PreparedStatement query = db.prepareStatement("SELECT c.chat_id, sum(s.messages) FROM member_daily_stats s"
                + " JOIN chats c ON c.id = s.chat_id WHERE c.chat_id = ANY(?) GROUP BY c.chat_id")) {
            query.setArray(1, db.createArrayOf("bigint", perChat.keySet().toArray(Long[]::new)));
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    counted.put(rows.getLong(1), rows.getLong(2));
                }
            }
        }
        long total = 0;
        for (var chat : perChat.entrySet()) {
            long messages = counted.getOrDefault(chat.getKey(), 0L);
            total += messages;
            if (messages != chat.getValue()) {
                problems.add("chat " + chat.getKey() + ": " + messages + " messages counted for " + chat.getValue()
                        + " acked updates" + (messages > chat.getValue() ? " (applied twice)" : " (an effect lost)"));
            }
        }
        return total;
    }

    /** Per chat, a reply whose first delivery came before that of a reply to an earlier update. */
    private static int orderViolations(List<SteadyLoad.Posted> acked, Map<Long, Map<Integer, Instant>> firstDelivery,
            List<String> problems) {
        int violations = 0;
        Map<Long, List<SteadyLoad.Posted>> byChat = acked.stream()
                .collect(Collectors.groupingBy(SteadyLoad.Posted::chatId));
        for (var chat : byChat.entrySet()) {
            Map<Integer, Instant> delivered = firstDelivery.getOrDefault(chat.getKey(), Map.of());
            Instant latest = Instant.MIN;
            for (SteadyLoad.Posted posted : chat.getValue().stream()
                    .sorted(Comparator.comparingInt(SteadyLoad.Posted::index)).toList()) {
                Instant at = delivered.get(posted.messageId());
                if (at == null) {
                    continue;
                }
                if (at.isBefore(latest)) {
                    violations++;
                    problems.add("out of order in chat " + chat.getKey() + ": " + posted);
                }
                latest = at.isAfter(latest) ? at : latest;
            }
        }
        return violations;
    }
}
