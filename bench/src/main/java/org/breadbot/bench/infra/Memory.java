package org.breadbot.bench.infra;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A process's resident set now ({@code VmRSS}) and its high-water mark since it started ({@code VmHWM}), from
 * {@code /proc/<pid>/status} (Linux); zero where that file cannot be read.
 */
public record Memory(long rssBytes, long peakRssBytes) {

    public static Memory of(long pid) {
        return parse(read(Path.of("/proc", Long.toString(pid), "status")));
    }

    static Memory parse(String status) {
        return new Memory(kilobytes(status, "VmRSS:") * 1024, kilobytes(status, "VmHWM:") * 1024);
    }

    public double peakMiB() {
        return peakRssBytes / (1024.0 * 1024.0);
    }

    private static long kilobytes(String status, String field) {
        for (String line : status.split("\n")) {
            if (line.startsWith(field)) {
                String digits = line.substring(field.length()).replace("kB", "").strip();
                return Long.parseLong(digits);
            }
        }
        return 0;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException | RuntimeException e) {
            return "";
        }
    }
}
