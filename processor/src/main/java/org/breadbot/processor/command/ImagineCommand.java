package org.breadbot.processor.command;

import org.breadbot.processor.store.JobKind;
import org.breadbot.processor.store.JobStore;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * {@code представь <text>}: a picture drawn from the text, sent by a job in chats with OpenAI enabled (spec §4.2.24).
 */
@Component
class ImagineCommand implements ChatCommand {

    private final JobStore jobs;

    ImagineCommand(JobStore jobs) {
        this.jobs = jobs;
    }

    @Override
    public CommandSpec spec() {
        return CommandCatalogue.IMAGINE;
    }

    @Override
    public Mono<CommandResult> execute(CommandContext context) {
        return JobRequests.enqueueOpenAi(jobs, context, JobKind.IMAGINE, null);
    }
}
