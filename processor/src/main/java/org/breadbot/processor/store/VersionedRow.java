package org.breadbot.processor.store;

import java.util.List;
import java.util.Objects;

/** One row of a read that returns a version beside each value (the value null when there is none). */
record VersionedRow(long version, String value) {

    /** The values of the rows, in order, without the nulls of an outer join that found none. */
    static List<String> values(List<VersionedRow> rows) {
        return rows.stream().map(VersionedRow::value).filter(Objects::nonNull).toList();
    }
}
