package org.breadbot.replay;

import java.io.PrintWriter;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "stats", sortOptions = false,
        description = "Counts a slice of an update topic per update type, chat, hour, day or user.")
final class StatsCommand implements Callable<Integer> {

    enum Format { table, csv }

    @Spec
    CommandSpec spec;

    @Mixin
    KafkaOptions kafka;

    @Mixin
    SliceOptions slice;

    @Option(names = "--format", defaultValue = "table", description = "table or csv (default: ${DEFAULT-VALUE}).")
    Format format;

    @Option(names = "--zone", paramLabel = "ZONE", defaultValue = "UTC",
            description = "Time zone of the hour buckets, e.g. Europe/Moscow (default: ${DEFAULT-VALUE}).")
    ZoneId zone;

    @Option(names = "--by", paramLabel = "DIMENSION", split = ",", defaultValue = "type,chat,hour",
            description = "What to count by, in this order: type, chat, hour, day, user "
                    + "(comma-separated, default: ${DEFAULT-VALUE}).")
    List<Stats.Dimension> by;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        UpdateFilter filter = slice.filter();
        Stats stats = new Stats(zone);
        Progress progress = Progress.auto(err);
        TopicSlice.Result result;
        try {
            result = new TopicSlice(kafka.consumerConfig(), kafka.topic, slice.range(), kafka.stallTimeout)
                    .read(record -> {
                        UpdateRecord update = UpdateRecord.of(record);
                        if (filter.test(update)) {
                            stats.add(update);
                            progress.matched();
                        }
                        return true;
                    }, progress);
        } finally {
            progress.finish();
        }
        PrintWriter out = spec.commandLine().getOut();
        if (format == Format.csv) {
            printCsv(out, stats.rows(by));
        } else {
            printTables(out, stats);
        }
        out.flush();
        Summary.print(err, "counted", stats.total(), result);
        return 0;
    }

    private static void printCsv(PrintWriter out, List<Stats.Row> rows) {
        out.println("dimension,key,count");
        rows.forEach(row -> out.println(row.dimension() + "," + csv(row.key()) + "," + row.count()));
    }

    /** Update types come from headers anyone could write, so quote what would break the CSV. */
    private static String csv(String value) {
        if (value.contains(",") || value.contains("\"") || value.contains("\n") || value.contains("\r")) {
            return "\"" + value.replace("\"", "\"\"") + "\"";
        }
        return value;
    }

    private void printTables(PrintWriter out, Stats stats) {
        out.printf(Locale.ROOT, "%,d updates%n", stats.total());
        List<Stats.Row> rows = stats.rows(by);
        for (Stats.Dimension dimension : by) {
            String title = dimension.name().toUpperCase(Locale.ROOT);
            boolean inZone = dimension == Stats.Dimension.hour || dimension == Stats.Dimension.day;
            table(out, inZone ? title + " (" + zone + ")" : title, dimension.name(), rows);
        }
    }

    private static void table(PrintWriter out, String title, String dimension, List<Stats.Row> rows) {
        List<Stats.Row> section = rows.stream().filter(row -> row.dimension().equals(dimension)).toList();
        int width = Math.max(title.length(), section.stream().mapToInt(row -> cell(row.key()).length()).max()
                .orElse(0));
        out.println();
        out.printf(Locale.ROOT, "%-" + width + "s  %12s%n", title, "COUNT");
        section.forEach(row -> out.printf(Locale.ROOT, "%-" + width + "s  %,12d%n", cell(row.key()), row.count()));
    }

    /** A header value may hold line breaks; a table row may not. */
    private static String cell(String value) {
        return value.replace('\n', ' ').replace('\r', ' ').replace('\t', ' ');
    }
}
