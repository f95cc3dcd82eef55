package org.breadbot.replay;

import java.io.Console;
import java.io.PrintWriter;
import java.lang.reflect.Method;
import java.time.Duration;
import java.util.Locale;

/**
 * A one-line progress display on stderr (records read, rate, ETA), drawn only when a person is watching a
 * terminal; silent when the output is piped or redirected, so scripts and logs stay clean.
 */
final class Progress {

    private static final long REDRAW_NANOS = Duration.ofMillis(500).toNanos();

    private final PrintWriter err;
    private final boolean visible;
    private long total;
    private long started;
    private long lastDrawn;
    private long matched;
    private boolean drawn;

    private Progress(PrintWriter err, boolean visible) {
        this.err = err;
        this.visible = visible;
    }

    /** Shown when stdin and stdout are a terminal ({@code System.console() != null}). */
    static Progress auto(PrintWriter err) {
        return new Progress(err, isTerminal());
    }

    static Progress hidden() {
        return new Progress(null, false);
    }

    void start(long recordsToRead) {
        total = recordsToRead;
        started = System.nanoTime();
        lastDrawn = started;
    }

    /** Counts one record kept by the command (exported, counted, replayed). */
    void matched() {
        matched++;
    }

    long kept() {
        return matched;
    }

    void update(long scanned) {
        long now = System.nanoTime();
        if (!visible || now - lastDrawn < REDRAW_NANOS) {
            return;
        }
        lastDrawn = now;
        double seconds = (now - started) / 1e9;
        double rate = seconds > 0 ? scanned / seconds : 0;
        String eta = rate > 0 ? clock((long) ((total - scanned) / rate)) : "?";
        err.printf(Locale.ROOT, "\r%,d / %,d records read (%d%%), %,d kept, %,.0f records/s, ETA %s   ",
                scanned, total, total == 0 ? 100 : scanned * 100 / total, matched, rate, eta);
        err.flush();
        drawn = true;
    }

    /** Clears the progress line so the summary starts on a clean line. */
    void finish() {
        if (drawn) {
            err.print("\r" + " ".repeat(100) + "\r");
            err.flush();
        }
    }

    private static String clock(long seconds) {
        return String.format(Locale.ROOT, "%d:%02d:%02d", seconds / 3600, seconds / 60 % 60, seconds % 60);
    }

    private static boolean isTerminal() {
        Console console = System.console();
        if (console == null) {
            return false;
        }
        // from JDK 22 System.console() exists even when redirected; isTerminal() tells the truth there
        try {
            Method isTerminal = Console.class.getMethod("isTerminal");
            return (Boolean) isTerminal.invoke(console);
        } catch (ReflectiveOperationException e) {
            return true;
        }
    }
}
