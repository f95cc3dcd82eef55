package org.breadbot.processor.command;

import org.breadbot.processor.store.JobKind;
import org.breadbot.processor.store.JobStore;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * {@code promt <text>}: the text sent to ChatGPT as it is, answered by a job in chats with OpenAI enabled (spec
 * §4.2.23).
 */
@Component
class FreePromptCommand implements ChatCommand {

    private final JobStore jobs;

    FreePromptCommand(JobStore jobs) {
        this.jobs = jobs;
    }

    @Override
    public CommandSpec spec() {
        return CommandCatalogue.FREE_PROMPT;
    }

    @Override
    public Mono<CommandResult> execute(CommandContext context) {
        return JobRequests.enqueueOpenAi(jobs, context, JobKind.FREE_PROMPT, null);
    }
}
