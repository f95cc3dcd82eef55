package org.breadbot.processor.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.breadbot.processor.bot.BotScenarioSupport;
import org.breadbot.processor.pipeline.Answer;
import org.breadbot.testsupport.Updates;
import org.junit.jupiter.api.Test;

/**
 * {@code покажи триггеры|подстроки}: the listing the user guide documents ([L] §4.3.1), rebuilt on the [H] data
 * model instead of [H]'s "temporarily disabled" (spec §4.2.1, issue 3 item 2).
 */
class ShowIT extends BotScenarioSupport {

    private String only(long group, String text) {
        List<String> answers = texts(Updates.text(text).inGroup(group));
        assertThat(answers).hasSize(1);
        return answers.get(0);
    }

    /** {@code count} text answers whose key and value are SQL expressions of {@code i} (0..count-1). */
    private void givenManyAnswers(long group, String reaction, String key, String value, int count) {
        long pack = givenPack(group);
        DB.update("INSERT INTO answer_entities (pack_id, key, value, reaction_type, content_type, created_at,"
                + " updated_at) SELECT ?, " + key + ", " + value + ", ?, 'TEXT', now(), now()"
                + " FROM generate_series(0, ?) AS i", pack, reaction, count - 1);
    }

    @Test
    void scenario039_showingSubstringsListsEachKeyWithItsAnswers() {
        long group = newGroup();
        givenTextAnswer(group, "SUBSTRING", "key", "value");
        givenTextAnswer(group, "SUBSTRING", "key2", "value2");
        givenTextAnswer(group, "SUBSTRING", "key", "value1");
        givenTextAnswer(group, "TRIGGER", "trigger", "not a substring");

        assertThat(only(group, "Хлеб покажи подстроки")).isEqualTo("""
                Подстроки:
                key = [value; value1]
                key2 = [value2]""");
        assertThat(only(group, "Хлеб покажи подстроку")).isEqualTo(only(group, "Хлеб покажи подстроки"));
        assertThat(only(group, "Хлеб покажи триггеры")).isEqualTo("Триггеры:\ntrigger = [not a substring]");
        assertThat(only(group, "Хлеб покажи триггер")).isEqualTo("Триггеры:\ntrigger = [not a substring]");
    }

    @Test
    void aChatWithoutAnswersSaysSo() {
        long group = newGroup();
        assertThat(only(group, "Хлеб покажи триггеры")).isEqualTo("В чате нет триггеров");
        givenTextAnswer(group, "TRIGGER", "a", "b");
        assertThat(only(group, "Хлеб покажи подстроки")).isEqualTo("В чате нет подстрок");
    }

    @Test
    void mediaAreShownByKindAndLongTextsAreCutToOneShortLine() {
        long group = newGroup();
        givenAnswer(group, "TRIGGER", "медиа", "VOICE", "v", "v-u", null);
        givenAnswer(group, "TRIGGER", "медиа", "PICTURE", "p", "p-u", "котик\nспит");
        givenAnswer(group, "TRIGGER", "медиа", "PICTURE", "p2", "p2-u", null);
        givenAnswer(group, "TRIGGER", "медиа", "ANIMATION", "a", "a-u", null);
        givenAnswer(group, "TRIGGER", "медиа", "VIDEO", "vi", "vi-u", "кино");
        givenAnswer(group, "TRIGGER", "медиа", "VIDEO_NOTE", "n", "n-u", null);
        givenAnswer(group, "TRIGGER", "медиа", "STICKER", "s", "s-u", null);
        givenTextAnswer(group, "TRIGGER", "текст", "первая строка\nвторая " + "я".repeat(200));

        String expectedText = ("первая строка вторая " + "я".repeat(200)).substring(0, 100) + "…";
        assertThat(only(group, "Хлеб покажи триггеры")).isEqualTo("Триггеры:\n"
                + "медиа = [<голосовое>; <картинка: котик спит>; <картинка>; <гифка>; <видео>; <видеосообщение>;"
                + " <стикер>]\n"
                + "текст = [" + expectedText + "]");
    }

    @Test
    void aFilterKeepsTheKeysContainingIt() {
        long group = newGroup();
        givenTextAnswer(group, "TRIGGER", "привет", "Медвед");
        givenTextAnswer(group, "TRIGGER", "приветик", "ку");
        givenTextAnswer(group, "TRIGGER", "пока", "бб");

        assertThat(only(group, "Хлеб покажи триггеры ПРИВЕТ"))
                .isEqualTo("Триггеры:\nпривет = [Медвед]\nприветик = [ку]");
        assertThat(only(group, "Хлеб покажи триггеры здравствуй")).isEqualTo("Не найдено триггеров с «здравствуй»");
    }

    @Test
    void aLongListIsShownOnePageAtATimeWithinTheMessageLimit() {
        long group = newGroup();
        givenManyAnswers(group, "SUBSTRING", "'ключ' || lpad(i::text, 3, '0')",
                "'значение номер ' || i || ' ' || repeat('ж', 40)", 300);
        List<String> pages = new ArrayList<>();
        String first = only(group, "Хлеб покажи подстроки");
        assertThat(first).startsWith("Подстроки (страница 1):\n").endsWith("\n\nДальше: Хлеб покажи подстроки 2");
        pages.add(first);
        while (pages.get(pages.size() - 1).contains("Дальше")) {
            int page = pages.size() + 1;
            String next = only(group, "Хлеб покажи подстроки " + page);
            assertThat(next).startsWith("Подстроки (страница " + page + "):\n");
            pages.add(next);
        }
        int total = pages.size();
        assertThat(total).isBetween(4, 8);
        Set<String> keys = new HashSet<>();
        for (String page : pages) {
            assertThat(page.length()).isLessThanOrEqualTo(4096);
            page.lines().filter(line -> line.startsWith("ключ")).forEach(line -> keys.add(line.substring(0, 7)));
        }
        assertThat(keys).hasSize(300);
        assertThat(only(group, "Хлеб покажи подстроки " + (total + 1)))
                .isEqualTo("Нет такой страницы, всего страниц: " + total);
    }

    @Test
    void theNextPageHintKeepsTheFilter() {
        long group = newGroup();
        givenManyAnswers(group, "TRIGGER", "'кот' || i", "repeat('мяу', 40)", 100);
        String first = only(group, "Хлеб покажи триггеры кот");
        assertThat(first).startsWith("Триггеры (страница 1):").endsWith("Дальше: Хлеб покажи триггеры кот 2");
        assertThat(only(group, "Хлеб покажи триггеры кот 2")).startsWith("Триггеры (страница 2):");
    }

    @Test
    void storedTextIsShownAsPlainTextWhateverItContains() {
        long group = newGroup();
        givenTextAnswer(group, "TRIGGER", "<b>", "*bold* _x_ [link](http://e.com) </code> &amp;");
        Answer answer = send(Updates.text("Хлеб покажи триггеры").inGroup(group)).get(0);
        assertThat(answer.text()).isEqualTo("Триггеры:\n<b> = [*bold* _x_ [link](http://e.com) </code> &amp;]");
        assertThat(answer.parseMode()).isNull();
        assertThat(answer.entities()).isNull();
    }

    @Test
    void showNeedsAParameter() {
        assertThat(only(newGroup(), "Хлеб покажи всё")).isEqualTo("Параметры команды не найдены");
    }
}
