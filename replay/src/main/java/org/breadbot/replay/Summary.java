package org.breadbot.replay;

import java.io.PrintWriter;
import java.util.Locale;

/** The closing line every reading command prints to stderr: how many, how long, how fast. */
final class Summary {

    private Summary() {
    }

    static void print(PrintWriter err, String verb, long kept, TopicSlice.Result result) {
        double seconds = result.nanos() / 1e9;
        err.printf(Locale.ROOT, "%s %,d records (%,d read) in %.1f s, %,.0f records/s%n",
                verb, kept, result.scanned(), seconds, seconds > 0 ? result.scanned() / seconds : 0.0);
        err.flush();
    }
}
