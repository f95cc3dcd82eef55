package org.breadbot.processor.command;

import java.time.ZoneOffset;
import org.breadbot.processor.bot.MessageContext;
import org.breadbot.processor.store.Job;
import org.breadbot.processor.store.JobKind;
import org.breadbot.processor.store.JobStore;
import reactor.core.publisher.Mono;

/**
 * Commands whose answer needs an outside service do not wait for it: they record a job with the update and stop
 * the chain without an immediate reply (spec §2.5); the job's answer replies to the command message later
 * (docs/architecture.md, "Slow work: the jobs topic").
 */
final class JobRequests {

    /** The OpenAI commands in a chat whose {@code is_openai_enabled} is off (spec §4.2.22). */
    static final String OPENAI_DISABLED = "Для данной группы функция недоступна.";
    /** An OpenAI command without any text to send. */
    static final String NO_PROMPT = "Необходимо указать текст запроса";

    private JobRequests() {
    }

    static Mono<CommandResult> enqueue(JobStore jobs, CommandContext context, JobKind kind, String text,
            String prePrompt) {
        MessageContext message = context.message();
        Job job = Job.of(kind, message.chatId(), message.update().updateId(), message.messageId(), text, prePrompt,
                message.now().toInstant(ZoneOffset.UTC)).inThread(message.message().topicThreadId());
        return jobs.enqueue(job).thenReturn(CommandResult.answers());
    }

    /** The OpenAI gate and the prompt check, then the job. */
    static Mono<CommandResult> enqueueOpenAi(JobStore jobs, CommandContext context, JobKind kind,
            String prePrompt) {
        if (!context.message().chat().openaiEnabled()) {
            return Mono.just(CommandResult.error(OPENAI_DISABLED));
        }
        if (context.rest().isEmpty()) {
            return Mono.just(CommandResult.error(NO_PROMPT));
        }
        return enqueue(jobs, context, kind, context.rest(), prePrompt);
    }
}
