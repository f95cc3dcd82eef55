package org.breadbot.processor.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.breadbot.processor.bot.BotScenarioSupport;
import org.breadbot.testsupport.Updates;
import org.junit.jupiter.api.Test;

/** {@code добавь} (spec §4.2.2) with lazily created answer packs (§5.2). */
class AddIT extends BotScenarioSupport {

    private List<Map<String, Object>> entities(long chatId) {
        return DB.query("SELECT e.key, e.value, e.reaction_type, e.content_type, e.file_unique_id, e.description"
                + " FROM answer_entities e JOIN answer_packs_to_chats l ON l.pack_id = e.pack_id"
                + " JOIN chats c ON c.id = l.chat_id WHERE c.chat_id = ? ORDER BY e.id", chatId);
    }

    private static Map<String, Object> textEntity(String key, String value, String reaction) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("key", key);
        row.put("value", value);
        row.put("reaction_type", reaction);
        row.put("content_type", "TEXT");
        row.put("file_unique_id", null);
        row.put("description", null);
        return row;
    }

    @Test
    void scenario022_addingCreatesAndLinksThePackAndStoresATextTrigger() {
        long group = newGroup();
        List<String> answers = texts(Updates.text("Хлеб добавь триггер my_key=my_value").inGroup(group));

        assertThat(answers).hasSize(1);
        assertThat(Replies.completionPhrases()).contains(answers.get(0));
        assertThat(DB.query("SELECT p.name, p.is_private, p.answer_chance FROM answer_packs p"
                + " JOIN answer_packs_to_chats l ON l.pack_id = p.id JOIN chats c ON c.id = l.chat_id"
                + " WHERE c.chat_id = ?", group))
                .containsExactly(Map.of("name", "based", "is_private", true, "answer_chance", 100));
        assertThat(entities(group)).containsExactly(textEntity("my_key", "my_value", "TRIGGER"));
    }

    @Test
    void scenario023_addingTheSameAnswerTwiceStoresItOnce() {
        long group = newGroup();
        send(Updates.text("Хлеб добавь триггер my_key=my_value").inGroup(group));
        List<String> answers = texts(Updates.text("Хлеб добавь триггер my_key=my_value").inGroup(group));

        assertThat(Replies.completionPhrases()).contains(answers.get(0));
        assertThat(entities(group)).hasSize(1);
        assertThat(DB.query("SELECT l.id FROM answer_packs_to_chats l JOIN chats c ON c.id = l.chat_id"
                + " WHERE c.chat_id = ?", group)).hasSize(1);
    }

    @Test
    void theSameKeyAndValueAsTriggerAndAsSubstringAreTwoAnswers() {
        long group = newGroup();
        send(Updates.text("Хлеб добавь триггер my_key=my_value").inGroup(group));
        send(Updates.text("Хлеб добавь подстроку my_key=my_value").inGroup(group));

        assertThat(entities(group)).containsExactly(textEntity("my_key", "my_value", "TRIGGER"),
                textEntity("my_key", "my_value", "SUBSTRING"));
    }

    @Test
    void scenario024_aSubstringKeyShorterThanThreeCharactersIsRefused() {
        long group = newGroup();
        assertThat(texts(Updates.text("Хлеб добавь подстроку 1=abc").inGroup(group)))
                .containsExactly("Ключ для подстроки не может быть короче 3 символов");
        assertThat(entities(group)).isEmpty();
        assertThat(DB.query("SELECT * FROM answer_packs_to_chats l JOIN chats c ON c.id = l.chat_id"
                + " WHERE c.chat_id = ?", group)).isEmpty();
    }

    @Test
    void aTriggerKeyMayBeShort() {
        long group = newGroup();
        send(Updates.text("Хлеб добавь триггер ab=короткий").inGroup(group));
        assertThat(texts(Updates.text("AB").inGroup(group))).containsExactly("короткий");
    }

    @Test
    void scenario025_theKeyIsLowerCasedAndTheValueKeptAndTheTriggerFiresCaseInsensitively() {
        long group = newGroup();
        send(Updates.text("Хлеб добавь триггер Привет=Медвед").inGroup(group));

        assertThat(entities(group)).containsExactly(textEntity("привет", "Медвед", "TRIGGER"));
        assertThat(texts(Updates.text("привет").inGroup(group))).containsExactly("Медвед");
        assertThat(texts(Updates.text("ПРИВЕТ").inGroup(group))).containsExactly("Медвед");
    }

    @Test
    void scenario026_aTriggerMatchesTheWholeMessageOnly() {
        long group = newGroup();
        send(Updates.text("Хлеб добавь триггер Привет=Медвед").inGroup(group));

        assertThat(send(Updates.text("привет!").inGroup(group))).isEmpty();
        assertThat(send(Updates.text("привет всем").inGroup(group))).isEmpty();
    }

    @Test
    void keyAndValueAreTrimmedAroundTheEqualsSign() {
        long group = newGroup();
        send(Updates.text("Хлеб добавь подстроку  my key  =  my value ").inGroup(group));

        assertThat(entities(group)).containsExactly(textEntity("my key", "my value", "SUBSTRING"));
        assertThat(texts(Updates.text("I said my key twice").inGroup(group))).containsExactly("my value");
    }

    @Test
    void aKeyLongerThanTheColumnIsRefused() {
        long group = newGroup();
        assertThat(texts(Updates.text("Хлеб добавь триггер " + "к".repeat(256) + "=v").inGroup(group)))
                .containsExactly("Ключ не может быть длиннее 255 символов");
        assertThat(Replies.completionPhrases())
                .contains(texts(Updates.text("Хлеб добавь триггер " + "к".repeat(255) + "=v").inGroup(group)).get(0));
    }

    @Test
    void completionPhrasesAreChosenUniformly() {
        long group = newGroup();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 40; i++) {
            seen.addAll(texts(Updates.text("Хлеб добавь триггер k" + i + "=v").inGroup(group)));
        }
        assertThat(seen).containsExactlyInAnyOrderElementsOf(Replies.completionPhrases());
    }
}
