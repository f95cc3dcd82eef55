package org.breadbot.processor.command;

import org.breadbot.processor.store.JobKind;
import org.breadbot.processor.store.JobStore;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** {@code совет}: a random piece of advice, answered by a job (spec §4.2.32); the rest of the line is ignored. */
@Component
class AdviceCommand implements ChatCommand {

    private final JobStore jobs;

    AdviceCommand(JobStore jobs) {
        this.jobs = jobs;
    }

    @Override
    public CommandSpec spec() {
        return CommandCatalogue.ADVICE;
    }

    @Override
    public Mono<CommandResult> execute(CommandContext context) {
        return JobRequests.enqueue(jobs, context, JobKind.ADVICE, null, null);
    }
}
