package org.breadbot.processor.pipeline.jobs;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.breadbot.common.json.Json;
import org.breadbot.common.kafka.Topics;
import org.breadbot.common.secret.Secrets;
import org.breadbot.processor.store.Job;
import org.breadbot.processor.store.JobStore;
import org.breadbot.processor.store.JobsRecorded;
import org.breadbot.processor.store.PendingJob;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.event.EventListener;
import org.springframework.kafka.listener.AbstractMessageListenerContainer;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/**
 * Hands recorded jobs to {@code telegram.jobs}: right after the transaction that recorded them commits (signalled
 * by {@link JobsRecorded}), and every {@code relay-interval} for whatever a signal missed or a crash left. Each
 * hand-off runs in a transaction holding an advisory lock, so one relay of the cluster at a time hands jobs off in
 * the order they were recorded. A handed-off job is leased: it comes due again only if it is still unfinished
 * when the lease ends, which the instance that accepted it keeps moving while the job waits or runs
 * ({@link JobLanes}), so only a crash (or a consumer that could not accept it) lets it expire; a job handed off
 * {@code max-hand-offs} times is given up with its failure reply to the chat.
 */
final class JobRelay implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(JobRelay.class);
    private static final Object SIGNAL = new Object();

    private final JobStore jobs;
    private final KafkaPublisher publisher;
    private final TransactionalOperator transactions;
    private final JobsProperties properties;
    private final JobMetrics metrics;
    private final Function<Job, Mono<Void>> giveUp;
    private Sinks.Many<Object> signals;
    private Scheduler scheduler;
    private Disposable runs;

    /** @param giveUp answers a job that is given up with its failure reply, and forgets it */
    JobRelay(JobStore jobs, KafkaPublisher publisher, TransactionalOperator transactions, JobsProperties properties,
            JobMetrics metrics, Function<Job, Mono<Void>> giveUp) {
        this.jobs = jobs;
        this.publisher = publisher;
        this.transactions = transactions;
        this.properties = properties;
        this.metrics = metrics;
        this.giveUp = giveUp;
    }

    /** A transaction recorded jobs and committed: relay now rather than at the next tick. */
    @EventListener
    public synchronized void onJobsRecorded(JobsRecorded event) {
        if (signals != null) {
            signals.tryEmitNext(SIGNAL);
        }
    }

    @Override
    public synchronized void start() {
        signals = Sinks.many().multicast().directBestEffort();
        scheduler = Schedulers.newSingle("job-relay");
        runs = Flux.merge(Flux.interval(properties.relayInterval(), properties.relayInterval(), scheduler),
                        signals.asFlux().publishOn(scheduler))
                // a burst of signals while a relay runs comes down to one more relay afterwards
                .onBackpressureLatest()
                .concatMap(tick -> relayAll(), 1)
                .subscribe();
    }

    private Mono<Void> relayAll() {
        return relayOnce()
                .expand(relayed -> relayed == properties.relayBatchSize() ? relayOnce() : Mono.empty())
                .then(jobs.countPending().doOnNext(metrics::pending))
                .onErrorResume(e -> {
                    log.warn("Handing jobs off failed; retrying in {}: {}", properties.relayInterval(),
                            Secrets.mask(String.valueOf(e)));
                    return Mono.empty();
                })
                .then();
    }

    /** One transaction: up to a batch of due jobs handed off and leased; returns how many were due. */
    Mono<Integer> relayOnce() {
        return jobs.tryRelayLock()
                .flatMap(locked -> locked ? handOffDue() : Mono.just(0))
                .as(transactions::transactional);
    }

    private Mono<Integer> handOffDue() {
        return jobs.lockDue(properties.relayBatchSize()).collectList().flatMap(this::handOff);
    }

    private Mono<Integer> handOff(List<PendingJob> due) {
        List<PendingJob> exhausted = new ArrayList<>();
        List<PendingJob> publishable = new ArrayList<>();
        due.forEach(job -> (job.publications() >= properties.maxHandOffs() ? exhausted : publishable).add(job));
        return Flux.fromIterable(exhausted)
                .concatMap(this::giveUp)
                .thenMany(Flux.fromIterable(publishable))
                // in order, one at a time, so the jobs of a chat reach its partition in the order recorded
                .concatMap(job -> publisher.publish(Topics.JOBS, job.chatId(), job.updateId(), job.payload()))
                .then(publishable.isEmpty() ? Mono.just(0L)
                        : jobs.leased(publishable.stream().map(PendingJob::rowId).toList(), properties.lease()))
                .thenReturn(due.size());
    }

    private Mono<Void> giveUp(PendingJob job) {
        log.error("Giving up job {} after {} hand-offs without a result; its chat gets the failure reply",
                job.jobId(), job.publications());
        return giveUp.apply(Json.mapper().readValue(job.payload(), Job.class));
    }

    @Override
    public synchronized void stop() {
        if (runs != null) {
            runs.dispose();
            scheduler.dispose();
            signals.tryEmitComplete();
            runs = null;
            signals = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return runs != null;
    }

    /** With the listener containers: after the start-up has created the topics, so none is created by a send. */
    @Override
    public int getPhase() {
        return AbstractMessageListenerContainer.DEFAULT_PHASE;
    }
}
