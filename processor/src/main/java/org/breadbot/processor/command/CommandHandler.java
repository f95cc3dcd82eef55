package org.breadbot.processor.command;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.breadbot.common.telegram.Message;
import org.breadbot.processor.bot.BotProperties;
import org.breadbot.processor.bot.ChainHandler;
import org.breadbot.processor.bot.HandlerResult;
import org.breadbot.processor.bot.MessageContext;
import org.breadbot.processor.store.MemberStatsStore;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Handler 1 of the chain (spec §2.5): parses the text and runs the command. Not addressed, no alias, or a command
 * without implementation pass; parse errors are user-visible errors. Captions are never parsed. A recognised command
 * in a new message (not an edit) counts for {@code стата}, whatever its outcome.
 */
@Component
@Order(ChainHandler.COMMANDS)
class CommandHandler implements ChainHandler {

    private final CommandRegistry registry;
    private final CommandParser parser;
    private final MemberStatsStore stats;
    private final ObjectProvider<MeterRegistry> meters;

    CommandHandler(CommandRegistry registry, BotProperties properties, MemberStatsStore stats,
            ObjectProvider<MeterRegistry> meters) {
        this.registry = registry;
        this.parser = new CommandParser(properties.addressingWords(), registry.specs());
        this.stats = stats;
        this.meters = meters;
    }

    @Override
    public Mono<HandlerResult> handle(MessageContext message) {
        if (message.text().isEmpty()) {
            return Mono.just(HandlerResult.pass());
        }
        ParseResult parsed = parser.parse(message.text());
        if (parsed instanceof ParseResult.ParseError error) {
            return countCommand(message).thenReturn(HandlerResult.error(error.kind().text()));
        }
        if (parsed instanceof ParseResult.Parsed command) {
            return countCommand(message).then(Mono.defer(() -> registry.command(command.command())
                    .map(implementation -> run(implementation, new CommandContext(message, command)))
                    .orElseGet(() -> Mono.just(HandlerResult.pass()))));
        }
        return Mono.just(HandlerResult.pass());
    }

    @Override
    public boolean isAddressedBy(Message message) {
        return message.text() != null && !(parser.parse(message.text()) instanceof ParseResult.NotAddressed);
    }

    private Mono<Void> countCommand(MessageContext message) {
        return message.isEdit() ? Mono.empty()
                : stats.countCommand(message.chat().id(), message.member().id(), message.now().toLocalDate());
    }

    private Mono<HandlerResult> run(ChatCommand command, CommandContext context) {
        if (command.spec().replyRequired() && context.message().message().repliedMessage() == null) {
            return Mono.just(HandlerResult.error(Replies.REPLY_REQUIRED))
                    .doOnNext(result -> count(command, result));
        }
        return command.execute(context).map(CommandHandler::toHandlerResult)
                .doOnNext(result -> count(command, result));
    }

    /** {@code bread_bot_processor_commands_total{command,outcome}} (docs/operations.md); no registry, no count. */
    private void count(ChatCommand command, HandlerResult result) {
        MeterRegistry registry = meters.getIfAvailable();
        if (registry != null) {
            String outcome = result instanceof HandlerResult.Answered ? "answered"
                    : result instanceof HandlerResult.UserError ? "user_error" : "passed";
            Counter.builder("bread_bot.processor.commands")
                    .description("Commands run (retries of an update included), by command and outcome")
                    .tag("command", command.spec().name())
                    .tag("outcome", outcome)
                    .register(registry)
                    .increment();
        }
    }

    private static HandlerResult toHandlerResult(CommandResult result) {
        if (result instanceof CommandResult.Answers answers) {
            return new HandlerResult.Answered(answers.answers());
        }
        if (result instanceof CommandResult.UserError error) {
            return HandlerResult.error(error.text());
        }
        return HandlerResult.pass();
    }
}
