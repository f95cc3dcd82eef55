package org.breadbot.processor.store;

import java.time.Duration;
import java.util.Collection;
import org.breadbot.common.json.Json;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.NoTransactionException;
import org.springframework.transaction.reactive.TransactionSynchronization;
import org.springframework.transaction.reactive.TransactionSynchronizationManager;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The {@code jobs} table: jobs are recorded in the transaction of the update that asks for them (so they exist
 * exactly when the update was applied), handed to {@code telegram.jobs} after the commit, and deleted once their
 * replies are on {@code telegram.replies}. A row handed off but not finished within its lease (a crash) is
 * handed off again. See docs/architecture.md, "Slow work: the jobs topic".
 */
@Repository
public class JobStore {

    /** Arbitrary, fixed: the key of the advisory lock that lets one relay at a time hand jobs off. */
    private static final long RELAY_LOCK = 0x6A6F62735F72656CL;

    private final DatabaseClient db;
    private final ApplicationEventPublisher events;

    JobStore(DatabaseClient db, ApplicationEventPublisher events) {
        this.db = db;
        this.events = events;
    }

    /** Records the job in the current transaction; once it commits, {@link JobsRecorded} is published. */
    public Mono<Void> enqueue(Job job) {
        return db.sql("INSERT INTO jobs (job_id, chat_id, update_id, kind, payload)"
                        + " VALUES ($1, $2, $3, $4, CAST($5 AS jsonb)) ON CONFLICT (job_id) DO NOTHING")
                .bind(0, job.id())
                .bind(1, job.chatId())
                .bind(2, job.updateId())
                .bind(3, job.kind().name())
                .bind(4, Json.mapper().writeValueAsString(job))
                .fetch()
                .rowsUpdated()
                .then(announceAfterCommit());
    }

    private Mono<Void> announceAfterCommit() {
        return TransactionSynchronizationManager.forCurrentTransaction()
                .filter(TransactionSynchronizationManager::isSynchronizationActive)
                .doOnNext(transaction -> transaction.registerSynchronization(new TransactionSynchronization() {
                    @Override
                    public Mono<Void> afterCommit() {
                        return Mono.fromRunnable(JobStore.this::announce);
                    }
                }))
                .switchIfEmpty(Mono.fromRunnable(this::announce))
                .onErrorResume(NoTransactionException.class, e -> Mono.fromRunnable(this::announce))
                .then();
    }

    private void announce() {
        events.publishEvent(new JobsRecorded());
    }

    /** Whether this instance may relay now; held until the surrounding transaction ends. */
    public Mono<Boolean> tryRelayLock() {
        return db.sql("SELECT pg_try_advisory_xact_lock($1) AS locked")
                .bind(0, RELAY_LOCK)
                .map(row -> Boolean.TRUE.equals(row.get("locked", Boolean.class)))
                .one();
    }

    /** Up to {@code limit} jobs due for hand-off, oldest first, locked until the transaction ends. */
    public Flux<PendingJob> lockDue(int limit) {
        return db.sql("SELECT id, job_id, chat_id, update_id, payload::text AS payload, publications FROM jobs"
                        + " WHERE publish_after <= now() ORDER BY id LIMIT $1 FOR UPDATE SKIP LOCKED")
                .bind(0, limit)
                .map(row -> new PendingJob(
                        row.get("id", Long.class),
                        row.get("job_id", String.class),
                        row.get("chat_id", Long.class),
                        row.get("update_id", Long.class),
                        row.get("payload", String.class),
                        row.get("publications", Integer.class)))
                .all();
    }

    /** Marks jobs handed off: they are due again only if still unfinished after {@code lease}. */
    public Mono<Long> leased(Collection<Long> rowIds, Duration lease) {
        return db.sql("UPDATE jobs SET publications = publications + 1,"
                        + " publish_after = now() + $2 * interval '1 millisecond' WHERE id = ANY($1)")
                .bind(0, rowIds.toArray(Long[]::new))
                .bind(1, lease.toMillis())
                .fetch()
                .rowsUpdated();
    }

    /**
     * Moves the leases of jobs this instance has accepted and not finished: they stay leased while they wait for
     * their chat's earlier jobs or run, and come due again only if this instance stops renewing them (a crash).
     */
    public Mono<Long> renewLeases(Collection<String> jobIds, Duration lease) {
        if (jobIds.isEmpty()) {
            return Mono.just(0L);
        }
        return db.sql("UPDATE jobs SET publish_after = now() + $2 * interval '1 millisecond' WHERE job_id = ANY($1)")
                .bind(0, jobIds.toArray(String[]::new))
                .bind(1, lease.toMillis())
                .fetch()
                .rowsUpdated();
    }

    /** Whether the job still waits to be done (false once finished or given up). */
    public Mono<Boolean> isPending(String jobId) {
        return db.sql("SELECT EXISTS (SELECT 1 FROM jobs WHERE job_id = $1) AS pending")
                .bind(0, jobId)
                .map(row -> Boolean.TRUE.equals(row.get("pending", Boolean.class)))
                .one();
    }

    /** Forgets a job: its replies are on their way, or it is given up. */
    public Mono<Long> finish(String jobId) {
        return db.sql("DELETE FROM jobs WHERE job_id = $1")
                .bind(0, jobId)
                .fetch()
                .rowsUpdated();
    }

    public Mono<Long> countPending() {
        return db.sql("SELECT count(*) AS pending FROM jobs")
                .map(row -> row.get("pending", Long.class))
                .one();
    }
}
