package org.breadbot.processor.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.breadbot.processor.bot.BotScenarioSupport;
import org.breadbot.testsupport.Updates;
import org.junit.jupiter.api.Test;

/** {@code выбери} (spec §4.2.20) and {@code вероятность} (§4.2.16). */
class ChooseAndChanceIT extends BotScenarioSupport {

    private static final Pattern CHANCE = Pattern.compile("Есть вероятность события - (\\d+)%");

    private Set<String> answersOf(String text, int times) {
        long group = newGroup();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < times; i++) {
            seen.addAll(texts(Updates.text(text).inGroup(group)));
        }
        return seen;
    }

    @Test
    void scenario018_chooseSplitsOnИли() {
        assertThat(answersOf("Хлеб выбери 1 или 2 или 3 или 4", 60)).containsExactlyInAnyOrder("1", "2", "3", "4");
    }

    @Test
    void scenario019_chooseSplitsOnCommas() {
        assertThat(answersOf("Хлеб выбери 1, 2, 3, 4", 60)).containsExactlyInAnyOrder("1", "2", "3", "4");
    }

    @Test
    void scenario020_chooseSplitsOnИ() {
        assertThat(answersOf("Хлеб выбери чай и кофе", 30)).containsExactlyInAnyOrder("чай", "кофе");
    }

    @Test
    void scenario021_aSingleValueIsChosen() {
        assertThat(answersOf("Хлеб выбор 1", 3)).containsExactly("1");
    }

    @Test
    void chooseIsUniformOverTheValues() {
        long group = newGroup();
        int[] counts = new int[3];
        for (int i = 0; i < 600; i++) {
            String answer = texts(Updates.text("Хлеб выбери 0, 1, 2").inGroup(group)).get(0);
            counts[Integer.parseInt(answer)]++;
        }
        // expected 200 each; 140 is more than five standard deviations away
        for (int count : counts) {
            assertThat(count).isBetween(140, 260);
        }
    }

    @Test
    void scenario086_chanceIsAPercentageFrom0To100() {
        long group = newGroup();
        Set<Integer> seen = new HashSet<>();
        for (int i = 0; i < 300; i++) {
            String answer = texts(Updates.text("Хлеб вероятность события").inGroup(group)).get(0);
            Matcher matcher = CHANCE.matcher(answer);
            assertThat(matcher.matches()).as(answer).isTrue();
            seen.add(Integer.parseInt(matcher.group(1)));
        }
        assertThat(seen).allSatisfy(n -> assertThat(n).isBetween(0, 100));
        assertThat(seen.size()).isGreaterThan(80);
    }

    @Test
    void scenario086_bothEndsOfTheRangeAreReachable() {
        long group = newGroup();
        random.nextInts(0);
        assertThat(texts(Updates.text("Хлеб шанс события").inGroup(group)))
                .containsExactly("Есть вероятность события - 0%");
        random.nextInts(100);
        assertThat(texts(Updates.text("Хлеб шанс события?").inGroup(group)))
                .containsExactly("Есть вероятность события? - 100%");
    }
}
