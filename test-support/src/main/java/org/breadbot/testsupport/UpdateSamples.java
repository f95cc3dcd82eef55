package org.breadbot.testsupport;

import java.time.Instant;
import java.util.Map;
import org.breadbot.common.json.Json;
import org.breadbot.common.telegram.UpdateKinds;
import org.breadbot.common.telegram.User;

/**
 * One update of each Bot API 10.1 kind ({@link UpdateKinds#ALL}), shaped as Telegram sends it with at least every
 * required field (BotApiSpecTest checks them against the spec). Message-like kinds carry {@link #COMMAND}, so a bot
 * that wrongly acts on them answers, and a test sees it.
 */
public final class UpdateSamples {

    /** The text of every message-like sample: a command the bot would answer in a {@code message}. */
    public static final String COMMAND = "Хлеб выбери раз или два";

    private static final String MESSAGE = """
            {"message_id": 41, "from": %3$s, "chat": {"id": %2$d, "title": "Пекарня", "type": "supergroup"},
             "date": %4$d, "text": "%5$s"}""";
    private static final String EDITED = """
            {"message_id": 41, "from": %3$s, "chat": {"id": %2$d, "title": "Пекарня", "type": "supergroup"},
             "date": %4$d, "edit_date": %4$d, "text": "%5$s"}""";
    private static final String CHANNEL_POST = """
            {"message_id": 41, "sender_chat": {"id": %2$d, "title": "Хлебный канал", "type": "channel"},
             "chat": {"id": %2$d, "title": "Хлебный канал", "type": "channel"}, "date": %4$d, "text": "%5$s"}""";
    private static final String BUSINESS_MESSAGE = """
            {"message_id": 41, "from": %3$s, "chat": {"id": %2$d, "first_name": "Клиент", "type": "private"},
             "date": %4$d, "business_connection_id": "bc-1", "text": "%5$s"}""";
    private static final String MEMBER_UPDATED = """
            {"chat": {"id": %2$d, "title": "Пекарня", "type": "supergroup"}, "from": %3$s, "date": %4$d,
             "old_chat_member": {"status": "left", "user": %3$s},
             "new_chat_member": {"status": "member", "user": %3$s}}""";

    private static final Map<String, String> BODIES = Map.ofEntries(
            Map.entry(UpdateKinds.MESSAGE, MESSAGE),
            Map.entry(UpdateKinds.EDITED_MESSAGE, EDITED),
            Map.entry(UpdateKinds.CHANNEL_POST, CHANNEL_POST),
            Map.entry(UpdateKinds.EDITED_CHANNEL_POST, CHANNEL_POST.replace("\"date\": %4$d,",
                    "\"date\": %4$d, \"edit_date\": %4$d,")),
            Map.entry(UpdateKinds.BUSINESS_CONNECTION, """
                    {"id": "bc-1", "user": %3$s, "user_chat_id": %6$d, "date": %4$d, "is_enabled": true}"""),
            Map.entry(UpdateKinds.BUSINESS_MESSAGE, BUSINESS_MESSAGE),
            Map.entry(UpdateKinds.EDITED_BUSINESS_MESSAGE, BUSINESS_MESSAGE.replace("\"date\": %4$d,",
                    "\"date\": %4$d, \"edit_date\": %4$d,")),
            Map.entry(UpdateKinds.DELETED_BUSINESS_MESSAGES, """
                    {"business_connection_id": "bc-1",
                     "chat": {"id": %2$d, "first_name": "Клиент", "type": "private"}, "message_ids": [40, 41]}"""),
            Map.entry(UpdateKinds.GUEST_MESSAGE, MESSAGE),
            Map.entry(UpdateKinds.MESSAGE_REACTION, """
                    {"chat": {"id": %2$d, "title": "Пекарня", "type": "supergroup"}, "message_id": 41,
                     "user": %3$s, "date": %4$d, "old_reaction": [],
                     "new_reaction": [{"type": "emoji", "emoji": "👍"}]}"""),
            Map.entry(UpdateKinds.MESSAGE_REACTION_COUNT, """
                    {"chat": {"id": %2$d, "title": "Пекарня", "type": "supergroup"}, "message_id": 41,
                     "date": %4$d, "reactions": [{"type": {"type": "emoji", "emoji": "👍"}, "total_count": 3}]}"""),
            Map.entry(UpdateKinds.INLINE_QUERY, """
                    {"id": "iq-1", "from": %3$s, "query": "%5$s", "offset": ""}"""),
            Map.entry(UpdateKinds.CHOSEN_INLINE_RESULT, """
                    {"result_id": "r-1", "from": %3$s, "query": "%5$s"}"""),
            Map.entry(UpdateKinds.CALLBACK_QUERY, """
                    {"id": "cq-1", "from": %3$s, "chat_instance": "ci-1", "data": "again",
                     "message": {"message_id": 41, "chat": {"id": %2$d, "title": "Пекарня", "type": "supergroup"},
                                 "date": %4$d, "text": "%5$s"}}"""),
            Map.entry(UpdateKinds.SHIPPING_QUERY, """
                    {"id": "sq-1", "from": %3$s, "invoice_payload": "loaf",
                     "shipping_address": {"country_code": "RU", "state": "", "city": "Москва",
                                          "street_line1": "Хлебный пер., 1", "street_line2": "", "post_code": "119019"}}"""),
            Map.entry(UpdateKinds.PRE_CHECKOUT_QUERY, """
                    {"id": "pq-1", "from": %3$s, "currency": "XTR", "total_amount": 5, "invoice_payload": "loaf"}"""),
            Map.entry(UpdateKinds.PURCHASED_PAID_MEDIA, """
                    {"from": %3$s, "paid_media_payload": "crust"}"""),
            Map.entry(UpdateKinds.POLL, """
                    {"id": "5890123456789012345", "question": "Кто испёк?",
                     "options": [{"persistent_id": "o1", "text": "раз", "voter_count": 1},
                                 {"persistent_id": "o2", "text": "два", "voter_count": 0}],
                     "total_voter_count": 1, "is_closed": false, "is_anonymous": true, "type": "regular",
                     "allows_multiple_answers": false, "allows_revoting": true,
                     "members_only": false}"""),
            Map.entry(UpdateKinds.POLL_ANSWER, """
                    {"poll_id": "5890123456789012345", "user": %3$s, "option_ids": [0],
                     "option_persistent_ids": ["o1"]}"""),
            Map.entry(UpdateKinds.MY_CHAT_MEMBER, MEMBER_UPDATED),
            Map.entry(UpdateKinds.CHAT_MEMBER, MEMBER_UPDATED),
            Map.entry(UpdateKinds.CHAT_JOIN_REQUEST, """
                    {"chat": {"id": %2$d, "title": "Пекарня", "type": "supergroup"}, "from": %3$s,
                     "user_chat_id": %6$d, "date": %4$d}"""),
            Map.entry(UpdateKinds.CHAT_BOOST, """
                    {"chat": {"id": %2$d, "title": "Пекарня", "type": "supergroup"},
                     "boost": {"boost_id": "b-1", "add_date": %4$d, "expiration_date": %4$d,
                               "source": {"source": "premium", "user": %3$s}}}"""),
            Map.entry(UpdateKinds.REMOVED_CHAT_BOOST, """
                    {"chat": {"id": %2$d, "title": "Пекарня", "type": "supergroup"}, "boost_id": "b-1",
                     "remove_date": %4$d, "source": {"source": "premium", "user": %3$s}}"""),
            Map.entry(UpdateKinds.MANAGED_BOT, """
                    {"user": %3$s, "bot": {"id": 7000000001, "is_bot": true, "first_name": "Булочка",
                                            "username": "bulochka_bot"}}"""));

    private UpdateSamples() {
    }

    /**
     * A {@code kind} update with id {@code updateId}, in (or about) chat {@code chatId}, from {@code user}; for the
     * business kinds {@code chatId} is the private chat of the business account's client.
     *
     * @throws IllegalArgumentException for a kind the Bot API does not have
     */
    public static String of(String kind, long updateId, long chatId, User user) {
        String body = BODIES.get(kind);
        if (body == null) {
            throw new IllegalArgumentException("no Bot API update kind " + kind);
        }
        String json = "{\"update_id\": %1$d, \"" + kind + "\": " + body + "}";
        return json.formatted(updateId, chatId, Json.mapper().writeValueAsString(user),
                Instant.now().getEpochSecond(), COMMAND, user.id());
    }
}
