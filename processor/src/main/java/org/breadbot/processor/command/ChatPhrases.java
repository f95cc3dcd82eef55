package org.breadbot.processor.command;

import java.util.Map;
import org.breadbot.processor.store.PhraseKind;

/** Which kind of chat phrase a phrase command's alias is about, and how the kinds are named to users. */
final class ChatPhrases {

    /** A phrase is one line of a message; this keeps an insult with its mention well inside one message. */
    static final int MAX_LENGTH = 1000;
    static final String TOO_LONG = "Фраза не может быть длиннее " + MAX_LENGTH + " символов";

    /** [L] took the singular and the plural after every phrase verb (spec §3.6), so both name the kind. */
    private static final Map<String, PhraseKind> BY_ALIAS = Map.ofEntries(
            Map.entry("добавь оскорбление", PhraseKind.INSULT),
            Map.entry("добавь оскорбления", PhraseKind.INSULT),
            Map.entry("покажи оскорбления", PhraseKind.INSULT),
            Map.entry("покажи оскорбление", PhraseKind.INSULT),
            Map.entry("удали оскорбление", PhraseKind.INSULT),
            Map.entry("удали оскорбления", PhraseKind.INSULT),
            Map.entry("добавь ответ на редактирование", PhraseKind.EDIT_ANSWER),
            Map.entry("добавь ответы на редактирование", PhraseKind.EDIT_ANSWER),
            Map.entry("покажи ответы на редактирование", PhraseKind.EDIT_ANSWER),
            Map.entry("покажи ответ на редактирование", PhraseKind.EDIT_ANSWER),
            Map.entry("удали ответ на редактирование", PhraseKind.EDIT_ANSWER),
            Map.entry("удали ответы на редактирование", PhraseKind.EDIT_ANSWER));

    private ChatPhrases() {
    }

    static PhraseKind kind(CommandContext context) {
        PhraseKind kind = BY_ALIAS.get(context.rawCommand());
        if (kind == null) {
            throw new IllegalStateException("No phrase kind for alias " + context.rawCommand());
        }
        return kind;
    }

    /** The list's title, e.g. {@code Оскорбления}. */
    static String title(PhraseKind kind) {
        return kind == PhraseKind.INSULT ? "Оскорбления" : "Ответы на редактирование";
    }

    /** "there are none yet", e.g. {@code Оскорблений пока нет}. */
    static String none(PhraseKind kind) {
        return kind == PhraseKind.INSULT ? "Оскорблений пока нет" : "Ответов на редактирование пока нет";
    }

    /** How to add one, with the bot's name. */
    static String howToAdd(PhraseKind kind, String botName) {
        return botName + (kind == PhraseKind.INSULT ? " добавь оскорбление <текст>"
                : " добавь ответ на редактирование <текст>");
    }
}
