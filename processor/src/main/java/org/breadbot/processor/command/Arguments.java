package org.breadbot.processor.command;

import java.util.List;
import org.breadbot.processor.store.ReactionType;

/** The arguments extracted according to a command's {@link ArgumentShape} (spec §3.2). */
public sealed interface Arguments {

    /** {@link ArgumentShape#BARE}: the command reads the rest text itself. */
    record None() implements Arguments {
    }

    /** {@link ArgumentShape#OPTIONAL_VALUE}: the value, or null when the rest text is empty. */
    record OptionalValue(String value) implements Arguments {

        public boolean present() {
            return value != null;
        }
    }

    /** {@link ArgumentShape#VALUE_LIST}: trimmed, non-empty items. */
    record ValueList(List<String> values) implements Arguments {

        public ValueList {
            values = List.copyOf(values);
        }
    }

    /** {@link ArgumentShape#PARAMETER_KEY_VALUE}: key and value, both trimmed and non-empty. */
    record KeyValue(ReactionType parameter, String key, String value) implements Arguments {
    }

    /** {@link ArgumentShape#PARAMETER_REST}: the parameter and the text after it. */
    record ParameterRest(ReactionType parameter, String rest) implements Arguments {
    }
}
