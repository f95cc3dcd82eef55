package org.breadbot.processor.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.breadbot.processor.command.ParseResult.Kind;
import org.breadbot.processor.command.ParseResult.NoCommand;
import org.breadbot.processor.command.ParseResult.NotAddressed;
import org.breadbot.processor.command.ParseResult.ParseError;
import org.breadbot.processor.command.ParseResult.Parsed;
import org.breadbot.processor.store.ReactionType;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class CommandParserTest {

    private final CommandParser parser =
            new CommandParser(List.of("хлеб", "хлебушек", "хлеб", "bread_bot"), CommandCatalogue.all());

    private Parsed parsed(String text) {
        ParseResult result = parser.parse(text);
        assertThat(result).as(text).isInstanceOf(Parsed.class);
        return (Parsed) result;
    }

    private Kind error(String text) {
        ParseResult result = parser.parse(text);
        assertThat(result).as(text).isInstanceOf(ParseError.class);
        return ((ParseError) result).kind();
    }

    @Nested
    class Addressing {

        @ParameterizedTest
        @ValueSource(strings = {"Хлеб, совет", "Хлеб,совет", "Хлеб,  совет", "Хлеб  совет", "ХЛЕБ совет",
                "Хлеб\nсовет", "хлеб совет", "Хлеб: совет", "Хлеб! совет", "Хлеб? совет"})
        void skipsOneCharacterAndOneWhitespaceAfterTheName(String text) {
            Parsed parsed = parsed(text);
            assertThat(parsed.command()).isEqualTo(CommandCatalogue.ADVICE);
            assertThat(parsed.rest()).isEmpty();
        }

        @Test
        void skipsOnlyOnePunctuationCharacter() {
            assertThat(parser.parse("хлеб!!кто")).isInstanceOf(NoCommand.class);
        }

        @ParameterizedTest
        @ValueSource(strings = {" хлеб кто", "Не хлеб, привет", "@bread_bot кто", "/хлеб кто", "Хлебный кто",
                "хлеб_кто", "хлеб1 кто", "Test", ""})
        void isNotAddressedUnlessTheNameIsAWholeWordAtTheVeryStart(String text) {
            assertThat(parser.parse(text)).isInstanceOf(NotAddressed.class);
        }

        @ParameterizedTest
        @ValueSource(strings = {"Хлеб", "Хлеб привет", "Хлеб несуществующая_команда test", "Хлеб ", "Хлеб\n\nкто"})
        void addressedWithoutAKnownAliasIsNoCommand(String text) {
            assertThat(parser.parse(text)).isInstanceOf(NoCommand.class);
        }

        @Test
        void longerNamesWinSoХлебушекIsRecognised() {
            Parsed parsed = parsed("Хлебушек кто самый умный?");
            assertThat(parsed.command()).isEqualTo(CommandCatalogue.WHO);
            assertThat(parsed.rest()).isEqualTo("самый умный?");
        }

        @Test
        void alternativeNamesAddressTheBot() {
            assertThat(parsed("bread_bot скажи привет").arguments())
                    .isEqualTo(new Arguments.OptionalValue("привет"));
            assertThat(parsed("BREAD_BOT скажи привет").command()).isEqualTo(CommandCatalogue.SAY);
        }

        @Test
        void configuredNamesReplaceTheDefaults() {
            CommandParser custom = new CommandParser(List.of("батон", "bun"), CommandCatalogue.all());
            assertThat(custom.parse("Батон кто?")).isInstanceOf(Parsed.class);
            assertThat(custom.parse("bun, кто")).isInstanceOf(Parsed.class);
            assertThat(custom.parse("Хлеб кто")).isInstanceOf(NotAddressed.class);
        }

        @Test
        void onlyTheFirstLineCounts() {
            Parsed parsed = parsed("Хлеб скажи привет\nмир");
            assertThat(parsed.rest()).isEqualTo("привет");
            assertThat(parsed.arguments()).isEqualTo(new Arguments.OptionalValue("привет"));
        }

        @Test
        void theRestIsTrimmedOfUnicodeWhitespace() {
            assertThat(parsed("Хлеб скажи  привет\u00a0 ").rest()).isEqualTo("привет");
        }
    }

    @Nested
    class Aliases {

        @ParameterizedTest
        @CsvSource(delimiter = '|', value = {
                "Хлеб когда будет хороший день?|FUTURE_DATE|когда будет|хороший день?",
                "Хлеб когда был месяц май?|PAST_DATE|когда был|месяц май?",
                "Хлеб когда произошли Some event?|PAST_DATE|когда произошли|Some event?",
                "Хлеб когда Some event?|FUTURE_DATE|когда|Some event?",
                "Хлеб когда произошёл взрыв|FUTURE_DATE|когда|произошёл взрыв",
                "Хлеб покажи ключи|SHOW_KEYS|покажи ключи|''",
                "Хлеб покажи бред|SHOW_MORPH_ENTITIES|покажи бред|''",
                "Хлеб добавь бред прыгать, голова|ADD_MORPH_ENTITIES|добавь бред|прыгать, голова",
                "Хлеб процент срабатывания 20|ANSWER_CHANCE|процент срабатывания|20",
                "Хлеб процент бреда|MORPH_ANSWER_CHANCE|процент бреда|''",
                "Хлеб процент|ANSWER_CHANCE|процент|''",
                "Хлеб морф дебаг Слово|MORPH_WORD_DEBUG|морф дебаг|Слово",
                "Хлеб морф Слово|MORPH_WORD|морф|Слово",
                "Хлеб у кого Some text?|WHO|у кого|Some text?",
                "Хлеб с кем Some text?|WHO|с кем|Some text?",
                "Хлеб о ком Some text?|WHO|о ком|Some text?",
                "Хлеб кто?|WHO|кто|''",
                "Хлеб КТО самый умный?|WHO|кто|самый умный?",
                "Хлеб чьё это|WHO|чьё|это",
                "Хлеб цитата цит|QUOTE|цитата|цит",
                "Хлеб совет как дела, дорогой?|ADVICE|совет|как дела, дорогой?",
                "Хлеб show keys|SHOW_KEYS|show keys|''",
                "Хлеб what do you think about sun|THINK|what do you think about|sun",
                "Хлеб что думаешь про воду|THINK|что думаешь про|воду",
                "Хлеб запомни триггер my_value|REMEMBER_TRIGGER|запомни триггер|my_value",
                "Хлеб запомни значение my_key|REMEMBER|запомни значение|my_key",
                "Хлеб стата|STATS|стата|''",
                "Хлеб вероятность события|CHANCE|вероятность|события",
        })
        void longestAliasWins(String text, String command, String raw, String rest) {
            Parsed parsed = parsed(text);
            assertThat(parsed.command().name()).isEqualTo(command);
            assertThat(parsed.rawCommand()).isEqualTo(raw);
            assertThat(parsed.rest()).isEqualTo(rest);
        }

        @Test
        void aliasesAreWholeWords() {
            assertThat(parser.parse("Хлеб ктото")).isInstanceOf(NoCommand.class);
            assertThat(parser.parse("Хлеб топчик")).isInstanceOf(NoCommand.class);
        }

        @Test
        void everyAliasOfTheCatalogueIsRecognised() {
            for (CommandSpec command : CommandCatalogue.all()) {
                for (String alias : command.aliases()) {
                    ParseResult result = parser.parse("Хлеб " + alias + " x");
                    CommandSpec recognised = result instanceof Parsed parsed ? parsed.command()
                            : ((ParseError) result).command();
                    assertThat(recognised).as(alias).isEqualTo(command);
                }
            }
        }
    }

    @Nested
    class ArgumentShapes {

        @Test
        void bareKeepsTheRest() {
            assertThat(parsed("Хлеб кто самый умный?").arguments()).isEqualTo(new Arguments.None());
        }

        @Test
        void optionalValueIsAbsentWhenTheRestIsEmpty() {
            assertThat(parsed("Хлеб процент").arguments()).isEqualTo(new Arguments.OptionalValue(null));
            assertThat(parsed("Хлеб процент  15 ").arguments()).isEqualTo(new Arguments.OptionalValue("15"));
        }

        @ParameterizedTest
        @CsvSource(delimiter = '|', value = {
                "Хлеб выбери 1 или 2 или 3 или 4|1/2/3/4",
                "Хлеб выбери 1, 2, 3, 4|1/2/3/4",
                "Хлеб выбери чай и кофе|чай/кофе",
                "Хлеб выбери 1|1",
                "Хлеб выбор a, b или c|a, b/c",
        })
        void valueListsAreSplit(String text, String expected) {
            assertThat(parsed(text).arguments()).isEqualTo(new Arguments.ValueList(List.of(expected.split("/"))));
        }

        @ParameterizedTest
        @ValueSource(strings = {"Хлеб запомни", "Хлеб выбери", "Хлеб выбери , ,", "Хлеб триггер  "})
        void anEmptyValueListIsWrongValues(String text) {
            assertThat(error(text)).isEqualTo(Kind.WRONG_VALUES);
        }

        @ParameterizedTest
        @CsvSource(delimiter = '|', value = {
                "Хлеб добавь триггер my_key=my_value|TRIGGER|my_key|my_value",
                "Хлеб добавь триггеры my_key=my_value|TRIGGER|my_key|my_value",
                "Хлеб добавь подстроку my_key=my_value|SUBSTRING|my_key|my_value",
                "Хлеб добавь подстроки my_key=my_value|SUBSTRING|my_key|my_value",
                "Хлеб добавь ТРИГГЕР Привет=Медвед|TRIGGER|Привет|Медвед",
                "Хлеб добавь триггер a = b|TRIGGER|a|b",
                "Хлеб добавь триггер, my key=my value!|TRIGGER|my key|my value!",
        })
        void keyValueNeedsAParameterAndOneEqualsSign(String text, ReactionType type, String key, String value) {
            assertThat(parsed(text).arguments()).isEqualTo(new Arguments.KeyValue(type, key, value));
        }

        @ParameterizedTest
        @ValueSource(strings = {"Хлеб добавь", "Хлеб покажи", "Хлеб добавь ответ a=b", "Хлеб добавь триггерs a=b"})
        void aMissingParameterIsParametersNotFound(String text) {
            assertThat(error(text)).isEqualTo(Kind.PARAMETERS_NOT_FOUND);
        }

        @ParameterizedTest
        @ValueSource(strings = {"Хлеб добавь подстроку", "Хлеб добавь подстроку my_value", "Хлеб добавь триггер a=b=c"})
        void notExactlyOneEqualsSignIsKeyValueNotFound(String text) {
            assertThat(error(text)).isEqualTo(Kind.KEY_VALUE_NOT_FOUND);
        }

        @ParameterizedTest
        @ValueSource(strings = {"Хлеб добавь триггер =x", "Хлеб добавь триггер x=", "Хлеб добавь триггер  = x"})
        void anEmptyKeyOrValueIsWrongValues(String text) {
            assertThat(error(text)).isEqualTo(Kind.WRONG_VALUES);
        }

        @Test
        void parameterRestKeepsTheRemainder() {
            assertThat(parsed("Хлеб покажи подстроки").arguments())
                    .isEqualTo(new Arguments.ParameterRest(ReactionType.SUBSTRING, ""));
            assertThat(parsed("Хлеб покажи триггеры все").arguments())
                    .isEqualTo(new Arguments.ParameterRest(ReactionType.TRIGGER, "все"));
        }

        @Test
        void parseErrorsHaveTheSpecTexts() {
            assertThat(Kind.PARAMETERS_NOT_FOUND.text()).isEqualTo("Параметры команды не найдены");
            assertThat(Kind.WRONG_VALUES.text().split(" ")).hasSize(3);
        }
    }

    /** The parsing half of the §12 "Addressing and parsing" scenarios whose commands are not built yet. */
    @Nested
    class Scenarios {

        @Test
        void scenario003_aCommaAfterTheNameIsSkipped() {
            assertThat(parsed("Хлеб, совет").command()).isEqualTo(CommandCatalogue.ADVICE);
        }

        @Test
        void scenario004_aCommaAndTwoSpacesAfterTheNameAreSkipped() {
            assertThat(parsed("Хлеб,  совет").command()).isEqualTo(CommandCatalogue.ADVICE);
        }

        @Test
        void scenario005_adviceKeepsItsRestText() {
            Parsed parsed = parsed("хлеб совет как дела, дорогой?");
            assertThat(parsed.command()).isEqualTo(CommandCatalogue.ADVICE);
            assertThat(parsed.rest()).isEqualTo("как дела, дорогой?");
        }

        @Test
        void scenario006_notAddressed() {
            assertThat(parser.parse("Не хлеб, привет")).isInstanceOf(NotAddressed.class);
        }

        @Test
        void scenario007_хлебушекКто() {
            Parsed parsed = parsed("Хлебушек кто самый умный?");
            assertThat(parsed.rawCommand()).isEqualTo("кто");
            assertThat(parsed.rest()).isEqualTo("самый умный?");
        }

        @Test
        void scenario008_breadBotSay() {
            Parsed parsed = parsed("bread_bot скажи привет");
            assertThat(parsed.command()).isEqualTo(CommandCatalogue.SAY);
            assertThat(parsed.arguments()).isEqualTo(new Arguments.OptionalValue("привет"));
        }

        @Test
        void scenario009_unknownCommand() {
            assertThat(parser.parse("Хлеб несуществующая_команда test")).isInstanceOf(NoCommand.class);
        }

        @Test
        void scenario010_onlyTheFirstLineIsSaid() {
            assertThat(parsed("Хлеб скажи привет\nмир").arguments()).isEqualTo(new Arguments.OptionalValue("привет"));
        }

        @Test
        void scenario011_когдаБылIsPastDate() {
            Parsed parsed = parsed("Хлеб когда был месяц май?");
            assertThat(parsed.command()).isEqualTo(CommandCatalogue.PAST_DATE);
            assertThat(parsed.rawCommand()).isEqualTo("когда был");
            assertThat(parsed.rest()).isEqualTo("месяц май?");
        }

        @Test
        void scenario012_quoteWithRest() {
            Parsed parsed = parsed("Хлеб цитата цит");
            assertThat(parsed.command()).isEqualTo(CommandCatalogue.QUOTE);
            assertThat(parsed.rest()).isEqualTo("цит");
        }
    }
}
