package org.breadbot.processor.command;

import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * The text helpers that replaced two backtracking regular expressions, beside those expressions, on a run of white
 * space inside a text (docs/benchmarks.md, "Text handling"). The expressions are here only as the reference: they
 * are quadratic, so they are measured up to 16 KB; the helpers also on a megabyte. Not a test: Surefire runs only
 * {@code *Test} classes.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgs = "-Xmx1g")
public class TextBenchmark {

    private static final Pattern OLD_STRIP = Pattern.compile("^\\s+|\\s+$", Pattern.UNICODE_CHARACTER_CLASS);
    private static final Pattern OLD_ONE_LINE = Pattern.compile("\\s*\\R\\s*");

    @Param({"4096", "16384", "1048576"})
    int length;

    private String text;

    @Setup
    public void build() {
        text = "a" + " ".repeat(length - 2) + "b";
    }

    @Benchmark
    public String strip() {
        return Texts.strip(text);
    }

    @Benchmark
    public String stripByTheOldExpression() {
        return length > 16384 ? "" : OLD_STRIP.matcher(text).replaceAll("");
    }

    @Benchmark
    public String oneLine() {
        return Texts.oneLine(text);
    }

    @Benchmark
    public String oneLineByTheOldExpression() {
        return length > 16384 ? "" : OLD_ONE_LINE.matcher(text).replaceAll(" ");
    }

    public static void main(String[] args) throws RunnerException {
        new Runner(new OptionsBuilder().include(TextBenchmark.class.getSimpleName()).build()).run();
    }
}
