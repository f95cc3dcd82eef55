package org.breadbot.replay;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import org.breadbot.testsupport.TestKafka;

/** Runs the command line in this JVM against the embedded broker and captures what it prints. */
final class Tool {

    private Tool() {
    }

    /** What one run printed and returned. */
    record Run(int exitCode, String out, String err) {

        List<String> lines() {
            return out.isEmpty() ? List.of() : List.of(out.split("\n"));
        }
    }

    /** Runs {@code args} with {@code --bootstrap-servers} of the embedded broker appended. */
    static Run run(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.add("--bootstrap-servers");
        all.add(TestKafka.bootstrapServers());
        return runExactly(all.toArray(String[]::new));
    }

    static Run runExactly(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = ReplayTool.commandLine(new PrintWriter(out), new PrintWriter(err)).execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    /** Like {@link #run} but fails the test with what was printed when the exit code is not 0. */
    static Run succeed(String... args) {
        Run run = run(args);
        if (run.exitCode() != 0) {
            throw new AssertionError("exit code " + run.exitCode() + "\nstdout:\n" + run.out() + "\nstderr:\n"
                    + run.err());
        }
        return run;
    }
}
