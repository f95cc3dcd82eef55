package org.breadbot.processor.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.breadbot.processor.bot.BotProperties;
import org.breadbot.processor.bot.TestBotProperties;
import org.junit.jupiter.api.Test;

/** The rebuilt legacy commands come after the 34 [H] rows, so the [H] help numbers stay (issue 3 item 2). */
class LegacyCatalogueTest {

    private final BotProperties bot = TestBotProperties.defaults();

    @Test
    void theHRowsKeepTheirNumbersAndTheLegacyRowsFollow() {
        List<CommandSpec> all = CommandCatalogue.all();
        assertThat(all.get(10)).isEqualTo(CommandCatalogue.STATS);
        assertThat(all.get(33)).isEqualTo(CommandCatalogue.ADVICE);
        assertThat(all.subList(34, 42)).containsExactly(CommandCatalogue.EDIT_REACTION,
                CommandCatalogue.VOICE_REACTION, CommandCatalogue.SPREAD, CommandCatalogue.OFFEND,
                CommandCatalogue.ADD_PHRASE, CommandCatalogue.SHOW_PHRASES, CommandCatalogue.DELETE_PHRASE,
                CommandCatalogue.RANDOM);
        assertThat(HelpRenderer.catalogue(all).lines()).contains("11) статистика, стата", "34) совет",
                "35) редактирование", "37) распространи в",
                "39) добавь оскорбление, добавь ответ на редактирование, добавь оскорбления", "42) рандом, цифры, цифри");
    }

    @Test
    void statsHelpExplainsThePeriod() {
        assertThat(HelpRenderer.details(CommandCatalogue.STATS, bot.name())).isEqualTo("""
                Команды: [статистика, стата]
                   Описание: Статистика чата: сколько сообщений написал каждый участник и сколько раз позвал бота. \
                По умолчанию за 7 дней, можно указать число дней (до 365)
                   Пример 1: Хлеб стата
                   Пример 2: Хлеб стата 30
                   Пример 3: Хлеб статистика 365""");
    }

    @Test
    void theStatsPeriodIsTheFirstNumberOfTheRest() {
        assertThat(StatsCommand.days("")).hasValue(7);
        assertThat(StatsCommand.days("30")).hasValue(30);
        assertThat(StatsCommand.days("за 30 дней")).hasValue(30);
        assertThat(StatsCommand.days("вообще")).hasValue(7);
        assertThat(StatsCommand.days("0")).isEmpty();
        assertThat(StatsCommand.days("366")).isEmpty();
        assertThat(StatsCommand.days("0030")).hasValue(30);
        assertThat(StatsCommand.days("99999999999")).isEmpty();
    }

    @Test
    void daysAreCountedInRussian() {
        assertThat(List.of(1, 2, 4, 5, 11, 12, 21, 22, 25, 101, 111, 365).stream().map(StatsCommand::dayWord))
                .containsExactly("день", "дня", "дня", "дней", "дней", "дней", "день", "дня", "дней", "день",
                        "дней", "дней");
    }
}
