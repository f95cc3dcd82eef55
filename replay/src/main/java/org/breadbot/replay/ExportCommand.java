package org.breadbot.replay;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "export", sortOptions = false,
        description = {
            "Writes a slice of an update topic as JSON Lines or Parquet.",
            "Reads with assign() and seek(): no consumer group is joined, created or moved."})
final class ExportCommand implements Callable<Integer> {

    enum Format { jsonl, parquet }

    enum Compression {
        zstd(CompressionCodecName.ZSTD), snappy(CompressionCodecName.SNAPPY), none(CompressionCodecName.UNCOMPRESSED);

        final CompressionCodecName codec;

        Compression(CompressionCodecName codec) {
            this.codec = codec;
        }
    }

    @Spec
    CommandSpec spec;

    @Mixin
    KafkaOptions kafka;

    @Mixin
    SliceOptions slice;

    @Option(names = "--format", defaultValue = "jsonl",
            description = "jsonl (one record per line) or parquet (default: ${DEFAULT-VALUE}).")
    Format format;

    @Option(names = "--out", paramLabel = "FILE",
            description = "Output file (default: standard output; parquet needs a file).")
    Path out;

    @Option(names = "--compression", defaultValue = "zstd",
            description = "Parquet page compression: zstd, snappy or none (default: ${DEFAULT-VALUE}).")
    Compression compression;

    @Option(names = "--limit", paramLabel = "N", description = "Stop after N exported records.")
    Long limit;

    @Override
    public Integer call() throws IOException {
        PrintWriter err = spec.commandLine().getErr();
        UpdateFilter filter = slice.filter();
        TopicSlice topicSlice = new TopicSlice(kafka.consumerConfig(), kafka.topic, slice.range(),
                kafka.stallTimeout);
        OutputTarget target = out == null ? OutputTarget.stdout(spec.commandLine().getOut()) : OutputTarget.file(out);
        // records on a terminal would be garbled by a progress line drawn between them
        Progress progress = target.isStdout() ? Progress.hidden() : Progress.auto(err);
        long[] exported = {0};
        TopicSlice.Result result;
        try (RecordSink sink = open(target)) {
            result = topicSlice.read(record -> {
                UpdateRecord update = UpdateRecord.of(record);
                if (!filter.test(update)) {
                    return true;
                }
                write(sink, update);
                progress.matched();
                return limit == null || ++exported[0] < limit;
            }, progress);
            sink.commit();
        } finally {
            progress.finish();
        }
        Summary.print(err, "exported", progress.kept(), result);
        return 0;
    }

    private RecordSink open(OutputTarget target) throws IOException {
        return switch (format) {
            case jsonl -> new JsonLinesSink(target);
            case parquet -> new ParquetSink(target, compression.codec);
        };
    }

    private static void write(RecordSink sink, UpdateRecord record) {
        try {
            sink.write(record);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
