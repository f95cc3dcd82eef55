package org.breadbot.processor.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.breadbot.processor.bot.BotProperties;
import org.breadbot.processor.bot.TestBotProperties;
import org.junit.jupiter.api.Test;

class HelpRendererTest {

    private final BotProperties bot = TestBotProperties.defaults();

    @Test
    void overviewGreetsListsNamesAndNumbersEveryCommand() {
        String help = HelpRenderer.overview(CommandCatalogue.all(), bot);
        List<String> lines = help.lines().toList();
        assertThat(lines.get(0)).contains("Хлеб").contains("хлебушек,хлеб,bread_bot");
        assertThat(lines.get(1)).contains("Хлеб help");
        assertThat(lines.get(2)).isEmpty();
        assertThat(lines.subList(3, lines.size())).hasSize(CommandCatalogue.all().size())
                .contains("1) покажи", "3) запомни значение, запомни подстроку, подстрока", "14) кто, у кого, кем",
                        "20) help, хелп, помощь", "34) совет");
    }

    @Test
    void detailsOfAnOptionalValueCommand() {
        assertThat(HelpRenderer.details(CommandCatalogue.ANSWER_CHANCE, "Хлеб")).isEqualTo("""
                Команды: [процент срабатывания, процент]
                   Описание: Показ / установка процента срабатывания подстрок
                   - Можно указать значение или ключ
                   Пример 1: Хлеб процент
                   Пример 2: Хлеб процент 15""");
    }

    @Test
    void detailsOfAValueListCommand() {
        assertThat(HelpRenderer.details(CommandCatalogue.CHOOSE_VARIANT, "Хлеб")).isEqualTo("""
                Команды: [выбери, выбор]
                   Описание: Выбор случайного значения из перечисленных
                   - Можно указать список значений, перечисляя через ',' / 'или'
                   Пример 1: Хлеб выбери 1, 2, 3, 4
                   Пример 2: Хлеб выбери 1 или 2 или 3 или 4""");
    }

    @Test
    void detailsOfAReplyCommandWithOneAlias() {
        assertThat(HelpRenderer.details(CommandCatalogue.DELETE, "Батон")).isEqualTo("""
                Команда: [удали]
                   Описание: [Нужен ответ на сообщение] Удаляет указанные данные
                   Пример 1: Батон удали""");
    }

    @Test
    void detailsOfAddShowParametersAndTheKeyValueHint() {
        String details = HelpRenderer.details(CommandCatalogue.ADD, "Хлеб");
        assertThat(details.lines()).contains(
                "   Параметры: подстроку, подстроки, триггер, триггеры",
                "   - Можно указать ключ и значение в виде: my_key=my_value",
                "   Пример 1: Хлеб добавь подстроку my_key=my_value");
    }

    @Test
    void anEmptyDescriptionIsOmitted() {
        assertThat(HelpRenderer.details(CommandCatalogue.THINK, "Хлеб")).doesNotContain("Описание");
    }
}
