package org.breadbot.processor.command;

import java.util.List;
import org.breadbot.processor.bot.RandomSource;

/** User-visible texts shared by several commands (spec §4.1.0). */
public final class Replies {

    /** The message must reply to another one. */
    public static final String REPLY_REQUIRED = "Необходимо выбрать сообщение в качестве ответа для обработки";
    /** A substring key must be at least three characters long. */
    public static final String SHORT_SUBSTRING_KEY = "Ключ для подстроки не может быть короче 3 символов";

    private static final List<String> COMPLETION_PHRASES =
            List.of("Сделал", "Слушаю и повинуюсь", "Есть, сэр!", "Выполнено", "Принял");

    private Replies() {
    }

    /** A uniformly random acknowledgement. */
    public static String completion(RandomSource random) {
        return random.pick(COMPLETION_PHRASES);
    }

    /** Every acknowledgement, for tests. */
    public static List<String> completionPhrases() {
        return COMPLETION_PHRASES;
    }
}
