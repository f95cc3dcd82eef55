package org.breadbot.replay;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import org.breadbot.common.json.Json;
import org.breadbot.common.secret.Secrets;
import org.breadbot.common.telegram.Update;
import org.breadbot.processor.pipeline.Answer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "replay", sortOptions = false,
        description = {
            "Re-drives a slice through the processor's bot logic against a scratch database and writes what the "
                + "bot WOULD answer as JSON Lines; nothing is sent to Telegram or Kafka.",
            "Partitions are replayed one after the other, each in offset order (so each chat in its order); the "
                + "bot's clock is each record's timestamp and its randomness is seeded per update, so two runs of "
                + "the same slice and seed give the same lines and a diff shows what a change of the logic did."})
final class ReplayCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    KafkaOptions kafka;

    @Mixin
    SliceOptions slice;

    @Option(names = "--out", paramLabel = "FILE", description = "Answers file (default: standard output).")
    Path out;

    @Option(names = "--db-url", paramLabel = "URL",
            description = "A scratch PostgreSQL (jdbc:postgresql://host:port/db or r2dbc:...) instead of the "
                    + "embedded one; it must be empty unless --reuse-db. Never the production database.")
    String dbUrl;

    @Option(names = "--db-user", paramLabel = "USER", defaultValue = "${env:DB_USER:-bread_bot}",
            description = "User of --db-url (default: env DB_USER or bread_bot).")
    String dbUser;

    @Option(names = "--db-password", paramLabel = "PASSWORD", defaultValue = "${env:DB_PASSWORD:-bread_bot}",
            description = "Password of --db-url (default: env DB_PASSWORD or bread_bot).")
    String dbPassword;

    @Option(names = "--db-dir", paramLabel = "DIR",
            description = "Keep the embedded database in DIR (to inspect the bot's state afterwards, or to go on "
                    + "from it with --reuse-db); default: a temporary directory deleted at the end.")
    Path dbDir;

    @Option(names = "--reuse-db", description = "Accept a database that already has tables (an earlier replay's).")
    boolean reuseDb;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "0",
            description = "Seed of the bot's random choices (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = {"-P", "--bot-property"}, paramLabel = "KEY=VALUE",
            description = "A setting of the bot for this run, e.g. bread-bot.bot.name=Батон; repeatable. "
                    + "BOT_NAME, ALTER_NAMES, MESSAGE_LEN_LIMIT and IGNORED_USERS are read as by the processor.")
    Map<String, String> botProperties = new HashMap<>();

    /** What happened to the slice's updates. */
    private static final class Tally {
        long replayed;
        long answers;
        long skipped;
        long duplicates;
        long failed;
    }

    private record Seen(long chatId, long updateId) {
    }

    @Override
    public Integer call() throws IOException {
        PrintWriter err = spec.commandLine().getErr();
        UpdateFilter filter = slice.filter();
        TopicSlice topicSlice = new TopicSlice(kafka.consumerConfig(), kafka.topic, slice.range(),
                kafka.stallTimeout);
        Tally tally = new Tally();
        // answers on a terminal would be garbled by a progress line drawn between them
        Progress progress = out == null ? Progress.hidden() : Progress.auto(err);
        TopicSlice.Result result;
        try (ScratchDatabase database = database();
                ReplayBot bot = ReplayBot.start(database, seed, new HashMap<>(botProperties));
                OutputTarget target = out == null ? OutputTarget.stdout(spec.commandLine().getOut())
                        : OutputTarget.file(out)) {
            Writer writer = target.openWriter();
            Set<Seen> seen = new HashSet<>();
            result = topicSlice.readPartitionByPartition(record -> {
                UpdateRecord update = UpdateRecord.of(record);
                if (filter.test(update)) {
                    replay(bot, update, seen, writer, tally);
                    progress.matched();
                }
                return true;
            }, progress);
            target.commit();
        } finally {
            progress.finish();
        }
        double seconds = result.nanos() / 1e9;
        err.printf(Locale.ROOT, "replayed %,d updates: %,d answers, %,d failed, %,d skipped (not an update), "
                + "%,d duplicates; %,d records read in %.1f s, %,.0f records/s%n", tally.replayed, tally.answers,
                tally.failed, tally.skipped, tally.duplicates, result.scanned(), seconds,
                seconds > 0 ? result.scanned() / seconds : 0.0);
        err.flush();
        return 0;
    }

    private ScratchDatabase database() {
        ScratchDatabase database = dbUrl == null ? ScratchDatabase.embedded(dbDir)
                : ScratchDatabase.given(dbUrl, dbUser, dbPassword);
        try {
            database.requireEmpty(reuseDb || (dbUrl == null && dbDir == null));
            return database;
        } catch (RuntimeException e) {
            database.close();
            throw e;
        }
    }

    private static void replay(ReplayBot bot, UpdateRecord record, Set<Seen> seen, Writer writer, Tally tally) {
        if (record.envelope() == null) {
            tally.skipped++;
            return;
        }
        long chatId = record.envelope().key();
        if (!seen.add(new Seen(chatId, record.envelope().updateId()))) {
            // ingress may store an update twice (Telegram retries); the pipeline applies it once
            tally.duplicates++;
            return;
        }
        tally.replayed++;
        try {
            Update update = Json.mapper().treeToValue(record.update(), Update.class);
            List<Answer> answers = bot.answer(update, chatId, Instant.ofEpochMilli(record.timestamp()));
            for (int position = 0; position < answers.size(); position++) {
                write(writer, AnswerLines.answer(record, position, answers.get(position)));
            }
            tally.answers += answers.size();
        } catch (RuntimeException e) {
            tally.failed++;
            write(writer, AnswerLines.failure(record, Secrets.mask(e.getClass().getName() + ": " + e.getMessage())));
        }
    }

    private static void write(Writer writer, String line) {
        try {
            writer.write(line);
            writer.write('\n');
            if (writer instanceof PrintWriter printer && printer.checkError()) {
                throw new ToolException("the output was closed; stopping");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
