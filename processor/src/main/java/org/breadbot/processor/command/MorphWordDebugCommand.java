package org.breadbot.processor.command;

import org.breadbot.processor.morph.MorphReport;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** {@code морф дебаг <word>}: like {@code морф}, each form after its OpenCorpora tag (spec §4.2.28). */
@Component
class MorphWordDebugCommand implements ChatCommand {

    private final MorphReport report;

    MorphWordDebugCommand(MorphReport report) {
        this.report = report;
    }

    @Override
    public CommandSpec spec() {
        return CommandCatalogue.MORPH_WORD_DEBUG;
    }

    @Override
    public Mono<CommandResult> execute(CommandContext context) {
        Arguments.OptionalValue value = (Arguments.OptionalValue) context.arguments();
        if (!value.present()) {
            return Mono.just(CommandResult.error(MorphWordCommand.NO_VALUE));
        }
        return Mono.fromSupplier(() -> context.reply(report.debug(value.value())));
    }
}
