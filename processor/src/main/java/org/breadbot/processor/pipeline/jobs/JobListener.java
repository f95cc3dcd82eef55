package org.breadbot.processor.pipeline.jobs;

import java.time.Duration;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.breadbot.common.json.Json;
import org.breadbot.processor.store.Job;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.listener.MessageListener;

/**
 * Hands each {@code telegram.jobs} record to the {@link JobLanes} and returns: the consumer thread never waits
 * for a service, so one slow job never holds up the jobs of other chats behind it on the partition. The offset is
 * committed once the job is accepted; the job itself stays recorded in PostgreSQL until it is done, which is what
 * makes it survive a crash.
 */
final class JobListener implements MessageListener<String, byte[]> {

    private static final Logger log = LoggerFactory.getLogger(JobListener.class);

    private final JobLanes lanes;
    private final int maxRecordBytes;
    private final Duration waitForRoom;

    JobListener(JobLanes lanes, int maxRecordBytes, Duration waitForRoom) {
        this.lanes = lanes;
        this.maxRecordBytes = maxRecordBytes;
        this.waitForRoom = waitForRoom;
    }

    @Override
    public void onMessage(ConsumerRecord<String, byte[]> record) {
        Job job = parse(record.value());
        try {
            if (!lanes.offer(job, waitForRoom)) {
                throw new JobsBusyException("No room for job " + job.id() + " within " + waitForRoom);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new JobsBusyException("Interrupted while waiting for room for job " + job.id());
        }
        log.debug("Job {} ({}) of chat {} accepted from {}-{}@{}", job.id(), job.kind(), job.chatId(),
                record.topic(), record.partition(), record.offset());
    }

    /** A record that is not a job is poison: {@link IllegalArgumentException} or Jackson's, both dead-lettered. */
    Job parse(byte[] value) {
        if (value == null || value.length == 0) {
            throw new IllegalArgumentException("Empty job record");
        }
        if (value.length > maxRecordBytes) {
            throw new IllegalArgumentException("Job record of " + value.length + " bytes, more than "
                    + maxRecordBytes);
        }
        Job job = Json.mapper().readValue(value, Job.class);
        if (job == null) {
            throw new IllegalArgumentException("A null job record");
        }
        return job;
    }

    /** All lanes are full; the record is tried again after a pause. */
    static final class JobsBusyException extends RuntimeException {

        JobsBusyException(String message) {
            super(message);
        }
    }
}
