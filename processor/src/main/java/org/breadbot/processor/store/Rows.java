package org.breadbot.processor.store;

import io.r2dbc.spi.Readable;
import org.springframework.r2dbc.core.DatabaseClient.GenericExecuteSpec;
import org.springframework.r2dbc.core.Parameter;

/** Small helpers for binding nullable values and reading numbers whatever their SQL width. */
final class Rows {

    private Rows() {
    }

    static GenericExecuteSpec bindNullable(GenericExecuteSpec spec, String name, Object value, Class<?> type) {
        return spec.bind(name, Parameter.fromOrEmpty(value, type));
    }

    static long longValue(Readable row, String column) {
        return ((Number) row.get(column)).longValue();
    }

    static int intValue(Readable row, String column) {
        return ((Number) row.get(column)).intValue();
    }

    static boolean booleanValue(Readable row, String column) {
        return Boolean.TRUE.equals(row.get(column, Boolean.class));
    }

    static String string(Readable row, String column) {
        return row.get(column, String.class);
    }
}
