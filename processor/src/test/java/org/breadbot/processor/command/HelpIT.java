package org.breadbot.processor.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.breadbot.processor.bot.BotScenarioSupport;
import org.breadbot.testsupport.Updates;
import org.junit.jupiter.api.Test;

/** {@code help} (spec §4.2.19). */
class HelpIT extends BotScenarioSupport {

    private String help(String text) {
        List<String> answers = texts(Updates.text(text).inGroup(newGroup()));
        assertThat(answers).hasSize(1);
        return answers.get(0);
    }

    @Test
    void scenario091_helpGreetsAndListsEveryCommand() {
        String help = help("Хлеб help");
        List<String> lines = help.lines().toList();
        assertThat(lines.get(0)).contains("Хлеб").contains("хлебушек,хлеб,bread_bot");
        assertThat(help).contains("Хлеб help <имя команды>");
        assertThat(lines).contains("1) покажи", "14) кто, у кого, кем", "34) совет");
    }

    @Test
    void scenario091_хелпAndПомощьAreHelpToo() {
        assertThat(help("Хлеб хелп")).isEqualTo(help("Хлеб помощь")).isEqualTo(help("Хлеб help"));
    }

    @Test
    void scenario092_helpOfAnOptionalValueCommand() {
        String help = help("Хлеб help процент");
        assertThat(help).startsWith("Команды: [процент срабатывания, процент]");
        assertThat(help.lines()).contains(
                "   Описание: Показ / установка процента срабатывания подстрок",
                "   - Можно указать значение или ключ",
                "   Пример 1: Хлеб процент",
                "   Пример 2: Хлеб процент 15");
    }

    @Test
    void scenario093_helpOfAValueListCommand() {
        String help = help("Хлеб help выбери");
        assertThat(help).startsWith("Команды: [выбери, выбор]");
        assertThat(help.lines()).contains("   - Можно указать список значений, перечисляя через ',' / 'или'");
        assertThat(help.lines().filter(line -> line.startsWith("   Пример "))).hasSize(2);
    }

    @Test
    void scenario094_helpOfAReplyCommand() {
        assertThat(help("Хлеб help удали")).isEqualTo("""
                Команда: [удали]
                   Описание: [Нужен ответ на сообщение] Удаляет указанные данные
                   Пример 1: Хлеб удали""");
    }

    @Test
    void helpOfAMultiWordAlias() {
        assertThat(help("Хлеб help процент бреда")).startsWith("Команда: [процент бреда]");
    }

    @Test
    void helpOfAnUnknownWordIsJustTheCatalogue() {
        String help = help("Хлеб help неизвестно");
        assertThat(help).startsWith("1) покажи\n2) добавь\n");
        assertThat(help.lines()).hasSize(CommandCatalogue.all().size());
        // the lookup is case-sensitive, like the original's
        assertThat(help("Хлеб help Процент")).isEqualTo(help);
    }
}
