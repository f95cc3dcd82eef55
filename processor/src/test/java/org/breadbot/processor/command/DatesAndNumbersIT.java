package org.breadbot.processor.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.breadbot.processor.bot.BotScenarioSupport;
import org.breadbot.testsupport.Updates;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code когда …} (spec §4.2.17) and {@code сколько} (§4.2.18). */
class DatesAndNumbersIT extends BotScenarioSupport {

    /** The day of {@code BotTestConfiguration.START}. */
    private static final LocalDate TODAY = LocalDate.of(2026, 3, 1);
    private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("dd.MM.yyyy");

    private String only(String text) {
        List<String> answers = texts(Updates.text(text).inGroup(newGroup()));
        assertThat(answers).hasSize(1);
        return answers.get(0);
    }

    /** Days from today of the dates answered to {@code text}, which must read {@code prefix + " в " + date}. */
    private List<Long> daysAnswered(String text, String prefix, int times) {
        Pattern shape = Pattern.compile(Pattern.quote(prefix) + " в (\\d\\d\\.\\d\\d\\.\\d{4})");
        List<Long> days = new ArrayList<>();
        long group = newGroup();
        for (int i = 0; i < times; i++) {
            String answer = texts(Updates.text(text).inGroup(group)).get(0);
            Matcher matcher = shape.matcher(answer);
            assertThat(matcher.matches()).as(answer).isTrue();
            days.add(ChronoUnit.DAYS.between(TODAY, LocalDate.parse(matcher.group(1), FORMAT)));
        }
        return days;
    }

    @Test
    void scenario011_когдаБылGivesAPastDate() {
        random.nextInts(365);
        assertThat(only("Хлеб когда был месяц май?")).isEqualTo("месяц май был в 01.03.2025");
    }

    @Test
    void scenario087_aFutureDateIsBetweenTodayAndAbout82YearsAhead() {
        List<Long> days = daysAnswered("Хлеб когда будет Some event?", "Some event будет", 200);
        assertThat(days).allSatisfy(d -> assertThat(d).isBetween(0L, 30_000L));
        // uniform over 0..30000: the mean of 200 draws is 15000 ± 612 (one standard deviation)
        assertThat(days.stream().mapToLong(Long::longValue).average().orElseThrow()).isBetween(12_000.0, 18_000.0);
    }

    @Test
    void scenario087_bothEndsOfTheFutureAreReachable() {
        random.nextInts(0);
        assertThat(only("Хлеб когда будет Some event?")).isEqualTo("Some event будет в 01.03.2026");
        random.nextInts(30_000);
        assertThat(only("Хлеб когда будет Some event?"))
                .isEqualTo("Some event будет в " + FORMAT.format(TODAY.plusDays(30_000)));
    }

    @Test
    void scenario088_aPastDateIsBetweenAbout82YearsAgoAndToday() {
        List<Long> days = daysAnswered("Хлеб когда произошли Some event?", "Some event произошли", 100);
        assertThat(days).allSatisfy(d -> assertThat(d).isBetween(-30_000L, 0L));
        random.nextInts(30_000);
        assertThat(only("Хлеб когда произошли Some event?"))
                .isEqualTo("Some event произошли в " + FORMAT.format(TODAY.minusDays(30_000)));
    }

    @Test
    void scenario089_theBareКогдаGivesAFutureDateWithoutTheOriginalsDoubleSpace() {
        random.nextInts(1);
        assertThat(only("Хлеб когда Some event?")).isEqualTo("Some event в 02.03.2026");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "когда будут|будут|1", "когда настанет|настанет|1", "когда настанут|настанут|1",
            "когда случится|случится|1", "когда случатся|случатся|1", "когда произойдет|произойдет|1",
            "когда произойдут|произойдут|1", "когда наступит|наступит|1", "когда наступят|наступят|1",
            "когда было|было|-1", "когда была|была|-1", "когда были|были|-1", "когда настало|настало|-1",
            "когда настала|настала|-1", "когда настал|настал|-1", "когда настали|настали|-1",
            "когда наступило|наступило|-1", "когда наступила|наступила|-1", "когда наступил|наступил|-1",
            "когда наступили|наступили|-1", "когда случилось|случилось|-1", "когда случилась|случилась|-1",
            "когда случился|случился|-1", "когда случились|случились|-1", "когда произошло|произошло|-1",
            "когда произошла|произошла|-1", "когда произошел|произошел|-1",
    })
    void everyAliasWordsTheAnswerWithItsVerbAndDirection(String alias, String verb, int direction) {
        random.nextInts(10);
        assertThat(only("Хлеб " + alias + " праздник?"))
                .isEqualTo("праздник " + verb + " в " + FORMAT.format(TODAY.plusDays(10L * direction)));
    }

    @Test
    void aDateWithoutEventIsJustTheVerbAndTheDate() {
        random.nextInts(0);
        assertThat(only("Хлеб когда будет?")).isEqualTo("будет в 01.03.2026");
    }

    @Test
    void scenario090_howManyIsANumberFrom0To1000() {
        Pattern shape = Pattern.compile("Some event - (\\d+)");
        Set<Integer> seen = new HashSet<>();
        long group = newGroup();
        for (int i = 0; i < 200; i++) {
            String answer = texts(Updates.text("Хлеб сколько Some event?").inGroup(group)).get(0);
            Matcher matcher = shape.matcher(answer);
            assertThat(matcher.matches()).as(answer).isTrue();
            seen.add(Integer.parseInt(matcher.group(1)));
        }
        assertThat(seen).allSatisfy(n -> assertThat(n).isBetween(0, 1000));
        assertThat(seen.size()).isGreaterThan(150);
        random.nextInts(1000);
        assertThat(only("Хлеб сколько Some event?")).isEqualTo("Some event - 1000");
        random.nextInts(0);
        assertThat(only("Хлеб сколько?")).isEqualTo("0");
    }
}
