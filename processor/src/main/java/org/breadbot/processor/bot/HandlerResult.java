package org.breadbot.processor.bot;

import java.util.List;
import org.breadbot.processor.pipeline.Answer;

/** What one handler of the chain decided (spec §2.5). */
public sealed interface HandlerResult {

    /** The chain stops with these answers; none means it stops silently. */
    record Answered(List<Answer> answers) implements HandlerResult {
        public Answered {
            answers = List.copyOf(answers);
        }
    }

    /** The next handler runs. */
    record Pass() implements HandlerResult {
    }

    /** The chain stops; the text is sent as a reply unless the update is an edit (spec §2.6). */
    record UserError(String text) implements HandlerResult {
    }

    static HandlerResult pass() {
        return new Pass();
    }

    static HandlerResult answered(Answer... answers) {
        return new Answered(List.of(answers));
    }

    static HandlerResult silent() {
        return new Answered(List.of());
    }

    static HandlerResult error(String text) {
        return new UserError(text);
    }
}
