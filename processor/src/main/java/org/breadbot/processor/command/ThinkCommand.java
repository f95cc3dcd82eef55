package org.breadbot.processor.command;

import org.breadbot.processor.store.JobKind;
import org.breadbot.processor.store.JobStore;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * {@code что думаешь про <subject>}: ChatGPT's opinion, with the alias as pre-prompt, answered by a job in chats with
 * OpenAI enabled (spec §4.2.22).
 */
@Component
class ThinkCommand implements ChatCommand {

    private final JobStore jobs;

    ThinkCommand(JobStore jobs) {
        this.jobs = jobs;
    }

    @Override
    public CommandSpec spec() {
        return CommandCatalogue.THINK;
    }

    @Override
    public Mono<CommandResult> execute(CommandContext context) {
        return JobRequests.enqueueOpenAi(jobs, context, JobKind.THINK, context.rawCommand());
    }
}
