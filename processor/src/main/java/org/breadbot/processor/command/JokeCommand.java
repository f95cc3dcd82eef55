package org.breadbot.processor.command;

import org.breadbot.processor.store.JobKind;
import org.breadbot.processor.store.JobStore;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** {@code анекдот}: a random joke, answered by a job (spec §4.2.31); the rest of the line is ignored. */
@Component
class JokeCommand implements ChatCommand {

    private final JobStore jobs;

    JokeCommand(JobStore jobs) {
        this.jobs = jobs;
    }

    @Override
    public CommandSpec spec() {
        return CommandCatalogue.JOKE;
    }

    @Override
    public Mono<CommandResult> execute(CommandContext context) {
        return JobRequests.enqueue(jobs, context, JobKind.JOKE, null, null);
    }
}
