package org.breadbot.standalone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.breadbot.common.json.Json;
import org.breadbot.common.kafka.Topics;
import org.breadbot.common.telegram.UpdateEnvelope;
import org.breadbot.common.telegram.UpdateKinds;
import org.breadbot.common.telegram.User;
import org.breadbot.testsupport.ApiCall;
import org.breadbot.testsupport.FakeResponse;
import org.breadbot.testsupport.TestKafka;
import org.breadbot.testsupport.TestUsers;
import org.breadbot.testsupport.UpdateSamples;
import org.breadbot.testsupport.Updates;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The first slice of commands end to end: webhook → Kafka → processor → PostgreSQL → Kafka → sender → fake Telegram.
 * Each test uses chats of its own, so the tests share one running bot.
 */
class PipelineIT {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final Set<String> COMPLETION_PHRASES =
            Set.of("Сделал", "Слушаю и повинуюсь", "Есть, сэр!", "Выполнено", "Принял");
    private static final AtomicLong CHATS = new AtomicLong(-1_000_100);

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

    private static List<ApiCall> messagesTo(long chatId, int count) {
        await().atMost(WAIT).until(() -> sentTo(chatId).size() >= count);
        return sentTo(chatId);
    }

    private static List<ApiCall> sentTo(long chatId) {
        return bot.telegram.calls("sendMessage").stream()
                .filter(call -> call.chatId() == chatId && call.succeeded())
                .toList();
    }

    @Test
    void chooseAnswersWithOneOfTheVariantsAsAReply() {
        long chat = newGroup();
        Updates.Builder update = Updates.text("Хлеб выбери чай или кофе").inGroup(chat).from(TestUsers.ALICE);

        assertThat(bot.post(update)).isEqualTo(200);

        ApiCall reply = messagesTo(chat, 1).get(0);
        assertThat(reply.text()).isIn("чай", "кофе");
        assertThat(reply.replyToMessageId()).isEqualTo(update.messageId());
    }

    @Test
    void taughtTriggerAnswersWithItsValue() {
        long chat = newGroup();

        bot.post(Updates.text("Хлеб добавь триггер привет=медвед").inGroup(chat).from(TestUsers.ALICE));
        assertThat(messagesTo(chat, 1).get(0).text()).isIn(COMPLETION_PHRASES);

        bot.post(Updates.text("привет").inGroup(chat).from(TestUsers.BOB));
        assertThat(messagesTo(chat, 2).get(1).text()).isEqualTo("медвед");
    }

    @Test
    void probabilityWhoAndHelpAnswer() {
        long chat = newGroup();

        bot.post(Updates.text("Хлеб вероятность дождя").inGroup(chat).from(TestUsers.ALICE));
        assertThat(messagesTo(chat, 1).get(0).text()).matches("Есть вероятность дождя - \\d{1,3}%");

        bot.post(Updates.text("Хлеб кто молодец?").inGroup(chat).from(TestUsers.ALICE));
        assertThat(messagesTo(chat, 2).get(1).text()).endsWith("молодец").contains("Alice");

        bot.post(Updates.text("Хлеб help").inGroup(chat).from(TestUsers.ALICE));
        assertThat(messagesTo(chat, 3).get(2).text()).contains("1) покажи");
    }

    @Test
    void inAForumTopicEveryAnswerGoesToTheTopicItWasAskedIn() {
        long chat = newGroup();
        Updates.Builder question = Updates.text("Хлеб выбери чай или кофе").inGroup(chat).inTopic(7)
                .from(TestUsers.ALICE);
        bot.post(question);
        ApiCall choice = messagesTo(chat, 1).get(0);
        assertThat(choice.messageThreadId()).isEqualTo(7);
        assertThat(choice.replyToMessageId()).isEqualTo(question.messageId());

        bot.post(Updates.text("Хлеб добавь триггер привет=медвед").inGroup(chat).inTopic(7).from(TestUsers.ALICE));
        messagesTo(chat, 2);
        bot.post(Updates.text("привет").inGroup(chat).inTopic(9).from(TestUsers.BOB));
        ApiCall trigger = messagesTo(chat, 3).get(2);
        assertThat(trigger.text()).isEqualTo("медвед");
        assertThat(trigger.messageThreadId()).as("the topic of the message that set it off").isEqualTo(9);

        bot.post(Updates.text("привет").inGroup(chat).forum().from(TestUsers.BOB));
        ApiCall general = messagesTo(chat, 4).get(3);
        assertThat(general.text()).isEqualTo("медвед");
        assertThat(general.params().has("message_thread_id")).as("the General topic takes none").isFalse();
    }

    @Test
    void theOpeningMessageOfATopicIsNotTheMessageACommandRepliesTo() {
        long chat = newGroup();

        bot.post(Updates.text("Хлеб запомни триггер ключ").inGroup(chat).inTopic(11).from(TestUsers.ALICE));

        ApiCall answer = messagesTo(chat, 1).get(0);
        assertThat(answer.text()).isEqualTo("Необходимо выбрать сообщение в качестве ответа для обработки");
        assertThat(answer.messageThreadId()).isEqualTo(11);
    }

    @Test
    void outsideForumTopicsNoThreadIsSentNotEvenForTheThreadOfAReplyInASupergroup() {
        long chat = newGroup();
        bot.post(Updates.text("Хлеб выбери раз или два").inGroup(chat).field("message_thread_id", 55)
                .from(TestUsers.ALICE));
        User loner = new User(770_001L, false, "Loner", null, null, "ru");
        bot.post(Updates.text("Хлеб выбери три или четыре").from(loner).privateChat());

        assertThat(messagesTo(chat, 1).get(0).params().has("message_thread_id")).isFalse();
        assertThat(messagesTo(loner.id(), 1).get(0).params().has("message_thread_id")).isFalse();
    }

    @Test
    void theSameUpdatePostedTwiceIsAnsweredOnce() throws InterruptedException {
        long chat = newGroup();
        String update = Updates.text("Хлеб выбери раз").inGroup(chat).from(TestUsers.ALICE).json();

        assertThat(bot.post(update)).isEqualTo(200);
        assertThat(bot.post(update)).isEqualTo(200);

        messagesTo(chat, 1);
        Thread.sleep(2_000);
        assertThat(sentTo(chat)).hasSize(1);
    }

    @Test
    void everyChatsRepliesArriveInItsOrder() {
        int chats = 30;
        int perChat = 10;
        List<Long> ids = new ArrayList<>();
        for (int c = 0; c < chats; c++) {
            ids.add(newGroup());
        }
        for (int i = 0; i < perChat; i++) {
            for (long chat : ids) {
                assertThat(bot.post(Updates.text("Хлеб выбери " + i).inGroup(chat).from(TestUsers.ALICE)))
                        .isEqualTo(200);
            }
        }

        for (long chat : ids) {
            List<String> texts = messagesTo(chat, perChat).stream().map(ApiCall::text).toList();
            assertThat(texts).as("chat %d", chat).containsExactly("0", "1", "2", "3", "4", "5", "6", "7", "8", "9");
        }
    }

    @Test
    void aChatUnder429WaitsRetryAfterAndKeepsItsOrder() {
        long chat = newGroup();
        bot.telegram.script("sendMessage", FakeResponse.tooManyRequests(2));

        long posted = System.currentTimeMillis();
        for (int i = 0; i < 3; i++) {
            bot.post(Updates.text("Хлеб выбери " + i).inGroup(chat).from(TestUsers.ALICE));
        }

        List<ApiCall> delivered = messagesTo(chat, 3);
        assertThat(delivered).extracting(ApiCall::text).containsExactly("0", "1", "2");
        assertThat(delivered.get(0).at().toEpochMilli() - posted).isGreaterThanOrEqualTo(1_900);
    }

    @Test
    void everyBotApiUpdateKindIsStoredAndOnlyMessagesAreActedOnWithoutADeadLetter() throws InterruptedException {
        Map<String, UpdateEnvelope> posted = new LinkedHashMap<>();
        Map<String, Long> chats = new LinkedHashMap<>();
        long userIds = 2_000_100;
        long updateIds = 8_800_000_000L;
        for (String kind : UpdateKinds.ALL) {
            long chat = newGroup();
            User user = TestUsers.user(userIds++, "Гость", null, null);
            String json = UpdateSamples.of(kind, updateIds++, chat, user);
            assertThat(bot.post(json)).as(kind).isEqualTo(200);
            posted.put(kind, UpdateEnvelope.of(Json.mapper().readTree(json)).orElseThrow());
            chats.put(kind, chat);
        }

        for (Map.Entry<String, UpdateEnvelope> update : posted.entrySet()) {
            UpdateEnvelope envelope = update.getValue();
            await(update.getKey() + " stored").atMost(WAIT).until(() -> !bot.database.query(
                    "SELECT 1 FROM processed_updates WHERE update_id = ? AND chat_id = ?",
                    envelope.updateId(), envelope.key()).isEmpty());
        }
        // the message is answered: the samples carry a command, so any other kind acted on as a message would be too
        assertThat(messagesTo(chats.get(UpdateKinds.MESSAGE), 1).get(0).text()).isIn("раз", "два");
        Thread.sleep(2_000);

        for (String kind : UpdateKinds.ALL) {
            if (!kind.equals(UpdateKinds.MESSAGE) && !kind.equals(UpdateKinds.EDITED_MESSAGE)) {
                long key = posted.get(kind).key();
                assertThat(bot.telegram.calls()).as(kind + " answered")
                        .noneMatch(call -> call.method().startsWith("send")
                                && (call.chatId() == chats.get(kind) || call.chatId() == key));
            }
        }
        Set<String> keys = new HashSet<>();
        posted.values().forEach(envelope -> keys.add(Long.toString(envelope.key())));
        assertThat(TestKafka.consume(Topics.UPDATES_DLT, 0, Duration.ofSeconds(3)))
                .noneMatch(letter -> keys.contains(letter.key()));
    }
}
