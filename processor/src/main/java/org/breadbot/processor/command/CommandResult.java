package org.breadbot.processor.command;

import java.util.List;
import org.breadbot.processor.pipeline.Answer;

/** What a command decided (spec §2.5 handler 1). */
public sealed interface CommandResult {

    /** The chain stops with these answers; none means it stops without an immediate reply. */
    record Answers(List<Answer> answers) implements CommandResult {
        public Answers {
            answers = List.copyOf(answers);
        }
    }

    /** The message continues to the answer handlers as ordinary text. */
    record Pass() implements CommandResult {
    }

    /** A user-visible error, sent as a reply unless the message was edited (spec §2.6). */
    record UserError(String text) implements CommandResult {
    }

    static CommandResult answers(Answer... answers) {
        return new Answers(List.of(answers));
    }

    static CommandResult pass() {
        return new Pass();
    }

    static CommandResult error(String text) {
        return new UserError(text);
    }
}
