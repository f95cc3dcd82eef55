package org.breadbot.processor.command;

import org.breadbot.processor.store.JobKind;
import org.breadbot.processor.store.JobStore;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** {@code цитата}: a random quote, answered by a job (spec §4.2.29); the rest of the line is ignored. */
@Component
class QuoteCommand implements ChatCommand {

    private final JobStore jobs;

    QuoteCommand(JobStore jobs) {
        this.jobs = jobs;
    }

    @Override
    public CommandSpec spec() {
        return CommandCatalogue.QUOTE;
    }

    @Override
    public Mono<CommandResult> execute(CommandContext context) {
        return JobRequests.enqueue(jobs, context, JobKind.QUOTE, null, null);
    }
}
