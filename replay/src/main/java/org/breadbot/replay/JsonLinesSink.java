package org.breadbot.replay;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.util.Map;
import org.breadbot.common.json.Json;
import tools.jackson.core.JsonGenerator;

/**
 * One JSON object per line: {@code topic, partition, offset, timestamp, headers, key, update}. The update is the
 * record's raw JSON, embedded as it is (line breaks, which valid JSON only has as whitespace, become spaces), so
 * fields this code does not know survive. A value that is not an update is written as {@code "update": null}
 * with its text in {@code raw}.
 */
final class JsonLinesSink implements RecordSink {

    private final Writer out;
    private final OutputTarget target;

    JsonLinesSink(OutputTarget target) throws IOException {
        this.target = target;
        this.out = target.openWriter();
    }

    @Override
    public void write(UpdateRecord record) throws IOException {
        out.write(line(record));
        out.write('\n');
        if (out instanceof PrintWriter printer && printer.checkError()) {
            throw new ToolException("the output was closed (a pipe reader such as head stopped); stopping");
        }
    }

    static String line(UpdateRecord record) {
        StringWriter line = new StringWriter(256 + (record.raw() == null ? 0 : record.raw().length()));
        try (JsonGenerator json = Json.mapper().createGenerator(line)) {
            json.writeStartObject();
            json.writeStringProperty("topic", record.topic());
            json.writeNumberProperty("partition", record.partition());
            json.writeNumberProperty("offset", record.offset());
            json.writeNumberProperty("timestamp", record.timestamp());
            json.writeName("headers");
            json.writeStartObject();
            for (Map.Entry<String, String> header : record.headers().entrySet()) {
                json.writeStringProperty(header.getKey(), header.getValue());
            }
            json.writeEndObject();
            json.writeStringProperty("key", record.key());
            json.writeName("update");
            if (record.update() != null) {
                json.writeRawValue(oneLine(record.raw()));
            } else {
                json.writeNull();
                json.writeStringProperty("raw", record.raw());
            }
            json.writeEndObject();
        }
        return line.toString();
    }

    /** The raw JSON on one line, without the byte order mark a parser skips but a JSON Lines reader would not. */
    private static String oneLine(String raw) {
        String text = raw.startsWith("\uFEFF") ? raw.substring(1) : raw;
        return text.strip().replace('\n', ' ').replace('\r', ' ');
    }

    @Override
    public void commit() throws IOException {
        out.flush();
        target.commit();
    }

    @Override
    public void close() throws IOException {
        target.close();
    }
}
