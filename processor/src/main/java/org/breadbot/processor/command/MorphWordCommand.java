package org.breadbot.processor.command;

import org.breadbot.processor.morph.MorphReport;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * {@code морф <word>}: every form of the word's lexeme, one per line (spec §4.2.28). Without a word the user is
 * told to give one (the original crashed silently).
 */
@Component
class MorphWordCommand implements ChatCommand {

    static final String NO_VALUE = "Необходимо указать слово";

    private final MorphReport report;

    MorphWordCommand(MorphReport report) {
        this.report = report;
    }

    @Override
    public CommandSpec spec() {
        return CommandCatalogue.MORPH_WORD;
    }

    @Override
    public Mono<CommandResult> execute(CommandContext context) {
        Arguments.OptionalValue value = (Arguments.OptionalValue) context.arguments();
        if (!value.present()) {
            return Mono.just(CommandResult.error(NO_VALUE));
        }
        return Mono.fromSupplier(() -> context.reply(report.forms(value.value())));
    }
}
