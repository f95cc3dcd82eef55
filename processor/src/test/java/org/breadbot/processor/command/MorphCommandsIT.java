package org.breadbot.processor.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.breadbot.processor.bot.BotScenarioSupport;
import org.breadbot.processor.pipeline.Answer;
import org.breadbot.testsupport.TestUsers;
import org.breadbot.testsupport.Updates;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The nonsense dictionary and generator as users meet them (spec §4.2.21, §4.2.25–4.2.28, §6.4; scenarios 62–69,
 * 73–78) with the real analyser. Random choices are scripted where a scenario names them: the automatic reply
 * draws its chance first (a double), then the generator a word index and, on a hit, a form index (integers).
 */
class MorphCommandsIT extends BotScenarioSupport {

    /** A group chat with this morph chance and no answer pack. */
    private static long chatWithMorphChance(int chance) {
        long group = newGroup();
        DB.update("INSERT INTO chats (chat_id, name, morph_answer_chance, is_openai_enabled, created_at, updated_at)"
                + " VALUES (?, 'group', ?, FALSE, now(), now())", group, chance);
        return group;
    }

    private static void givenDictionary(long group, String... words) {
        for (String word : words) {
            DB.update("INSERT INTO dictionary_entities (chat_id, value) SELECT id, ? FROM chats WHERE chat_id = ?",
                    word, group);
        }
    }

    private static List<String> dictionary(long group) {
        return DB.query("SELECT d.value FROM dictionary_entities d JOIN chats c ON c.id = d.chat_id"
                + " WHERE c.chat_id = ? ORDER BY d.id", group).stream()
                .map(row -> (String) row.get("value"))
                .toList();
    }

    private static void assertCompletion(List<String> texts) {
        assertThat(texts).hasSize(1);
        assertThat(Replies.completionPhrases()).contains(texts.get(0));
    }

    @Test
    void scenario062_wordsAreAddedOnce() {
        long group = chatWithMorphChance(0);

        assertCompletion(texts(Updates.text("Хлеб добавь бред прыгать, голова").inGroup(group)));
        assertThat(dictionary(group)).containsExactly("прыгать", "голова");

        assertCompletion(texts(Updates.text("Хлеб добавь бред прыгать, голова").inGroup(group)));
        assertThat(dictionary(group)).containsExactly("прыгать", "голова");
    }

    @Test
    void wordsAreKeptExactlyAsTypedAndARepeatWithinOneCommandIsStoredOnce() {
        long group = chatWithMorphChance(0);

        texts(Updates.text("Хлеб добавь бред Кот, кот, кот").inGroup(group));

        assertThat(dictionary(group)).containsExactly("Кот", "кот");
    }

    @Test
    void scenario063_theDictionaryIsShownOneWordPerLineInTheOrderAdded() {
        long group = chatWithMorphChance(0);
        givenDictionary(group, "word1", "word2");

        assertThat(texts(Updates.text("Хлеб покажи бред").inGroup(group))).containsExactly("word1\nword2");
    }

    @Test
    void scenario064_anEmptyDictionaryShowsNoWords() {
        long group = chatWithMorphChance(0);

        assertThat(texts(Updates.text("Хлеб покажи бред").inGroup(group)))
                .containsExactly(ShowMorphEntitiesCommand.NONE);
    }

    @Test
    void scenario065_aWordIsDeletedByItsExactValue() {
        long group = chatWithMorphChance(0);
        givenDictionary(group, "word1", "word2");

        assertCompletion(texts(Updates.text("Хлеб удали бред word2").inGroup(group)));
        assertThat(dictionary(group)).containsExactly("word1");

        assertCompletion(texts(Updates.text("Хлеб удали бред WORD1").inGroup(group)));
        assertThat(dictionary(group)).containsExactly("word1");
    }

    @Test
    void deletingWithoutAWordAsksForOne() {
        long group = chatWithMorphChance(0);

        assertThat(texts(Updates.text("Хлеб удали бред").inGroup(group)))
                .containsExactly(DeleteMorphEntityCommand.NO_VALUE);
    }

    @Test
    void dictionariesBelongToTheirChat() {
        long group = chatWithMorphChance(0);
        long other = chatWithMorphChance(0);
        givenDictionary(other, "чужое");

        assertThat(texts(Updates.text("Хлеб покажи бред").inGroup(group)))
                .containsExactly(ShowMorphEntitiesCommand.NONE);
    }

    @Test
    void scenario066_oneAttemptOnARandomWordWhichOnlyTheInfinitiveCanTake() {
        long group = chatWithMorphChance(100);
        givenDictionary(group, "прыгать");

        random.nextDoubles(0.99).nextInts(0, 0);   // chance passes; the attempt hits "скакать"
        List<Answer> hit = send(Updates.text("скакать от счастья").inGroup(group).messageId(50));
        assertThat(hit).extracting(Answer::text).containsExactly("прыгать от счастья");
        assertThat(hit.get(0).replyToMessageId()).isEqualTo(50);

        random.nextDoubles(0.99).nextInts(1);      // "от"
        assertThat(send(Updates.text("скакать от счастья").inGroup(group))).isEmpty();
        random.nextDoubles(0.99).nextInts(2);      // "счастья"
        assertThat(send(Updates.text("скакать от счастья").inGroup(group))).isEmpty();
    }

    @Test
    void scenario066_overManyMessagesAboutAThirdAreRewritten() {
        long group = chatWithMorphChance(100);
        givenDictionary(group, "прыгать");

        int rewritten = 0;
        for (int i = 0; i < 60; i++) {
            List<String> texts = texts(Updates.text("скакать от счастья").inGroup(group));
            if (!texts.isEmpty()) {
                assertThat(texts).containsExactly("прыгать от счастья");
                rewritten++;
            }
        }
        assertThat(rewritten).isBetween(8, 35);
    }

    @ParameterizedTest(name = "word {0}")
    @ValueSource(ints = {0, 1, 2})
    void scenario067_nothingCanBeReplacedSoTheBotIsSilent(int word) {
        long group = chatWithMorphChance(100);
        givenDictionary(group, "красивый");

        random.nextDoubles(0.0).nextInts(word, 0);
        assertThat(send(Updates.text("скакать от счастья").inGroup(group))).isEmpty();
    }

    @Test
    void scenario068_anEmptyDictionaryKeepsTheBotSilent() {
        long group = chatWithMorphChance(100);

        assertThat(send(Updates.text("скакать от счастья").inGroup(group))).isEmpty();
        assertThat(send(Updates.photo("p", "pu").caption("скакать от счастья").inGroup(group))).isEmpty();
    }

    @Test
    void theChanceGatesTheAutomaticReplyAndZeroMeansNever() {
        long group = chatWithMorphChance(30);
        givenDictionary(group, "прыгать");

        random.nextDoubles(0.31).nextInts(0, 0);
        assertThat(send(Updates.text("скакать от счастья").inGroup(group))).isEmpty();
        random.reset(42);
        random.nextDoubles(0.30).nextInts(0, 0);
        assertThat(texts(Updates.text("скакать от счастья").inGroup(group))).containsExactly("прыгать от счастья");

        long never = chatWithMorphChance(0);
        givenDictionary(never, "прыгать");
        random.reset(42);
        random.nextDoubles(0.0).nextInts(0, 0);
        assertThat(send(Updates.text("скакать от счастья").inGroup(never))).isEmpty();
    }

    @Test
    void ignoredSendersGetNoAutomaticNonsense() {
        long group = chatWithMorphChance(100);
        givenDictionary(group, "прыгать");

        random.nextDoubles(0.0).nextInts(0, 0);
        assertThat(send(Updates.text("скакать от счастья").inGroup(group)
                .from(TestUsers.user(IGNORED_USER_ID, "Игнат", null, "ignored"))))
                .isEmpty();
    }

    @Test
    void editedMessagesAreRewrittenToo() {
        long group = chatWithMorphChance(100);
        givenDictionary(group, "прыгать");

        random.nextDoubles(0.0).nextInts(0, 0);
        List<Answer> answers = send(Updates.text("скакать от счастья").inGroup(group).messageId(70).edited());

        assertThat(answers).extracting(Answer::text).containsExactly("прыгать от счастья");
        assertThat(answers.get(0).replyToMessageId()).isEqualTo(70);
    }

    @Test
    void aMessageThatComesBackUnchangedButForItsLastLineBreakGetsNoAnswer() {
        long group = chatWithMorphChance(100);
        givenDictionary(group, "прыгать");

        random.nextDoubles(0.0).nextInts(1);
        assertThat(send(Updates.text("скакать от счастья\r\n").inGroup(group))).isEmpty();
    }

    @Test
    void scenario069_regeneratingWithAnEmptyDictionaryExplainsHowToFillIt() {
        long group = chatWithMorphChance(0);

        assertThat(texts(Updates.text("Хлеб бред").inGroup(group)
                .replyTo(Updates.text("скакать от счастья").inGroup(group))))
                .containsExactly(RegenerateMessageCommand.emptyDictionary("Хлеб"));
        assertThat(RegenerateMessageCommand.emptyDictionary("Хлеб"))
                .contains("Хлеб добавь бред слово1, слово2, слово3");
    }

    @Test
    void scenario073_theScaleFactorTriesMoreWordsAndTheReplyGoesToTheRewrittenMessage() {
        long group = chatWithMorphChance(0);
        givenDictionary(group, "голова");
        Updates.Builder original = Updates.text("рука нога спина").inGroup(group).messageId(80);

        random.nextInts(0, 0, 1, 0, 2, 0);   // scale 1: one attempt on "рука"
        List<Answer> once = send(Updates.text("Хлеб бред").inGroup(group).messageId(81).replyTo(original));
        assertThat(once).extracting(Answer::text).containsExactly("голова нога спина");
        assertThat(once.get(0).replyToMessageId()).isEqualTo(80);

        random.reset(42);
        random.nextInts(0, 0, 1, 0, 2, 0);   // scale 3: min(3, ⌈3 × 0.9⌉) = 3 attempts
        List<Answer> thrice = send(Updates.text("Хлеб бред 3").inGroup(group).messageId(82).replyTo(original));
        assertThat(thrice).extracting(Answer::text).containsExactly("голова голова голова");
        assertThat(thrice.get(0).replyToMessageId()).isEqualTo(80);
    }

    @Test
    void regeneratingAnswersEvenWhenNothingChanged() {
        long group = chatWithMorphChance(0);
        givenDictionary(group, "красивый");

        assertThat(texts(Updates.text("Хлеб давай").inGroup(group)
                .replyTo(Updates.text("скакать от счастья").inGroup(group))))
                .containsExactly("скакать от счастья");
    }

    @Test
    void aHugeScaleFactorTriesEveryWord() {
        long group = chatWithMorphChance(0);
        givenDictionary(group, "голова");

        random.nextInts(0, 0, 1, 0, 2, 0);
        assertThat(texts(Updates.text("Хлеб бред 99999999999999999999999999").inGroup(group)
                .replyTo(Updates.text("рука нога спина").inGroup(group))))
                .containsExactly("голова голова голова");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"abc", "-1", "1.5", "3a", "²", "+2"})
    void scenario074_aCoefficientThatIsNoWholeNumberIsRefused(String coefficient) {
        long group = chatWithMorphChance(0);
        givenDictionary(group, "голова");

        assertThat(texts(Updates.text("Хлеб бред " + coefficient).inGroup(group)
                .replyTo(Updates.text("рука").inGroup(group))))
                .containsExactly(RegenerateMessageCommand.NOT_AN_INTEGER);
    }

    @Test
    void scenario074_aCoefficientOfZeroIsBelowOne() {
        long group = chatWithMorphChance(0);
        givenDictionary(group, "голова");

        assertThat(texts(Updates.text("Хлеб бред 0").inGroup(group).replyTo(Updates.text("рука").inGroup(group))))
                .containsExactly(RegenerateMessageCommand.BELOW_ONE);
        assertThat(texts(Updates.text("Хлеб бред 000").inGroup(group).replyTo(Updates.text("рука").inGroup(group))))
                .containsExactly(RegenerateMessageCommand.BELOW_ONE);
    }

    @Test
    void scenario075_aPictureWithoutCaptionOrAStickerCannotBeRegenerated() {
        long group = chatWithMorphChance(0);
        givenDictionary(group, "голова");

        assertThat(texts(Updates.text("Хлеб давай").inGroup(group).replyTo(Updates.photo("p1", "u1").inGroup(group))))
                .containsExactly(RegenerateMessageCommand.NO_CAPTION);
        assertThat(texts(Updates.text("Хлеб давай").inGroup(group)
                .replyTo(Updates.sticker("s1", "su1").inGroup(group))))
                .containsExactly(RegenerateMessageCommand.UNSUPPORTED);
        assertThat(texts(Updates.text("Хлеб давай").inGroup(group)
                .replyTo(Updates.voice("v1", "vu1").inGroup(group))))
                .containsExactly(RegenerateMessageCommand.UNSUPPORTED);
    }

    @Test
    void captionsOfPicturesAndVideosAreRegenerated() {
        long group = chatWithMorphChance(0);
        givenDictionary(group, "голова");

        random.nextInts(0, 0);
        assertThat(texts(Updates.text("Хлеб бред").inGroup(group)
                .replyTo(Updates.photo("p1", "u1").caption("рука").inGroup(group))))
                .containsExactly("голова");
        random.nextInts(0, 0);
        assertThat(texts(Updates.text("Хлеб бред").inGroup(group)
                .replyTo(Updates.video("v1", "vu1").caption("рука").inGroup(group))))
                .containsExactly("голова");
    }

    @Test
    void regeneratingNeedsAReply() {
        long group = chatWithMorphChance(0);

        assertThat(texts(Updates.text("Хлеб бред").inGroup(group))).containsExactly(Replies.REPLY_REQUIRED);
    }

    @Test
    void scenario076_everyFormOfTheWordInParadigmOrder() {
        long group = chatWithMorphChance(0);

        assertThat(texts(Updates.text("Хлеб морф Слово").inGroup(group))).containsExactly(String.join("\n",
                "слово", "слова", "слову", "слово", "словом", "слове",
                "слова", "слов", "словам", "слова", "словами", "словах"));
        assertThat(texts(Updates.text("Хлеб морфируй Слово").inGroup(group)).get(0).split("\n")).hasSize(12);
    }

    @Test
    void scenario077_theDebugFormShowsOpenCorporaTags() {
        long group = chatWithMorphChance(0);

        String[] lines = texts(Updates.text("Хлеб морф дебаг Слово").inGroup(group)).get(0).split("\n");

        assertThat(lines).hasSize(12);
        assertThat(lines[0]).isEqualTo("NOUN,inan,neut sing,nomn: слово");
        assertThat(lines[11]).isEqualTo("NOUN,inan,neut plur,loct: словах");
    }

    @Test
    void morphWithoutAWordAsksForOne() {
        long group = chatWithMorphChance(0);

        assertThat(texts(Updates.text("Хлеб морф").inGroup(group))).containsExactly(MorphWordCommand.NO_VALUE);
        assertThat(texts(Updates.text("Хлеб морф дебаг").inGroup(group))).containsExactly(MorphWordCommand.NO_VALUE);
    }

    @Test
    void scenario078_aCaptionedPhotoGetsItsCaptionRewritten() {
        long group = chatWithMorphChance(100);
        givenDictionary(group, "прыгать");

        random.nextDoubles(0.5).nextInts(0, 0);
        List<Answer> answers = send(Updates.photo("p1", "u1").caption("скакать от счастья").inGroup(group)
                .messageId(90));

        assertThat(answers).extracting(Answer::text).containsExactly("прыгать от счастья");
        assertThat(answers.get(0).replyToMessageId()).isEqualTo(90);
    }

    @Test
    void theAutomaticReplyComesOnlyWhenNoEarlierHandlerAnswered() {
        long group = chatWithMorphChance(100);
        givenDictionary(group, "прыгать");
        givenTextAnswer(group, "TRIGGER", "скакать от счастья", "триггер");

        random.nextDoubles(0.0).nextInts(0, 0);
        assertThat(texts(Updates.text("скакать от счастья").inGroup(group))).containsExactly("триггер");
    }
}
