package org.breadbot.processor;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every scenario of spec §12 (1-130) is a test named after its number, {@code scenarioNNN_...} (issue 3, "Done
 * when"), somewhere in the test sources of any module; a scenario whose last test is removed or renamed fails the
 * build here instead of silently dropping out of the acceptance.
 */
class ScenarioCoverageTest {

    private static final int LAST_SCENARIO = 130;

    /**
     * {@code void scenario068_...}, also a test of several scenarios: {@code void scenario068_069_...}; names may
     * carry Cyrillic words ({@code scenario011_когдаБыл...}).
     */
    private static final Pattern SCENARIO_TEST = Pattern.compile(
            "\\bvoid\\s+scenario(\\d{3}(?:_\\d{3})*)_\\w+\\s*\\(", Pattern.UNICODE_CHARACTER_CLASS);

    @Test
    void everyScenarioOfTheSpecHasANamedTest() {
        Set<Integer> covered = scenarioNumbers(testSources(repositoryRoot()));
        List<Integer> missing = IntStream.rangeClosed(1, LAST_SCENARIO).filter(n -> !covered.contains(n)).boxed()
                .toList();

        assertThat(missing).as("spec §12 scenarios without a scenarioNNN_ test").isEmpty();
    }

    @Test
    void noTestNamesAScenarioTheSpecDoesNotHave() {
        Set<Integer> covered = scenarioNumbers(testSources(repositoryRoot()));
        assertThat(covered).as("scenario numbers outside 1-" + LAST_SCENARIO)
                .allSatisfy(n -> assertThat(n).isBetween(1, LAST_SCENARIO));
    }

    @Test
    void theScanFindsCombinedNamesAndIgnoresOtherMethods() {
        String source = """
                void scenario007_whoPicksAMember() {
                void scenario068_069_anEmptyDictionary() {
                void scenario011_когдаБылIsPastDate() {
                void scenario13_tooFewDigits() {
                void notScenario014_x() {
                """;
        assertThat(numbers(source)).containsExactly(7, 11, 68, 69);
    }

    /** The directory holding the modules; tests run in the module's directory, but be lenient about where. */
    private static Path repositoryRoot() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve("processor/src/test/java"))) {
                return dir;
            }
        }
        throw new AssertionError("no processor/src/test/java above " + Path.of("").toAbsolutePath());
    }

    private static List<Path> testSources(Path root) {
        try (Stream<Path> modules = Files.list(root)) {
            List<Path> sources = modules.map(module -> module.resolve("src/test/java")).filter(Files::isDirectory)
                    .flatMap(ScenarioCoverageTest::javaFiles).toList();
            assertThat(sources).as("test sources under " + root).isNotEmpty();
            return sources;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Stream<Path> javaFiles(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(file -> file.toString().endsWith(".java")).toList().stream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Set<Integer> scenarioNumbers(List<Path> sources) {
        Set<Integer> numbers = new TreeSet<>();
        for (Path source : sources) {
            try {
                numbers.addAll(numbers(Files.readString(source)));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return numbers;
    }

    static Set<Integer> numbers(String source) {
        Set<Integer> numbers = new TreeSet<>();
        Matcher matcher = SCENARIO_TEST.matcher(source);
        while (matcher.find()) {
            for (String number : matcher.group(1).split("_")) {
                numbers.add(Integer.parseInt(number));
            }
        }
        return numbers;
    }
}
