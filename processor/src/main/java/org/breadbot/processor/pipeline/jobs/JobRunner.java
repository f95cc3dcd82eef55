package org.breadbot.processor.pipeline.jobs;

import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.breadbot.common.json.Json;
import org.breadbot.common.kafka.Topics;
import org.breadbot.common.reply.ReplyCommand;
import org.breadbot.processor.integration.JobAnswers;
import org.breadbot.processor.pipeline.Answer;
import org.breadbot.processor.store.Job;
import org.breadbot.processor.store.JobStore;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Runs one job: unless it is done already (a redelivered record), asks the service, publishes the replies to
 * {@code telegram.replies} with ids derived from the job's, then forgets the job. A crash in between repeats the
 * job later; the repeated replies carry the same ids, so the sender delivers them once.
 */
final class JobRunner {

    private final JobStore jobs;
    private final JobAnswers answers;
    private final KafkaPublisher publisher;
    private final JobMetrics metrics;
    private final Clock clock;

    JobRunner(JobStore jobs, JobAnswers answers, KafkaPublisher publisher, JobMetrics metrics, Clock clock) {
        this.jobs = jobs;
        this.answers = answers;
        this.publisher = publisher;
        this.metrics = metrics;
        this.clock = clock;
    }

    Mono<Void> run(Job job) {
        return jobs.isPending(job.id())
                .flatMap(pending -> pending ? answerAndForget(job) : Mono.empty());
    }

    /**
     * The job cannot be done: unless it is done already, its chat gets the failure reply and the job is forgotten.
     * The reply's ids are the job's own, so a reply published before (a crash after publishing) is sent once.
     */
    Mono<Void> giveUp(Job job) {
        return jobs.isPending(job.id())
                .flatMap(pending -> !pending ? Mono.<Void>empty()
                        : publishAll(job, replies(job, answers.failed(job)))
                                .then(jobs.finish(job.id()))
                                .doOnSuccess(deleted -> metrics.givenUp())
                                .then());
    }

    private Mono<Void> answerAndForget(Job job) {
        Timer.Sample sample = metrics.started();
        return answers.answer(job)
                .map(list -> replies(job, list))
                .flatMap(replies -> publishAll(job, replies))
                .then(jobs.finish(job.id()))
                .doOnSuccess(deleted -> metrics.finished(sample, job.kind(), "done"))
                .doOnError(e -> metrics.finished(sample, job.kind(), "failed"))
                .doOnCancel(() -> metrics.finished(sample, job.kind(), "cancelled"))
                .then();
    }

    private Mono<Void> publishAll(Job job, List<ReplyCommand> replies) {
        // one at a time: the replies of a job keep their order on the chat's partition
        return Flux.fromIterable(replies)
                .concatMap(reply -> publisher.publish(Topics.REPLIES, reply.chatId(), job.updateId(),
                        Json.mapper().writeValueAsString(reply)))
                .then();
    }

    private List<ReplyCommand> replies(Job job, List<Answer> answers) {
        List<ReplyCommand> replies = new ArrayList<>(answers.size());
        for (int position = 0; position < answers.size(); position++) {
            Answer answer = answers.get(position);
            replies.add(new ReplyCommand(job.replyId(position), answer.chatId(), answer.method(), answer.text(),
                    answer.fileId(), answer.caption(), answer.replyToMessageId(),
                    answer.chatId() == job.chatId() ? job.messageThreadId() : null, answer.parseMode(),
                    answer.entities(), job.updateId(), clock.instant()));
        }
        return replies;
    }
}
