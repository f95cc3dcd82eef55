package org.breadbot.standalone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.common.utils.Utils;
import org.breadbot.common.kafka.Topics;
import org.breadbot.testsupport.ApiCall;
import org.breadbot.testsupport.HostileInput;
import org.breadbot.testsupport.TestKafka;
import org.breadbot.testsupport.TestUsers;
import org.breadbot.testsupport.Updates;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Hostile input through the whole pipeline (webhook → Kafka → processor → PostgreSQL → Kafka → sender → Bot API):
 * it is data, nothing breaks, nothing else is lost, and a chat that floods the bot holds up no other chat.
 */
class HostileInputIT {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final Set<String> COMPLETION_PHRASES =
            Set.of("Сделал", "Слушаю и повинуюсь", "Есть, сэр!", "Выполнено", "Принял");
    private static final AtomicLong CHATS = new AtomicLong(-4_000_100);
    private static final AtomicLong UPDATE_IDS = new AtomicLong(7_700_000_000L);
    private static final int PARTITIONS = 3;

    private static RunningBot bot;

    @BeforeAll
    static void start() {
        bot = RunningBot.start(Map.of());
    }

    @AfterAll
    static void stop() {
        bot.close();
    }

    private static long newGroup() {
        return CHATS.getAndDecrement();
    }

    private static List<ApiCall> sentTo(long chatId) {
        return bot.telegram.calls("sendMessage").stream()
                .filter(call -> call.chatId() == chatId && call.succeeded())
                .toList();
    }

    private static List<ApiCall> messagesTo(long chatId, int count) {
        await().atMost(WAIT).until(() -> sentTo(chatId).size() >= count);
        return sentTo(chatId);
    }

    private static void postOk(Updates.Builder update) {
        assertThat(bot.post(update)).isEqualTo(200);
    }

    private static boolean processed(Updates.Builder update) {
        return !bot.database.query("SELECT 1 FROM processed_updates WHERE update_id = ? AND chat_id = ?",
                update.id(), update.chatId()).isEmpty();
    }

    @Test
    void sqlLookingCommandIsStoredAsDataAndAnswersAsATrigger() {
        long chat = newGroup();
        String injection = "'; DROP TABLE chats; --";

        postOk(Updates.text("Хлеб добавь триггер " + injection + "=x").inGroup(chat).from(TestUsers.ALICE));
        assertThat(messagesTo(chat, 1).get(0).text()).isIn(COMPLETION_PHRASES);

        postOk(Updates.text(injection).inGroup(chat).from(TestUsers.BOB));
        assertThat(messagesTo(chat, 2).get(1).text()).isEqualTo("x");
        assertThat(bot.database.query("SELECT count(*) AS n FROM chats").get(0).get("n")).isNotEqualTo(0L);
        assertThat(bot.database.query("SELECT value FROM answer_entities WHERE key = ?", injection.toLowerCase()))
                .extracting(row -> row.get("value")).containsExactly("x");
    }

    @Test
    void markdownAndHtmlCharactersComeBackExactlyAndAreNotParsed() {
        long chat = newGroup();
        String value = "<b>жирный</b> *звёзды* _подчерк_ [ссылка](http://x.example) `код` ~зачёркнуто~ ||спойлер||"
                + " &amp; <script>alert(1)</script> \\*экран\\* > цитата";

        postOk(Updates.text("Хлеб добавь триггер формат=" + value).inGroup(chat).from(TestUsers.ALICE));
        messagesTo(chat, 1);
        postOk(Updates.text("формат").inGroup(chat).from(TestUsers.BOB));

        ApiCall answer = messagesTo(chat, 2).get(1);
        assertThat(answer.text()).isEqualTo(value);
        assertThat(answer.params().has("parse_mode")).isFalse();
    }

    @Test
    void aValueOfTelegramsWholeLengthIsStoredAndSentBackWhole() {
        long chat = newGroup();
        String command = "Хлеб добавь триггер длинно=";
        String value = "ю".repeat(4096 - command.length());

        postOk(Updates.text(command + value).inGroup(chat).from(TestUsers.ALICE));
        messagesTo(chat, 1);
        postOk(Updates.text("длинно").inGroup(chat).from(TestUsers.BOB));

        assertThat(messagesTo(chat, 2).get(1).text()).isEqualTo(value);
    }

    @Test
    void aKeyOfThousandsOfCharactersIsRefusedWithTheDocumentedAnswer() {
        long chat = newGroup();
        String key = "к".repeat(4000);

        postOk(Updates.text("Хлеб добавь триггер " + key + "=x").inGroup(chat).from(TestUsers.ALICE));

        assertThat(messagesTo(chat, 1).get(0).text()).isEqualTo("Ключ не может быть длиннее 255 символов");
        assertThat(bot.database.query("SELECT 1 FROM answer_entities WHERE value = 'x' AND length(key) > 255"))
                .isEmpty();
    }

    @Test
    void aMessageOfTelegramsWholeLengthFullOfControlAndBidiCharactersIsProcessed() {
        long chat = newGroup();
        String text = ("a\u0000b\u202Egnp.exe\u202C\u200F\u2066x\u2069\u0007\u001B[31m ").repeat(4096 / 20);
        Updates.Builder hostile = Updates.text(text).inGroup(chat).from(TestUsers.ALICE);

        postOk(hostile);
        postOk(Updates.text("Хлеб выбери после").inGroup(chat).from(TestUsers.ALICE));

        await().atMost(WAIT).until(() -> sentTo(chat).stream().anyMatch(call -> "после".equals(call.text())));
        assertThat(processed(hostile)).isTrue();
    }

    @Test
    void aTriggerWithNulAndBidiCharactersIsStoredWithoutTheNulsAndAnswers() {
        long chat = newGroup();

        postOk(Updates.text("Хлеб добавь триггер н\u0000уль=a\u0000b \u202Eevil\u202C").inGroup(chat)
                .from(TestUsers.ALICE));
        assertThat(messagesTo(chat, 1).get(0).text()).isIn(COMPLETION_PHRASES);
        postOk(Updates.text("нуль").inGroup(chat).from(TestUsers.BOB));

        // PostgreSQL's text cannot hold U+0000: the processor drops it rather than fail the update
        assertThat(messagesTo(chat, 2).get(1).text()).isEqualTo("ab \u202Eevil\u202C");
    }

    @Test
    void fiveThousandSubstringsInOnePackStillAnswerAMessageQuickly() {
        long chat = newGroup();
        postOk(Updates.text("Хлеб добавь подстроку ключ00000=ответ 00000").inGroup(chat).from(TestUsers.ALICE));
        messagesTo(chat, 1);
        int added = bot.database.update("INSERT INTO answer_entities (pack_id, key, value, file_unique_id,"
                + " reaction_type, content_type, description, is_active, created_at, updated_at)"
                + " SELECT pack_id, 'ключ' || lpad(g::text, 5, '0'), 'ответ ' || lpad(g::text, 5, '0'), NULL,"
                + " reaction_type, content_type, NULL, TRUE, now(), now()"
                + " FROM answer_entities, generate_series(1, 4999) AS g WHERE key = 'ключ00000'");
        assertThat(added).isEqualTo(4999);

        long posted = System.nanoTime();
        postOk(Updates.text("а вот и ключ03141 посреди фразы").inGroup(chat).from(TestUsers.BOB));
        List<ApiCall> answers = messagesTo(chat, 2);
        Duration took = Duration.ofNanos(System.nanoTime() - posted);

        System.out.println("hostile: answer from a pack of 5,000 substrings in " + took.toMillis() + " ms");
        assertThat(answers.get(1).text()).isEqualTo("ответ 03141");
        assertThat(took).isLessThan(Duration.ofSeconds(20));
    }

    @Test
    void aChatFloodingTheBotHoldsUpNoOtherChat() {
        long flooder = newGroup();
        long victim = sharingItsPartition(flooder);
        postOk(Updates.text("Хлеб процент бреда 0").inGroup(flooder).from(TestUsers.ALICE));
        messagesTo(flooder, 1);

        for (int i = 0; i < 500; i++) {
            String text = i % 10 == 0 ? "Хлеб выбери " + i : "флуд номер " + i + " без смысла";
            postOk(Updates.text(text).inGroup(flooder).from(TestUsers.ALICE));
        }
        Updates.Builder single = Updates.text("Хлеб выбери я").inGroup(victim).from(TestUsers.BOB);
        long posted = System.nanoTime();
        postOk(single);
        ApiCall answer = messagesTo(victim, 1).get(0);
        Duration took = Duration.ofNanos(System.nanoTime() - posted);
        long floodDelivered = sentTo(flooder).size() - 1L;

        System.out.println("hostile: a chat sharing the partition of a 500-update flood was answered in "
                + took.toMillis() + " ms; the flooding chat had " + floodDelivered + " of its 50 replies by then");
        assertThat(answer.text()).isEqualTo("я");
        assertThat(took).isLessThan(Duration.ofSeconds(30));
        // the flood's own replies go at the per-chat pace, so the answer overtook most of them in the sender
        assertThat(floodDelivered).isLessThan(50);
    }

    @Test
    void aMemberWhoIsNoAdminMayDeleteWhatAnotherTaughtAndNoAdminLookupIsMade() {
        // spec §4.1.0 and §13 item 10, decided in docs/commands.md: no command is admin-only
        long chat = newGroup();
        postOk(Updates.text("Хлеб добавь триггер привет=Медвед").inGroup(chat).from(TestUsers.ALICE));
        messagesTo(chat, 1);

        postOk(Updates.text("Хлеб удали").inGroup(chat).from(TestUsers.CAROL)
                .replyTo(Updates.text("Медвед").inGroup(chat).from(TestUsers.BOB)));

        assertThat(messagesTo(chat, 2).get(1).text()).isEqualTo("Удалено это значение для ключей: [привет]");
        assertThat(bot.telegram.calls("getChatAdministrators")).noneMatch(call -> call.chatId() == chat);
        assertThat(bot.telegram.calls("getChatMember")).noneMatch(call -> call.chatId() == chat);
    }

    /**
     * The hostile shapes of issue "no chat can stop another" item 8, as updates of {@code chat} (or claiming to
     * be), each with an update id of its own.
     */
    private static Map<String, byte[]> hostileUpdates(long chat) {
        String id = Long.toString(chat);
        Map<String, String> updates = new LinkedHashMap<>();
        updates.put("10,000-deep nesting", update(message(id,
                ",\"text\":\"x\",\"deep\":" + HostileInput.nested(HostileInput.DEEP))));
        updates.put("a 5,000-digit number", update(message(id,
                ",\"text\":\"x\",\"big\":" + HostileInput.digits(HostileInput.LONG_NUMBER))));
        updates.put("a 5,000-digit date", update(message(id, ",\"text\":\"x\"")
                .replace("\"date\":1700000000", "\"date\":" + HostileInput.digits(HostileInput.LONG_NUMBER))));
        updates.put("a float chat id", update(message(chat + ".0", ",\"text\":\"Хлеб выбери дробь\"")));
        updates.put("a string chat id", update(message("\"" + chat + "\"", ",\"text\":\"Хлеб выбери строка\"")));
        updates.put("invalid UTF-8", update(message(id, ",\"text\":\"a" + HostileInput.INVALID_UTF8 + "b\"")));
        updates.put("a lone surrogate", update(message(id,
                ",\"text\":\"Хлеб выбери " + HostileInput.LONE_SURROGATE + "\"")));
        updates.put("an unknown update kind", "{\"update_id\":" + UPDATE_IDS.incrementAndGet()
                + ",\"guest_message\":{\"message_id\":1,\"chat\":{\"id\":" + chat + "}}}");
        updates.put("a message without chat", update("{\"message_id\":1,\"date\":1700000000,"
                + "\"from\":{\"id\":42,\"is_bot\":false,\"first_name\":\"Eve\"},\"text\":\"Хлеб выбери нет\"}"));
        updates.put("4,096 characters of white space", update(message(id,
                ",\"text\":" + org.breadbot.common.json.Json.mapper().writeValueAsString(HostileInput.whitespace()))));
        Map<String, byte[]> bytes = new LinkedHashMap<>();
        updates.forEach((name, json) -> bytes.put(name, json.contains(HostileInput.INVALID_UTF8)
                ? HostileInput.withInvalidUtf8(json) : json.getBytes(StandardCharsets.UTF_8)));
        return bytes;
    }

    private static String update(String message) {
        return "{\"update_id\":" + UPDATE_IDS.incrementAndGet() + ",\"message\":" + message + "}";
    }

    private static String message(String chatId, String fields) {
        return "{\"message_id\":1,\"date\":1700000000,\"chat\":{\"id\":" + chatId + ",\"type\":\"group\","
                + "\"title\":\"Hostile\"},\"from\":{\"id\":42,\"is_bot\":false,\"first_name\":\"Eve\"}" + fields + "}";
    }

    @Test
    void everyHostileShapeAtTheWebhookIsAClearAnswerAndTheChatIsAnsweredAfterIt() {
        long chat = newGroup();
        Map<String, Integer> statuses = new LinkedHashMap<>();
        hostileUpdates(chat).forEach((name, body) -> statuses.put(name, bot.post(body)));

        postOk(Updates.text("Хлеб выбери после").inGroup(chat).from(TestUsers.ALICE));

        System.out.println("hostile: webhook answers " + statuses);
        assertThat(statuses.values()).allMatch(status -> status == 200 || status == 400);
        assertThat(statuses).containsEntry("10,000-deep nesting", 400).containsEntry("invalid UTF-8", 400)
                .containsEntry("an unknown update kind", 200).containsEntry("4,096 characters of white space", 200);
        await().atMost(WAIT).until(() -> sentTo(chat).stream().anyMatch(call -> "после".equals(call.text())));
    }

    @Test
    void everyHostileShapeOnTheUpdatesTopicIsDeadLetteredOrSkippedAndTheChatIsAnsweredAfterIt() {
        long chat = newGroup();
        String key = Long.toString(chat);
        hostileUpdates(chat).values().forEach(value -> TestKafka.produce(Topics.UPDATES, key, value));
        TestKafka.produce(Topics.UPDATES, key,
                Updates.text("Хлеб выбери после").inGroup(chat).from(TestUsers.ALICE).bytes());

        await().atMost(WAIT).until(() -> sentTo(chat).stream().anyMatch(call -> "после".equals(call.text())));
    }

    /** A group chat whose updates go to the same partition of telegram.updates as {@code chat}'s. */
    private static long sharingItsPartition(long chat) {
        int partition = partitionOf(chat);
        long candidate = newGroup();
        while (partitionOf(candidate) != partition) {
            candidate = newGroup();
        }
        return candidate;
    }

    private static int partitionOf(long chat) {
        byte[] key = Long.toString(chat).getBytes(StandardCharsets.UTF_8);
        return Utils.toPositive(Utils.murmur2(key)) % PARTITIONS;
    }
}
