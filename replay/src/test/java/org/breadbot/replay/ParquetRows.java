package org.breadbot.replay;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.hadoop.ParquetReader;
import org.apache.parquet.hadoop.api.ReadSupport;
import org.apache.parquet.hadoop.example.GroupReadSupport;
import org.apache.parquet.io.LocalInputFile;

/** Reads an exported file back with parquet-java's own reader. */
final class ParquetRows {

    private ParquetRows() {
    }

    record Row(String topic, int partition, long offset, long timestamp, Long updateId, String updateType,
            Long chatId, Long userId, Long messageId, Long date, String text, String rawJson) {
    }

    static List<Row> read(Path file) throws IOException {
        List<Row> rows = new ArrayList<>();
        try (ParquetReader<Group> reader = new GroupReader(file).build()) {
            for (Group group = reader.read(); group != null; group = reader.read()) {
                rows.add(new Row(
                        group.getString("topic", 0),
                        group.getInteger("partition", 0),
                        group.getLong("offset", 0),
                        group.getLong("timestamp", 0),
                        optionalLong(group, "update_id"),
                        optionalString(group, "update_type"),
                        optionalLong(group, "chat_id"),
                        optionalLong(group, "user_id"),
                        optionalLong(group, "message_id"),
                        optionalLong(group, "date"),
                        optionalString(group, "text"),
                        optionalString(group, "raw_json")));
            }
        }
        return rows;
    }

    private static Long optionalLong(Group group, String field) {
        return group.getFieldRepetitionCount(field) == 0 ? null : group.getLong(field, 0);
    }

    private static String optionalString(Group group, String field) {
        return group.getFieldRepetitionCount(field) == 0 ? null : group.getString(field, 0);
    }

    private static final class GroupReader extends ParquetReader.Builder<Group> {
        GroupReader(Path file) {
            super(new LocalInputFile(file), new PlainParquetConfiguration());
            withCodecFactory(new ParquetCodecs());
        }

        @Override
        protected ReadSupport<Group> getReadSupport() {
            return new GroupReadSupport();
        }
    }
}
