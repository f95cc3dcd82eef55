package org.breadbot.processor.command;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** Splits a value list (spec §3.3): one separator kind, chosen as {@code " или "}, else {@code " и "}, else comma. */
final class ValueLists {

    private ValueLists() {
    }

    static List<String> split(String text) {
        String separator = text.contains(" или ") ? " или " : text.contains(" и ") ? " и " : ",";
        List<String> values = new ArrayList<>();
        for (String item : text.split(Pattern.quote(separator), -1)) {
            String value = Texts.strip(item);
            if (!value.isEmpty()) {
                values.add(value);
            }
        }
        return values;
    }
}
