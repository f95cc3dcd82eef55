package org.breadbot.replay;

import static org.apache.parquet.schema.LogicalTypeAnnotation.TimeUnit.MILLIS;
import static org.apache.parquet.schema.LogicalTypeAnnotation.stringType;
import static org.apache.parquet.schema.LogicalTypeAnnotation.timestampType;
import static org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName.BINARY;
import static org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName.INT32;
import static org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName.INT64;

import java.io.IOException;
import java.util.Map;
import java.util.OptionalLong;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.SimpleGroupFactory;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.example.ExampleParquetWriter;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.LocalOutputFile;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.Types;
import tools.jackson.databind.JsonNode;

/**
 * A Parquet file, one row per record: where it sits, the fields analysts filter and group by, and the raw JSON
 * for everything else. Written through a local file and a plain configuration, so no Hadoop is needed.
 */
final class ParquetSink implements RecordSink {

    static final MessageType SCHEMA = Types.buildMessage()
            .required(BINARY).as(stringType()).named("topic")
            .required(INT32).named("partition")
            .required(INT64).named("offset")
            .required(INT64).as(timestampType(true, MILLIS)).named("timestamp")
            .optional(INT64).named("update_id")
            .optional(BINARY).as(stringType()).named("update_type")
            .optional(INT64).named("chat_id")
            .optional(INT64).named("user_id")
            .optional(INT64).named("message_id")
            .optional(INT64).as(timestampType(true, MILLIS)).named("date")
            .optional(BINARY).as(stringType()).named("text")
            .optional(BINARY).as(stringType()).named("raw_json")
            .named("telegram_update");

    private final OutputTarget target;
    private final ParquetWriter<Group> writer;
    private final SimpleGroupFactory rows = new SimpleGroupFactory(SCHEMA);
    private boolean closed;

    ParquetSink(OutputTarget target, CompressionCodecName compression) throws IOException {
        this.target = target;
        this.writer = ExampleParquetWriter.builder(new LocalOutputFile(target.partialFile()))
                .withConf(new PlainParquetConfiguration())
                .withType(SCHEMA)
                .withCodecFactory(new ParquetCodecs())
                .withCompressionCodec(compression)
                .withWriteMode(ParquetFileWriter.Mode.OVERWRITE)
                .withExtraMetaData(Map.of("writer", "bread-bot-replay"))
                .build();
    }

    @Override
    public void write(UpdateRecord record) throws IOException {
        writer.write(row(record));
    }

    private Group row(UpdateRecord record) {
        Group row = rows.newGroup()
                .append("topic", record.topic())
                .append("partition", record.partition())
                .append("offset", record.offset())
                .append("timestamp", record.timestamp());
        appendIfPresent(row, "update_id", record.updateId());
        record.updateType().ifPresent(type -> row.append("update_type", type));
        appendIfPresent(row, "chat_id", record.chatId());
        appendIfPresent(row, "user_id", record.userId());
        JsonNode body = record.body();
        if (body != null) {
            appendIfPresent(row, "message_id", integer(body.get("message_id")));
            OptionalLong date = integer(body.get("date"));
            if (date.isPresent()) {
                row.append("date", date.getAsLong() * 1000);
            }
            String text = text(body);
            if (text != null) {
                row.append("text", text);
            }
        }
        if (record.raw() != null) {
            row.append("raw_json", record.raw());
        }
        return row;
    }

    /** The message text, else the media caption. */
    private static String text(JsonNode body) {
        for (String field : new String[] {"text", "caption"}) {
            JsonNode node = body.get(field);
            if (node != null && node.isString()) {
                return node.asString();
            }
        }
        return null;
    }

    private static OptionalLong integer(JsonNode node) {
        return node != null && node.isIntegralNumber() && node.canConvertToLong()
                ? OptionalLong.of(node.asLong()) : OptionalLong.empty();
    }

    private static void appendIfPresent(Group row, String field, OptionalLong value) {
        if (value.isPresent()) {
            row.append(field, value.getAsLong());
        }
    }

    @Override
    public void commit() throws IOException {
        closeWriter();
        target.commit();
    }

    @Override
    public void close() throws IOException {
        try {
            closeWriter();
        } finally {
            target.close();
        }
    }

    private void closeWriter() throws IOException {
        if (!closed) {
            closed = true;
            writer.close();
        }
    }
}
