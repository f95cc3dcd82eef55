package org.breadbot.replay;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.breadbot.testsupport.TestUsers;
import org.breadbot.testsupport.Updates;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

class ParquetSinkTest {

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(ExportCommand.Compression.class)
    void everyCompressionReadsBack(ExportCommand.Compression compression) throws Exception {
        Path file = dir.resolve(compression + ".parquet");
        Updates.Builder update = Updates.text("Хлеб").inGroup(-9L).from(TestUsers.ALICE).messageId(3);

        try (ParquetSink sink = new ParquetSink(OutputTarget.file(file), compression.codec)) {
            for (int i = 0; i < 1_000; i++) {
                sink.write(UpdateRecord.of(UpdateRecordTest.record("-9", update.bytes())));
            }
            sink.write(UpdateRecord.of(UpdateRecordTest.record(null, null)));
            sink.commit();
        }

        List<ParquetRows.Row> rows = ParquetRows.read(file);
        assertThat(rows).hasSize(1_001);
        assertThat(rows.get(0).text()).isEqualTo("Хлеб");
        assertThat(rows.get(0).chatId()).isEqualTo(-9L);
        assertThat(rows.get(0).messageId()).isEqualTo(3L);
        assertThat(rows.get(1_000).rawJson()).isNull();
        assertThat(rows.get(1_000).updateId()).isNull();
    }

    @Test
    void nothingIsLeftBehindWhenTheExportFails() throws Exception {
        Path file = dir.resolve("failed.parquet");

        try (ParquetSink sink = new ParquetSink(OutputTarget.file(file),
                ExportCommand.Compression.zstd.codec)) {
            sink.write(UpdateRecord.of(UpdateRecordTest.record("x", "x".getBytes(StandardCharsets.UTF_8))));
        }

        try (var files = Files.list(dir)) {
            assertThat(files).isEmpty();
        }
    }
}
