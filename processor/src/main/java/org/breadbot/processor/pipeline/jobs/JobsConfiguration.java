package org.breadbot.processor.pipeline.jobs;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import org.breadbot.common.kafka.Topics;
import org.breadbot.processor.integration.JobAnswers;
import org.breadbot.processor.store.JobStore;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.KafkaException;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;
import org.springframework.kafka.listener.ContainerProperties;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.transaction.ReactiveTransactionManager;
import org.springframework.transaction.reactive.TransactionalOperator;
import org.springframework.util.backoff.FixedBackOff;
import tools.jackson.core.JacksonException;

/**
 * Slow work off the update path (docs/architecture.md, "Slow work: the jobs topic"): the relay hands recorded
 * jobs to {@code telegram.jobs}; a consumer group of its own accepts them into per-chat lanes that run them and
 * publish their replies to {@code telegram.replies}. It lives under {@code pipeline} because, like the pipeline, it is
 * the Kafka side of the processor: contexts with the bot logic alone (the replay tool, the bot tests) leave it out.
 */
@Configuration(proxyBeanMethods = false)
class JobsConfiguration {

    /** The jobs consumer group: separate from the updates group, so neither waits for the other. */
    static final String GROUP_ID = "bread-bot-processor-jobs";

    /** How long the consumer waits for room in full lanes before it backs off and polls again. */
    private static final Duration WAIT_FOR_ROOM = Duration.ofSeconds(5);

    @Bean
    JobMetrics jobMetrics(MeterRegistry registry) {
        return new JobMetrics(registry);
    }

    @Bean
    KafkaPublisher jobsKafkaPublisher(KafkaTemplate<String, byte[]> kafkaTemplate, JobsProperties properties) {
        return new KafkaPublisher(kafkaTemplate, properties.publishTimeout());
    }

    @Bean
    JobRunner jobRunner(JobStore jobs, JobAnswers jobAnswers, KafkaPublisher jobsKafkaPublisher, JobMetrics jobMetrics,
            ObjectProvider<Clock> clock) {
        return new JobRunner(jobs, jobAnswers, jobsKafkaPublisher, jobMetrics, clock.getIfUnique(Clock::systemUTC));
    }

    @Bean
    JobRelay jobRelay(JobStore jobs, KafkaPublisher jobsKafkaPublisher, ReactiveTransactionManager transactionManager,
            JobsProperties properties, JobMetrics jobMetrics, JobRunner jobRunner) {
        return new JobRelay(jobs, jobsKafkaPublisher, TransactionalOperator.create(transactionManager), properties,
                jobMetrics, jobRunner::giveUp);
    }

    /** Leases are renewed three times per lease, so one missed renewal never lets a held job expire. */
    @Bean
    JobLanes jobLanes(JobStore jobs, JobRunner jobRunner, JobsProperties properties) {
        return new JobLanes(jobRunner::run, jobRunner::giveUp, ids -> jobs.renewLeases(ids, properties.lease()),
                properties.lease().dividedBy(3), properties.maxRunning(), properties.maxAccepted(),
                properties.deadline());
    }

    /** How long the consumer waits for room in full lanes, a second at a time, before it gives a record up. */
    static final Duration BUSY_BOUND = Duration.ofMinutes(10);

    /**
     * The jobs consumer's error policy. Unreadable records go to the DLT at once; full lanes are waited out a second
     * at a time for up to {@link #BUSY_BOUND}; anything else is tried twice more. A record given up is
     * dead-lettered, but its job stays recorded: the relay hands it off again when its lease ends, and after
     * {@code max-hand-offs} the chat gets the failure reply. Every retry counts in
     * {@code bread_bot_jobs_retries_total{reason}}.
     */
    @Bean
    DefaultErrorHandler jobsErrorHandler(KafkaTemplate<String, byte[]> kafkaTemplate, JobMetrics jobMetrics) {
        DefaultErrorHandler handler = new DefaultErrorHandler(new JobDeadLetters(kafkaTemplate),
                new FixedBackOff(500, 2));
        handler.setBackOffFunction((record, failure) -> isBusy(failure)
                ? new FixedBackOff(1000, BUSY_BOUND.toSeconds()) : null);
        handler.addNotRetryableExceptions(JacksonException.class, IllegalArgumentException.class);
        handler.setRetryListeners((record, failure, attempt) -> jobMetrics.retried(isBusy(failure) ? "busy"
                : "failure"));
        handler.setLogLevel(KafkaException.Level.WARN);
        return handler;
    }

    private static boolean isBusy(Throwable failure) {
        return JobDeadLetters.unwrap(failure) instanceof JobListener.JobsBusyException;
    }

    @Bean
    ConcurrentMessageListenerContainer<String, byte[]> jobsListenerContainer(
            ConsumerFactory<String, byte[]> consumerFactory, JobLanes jobLanes, DefaultErrorHandler jobsErrorHandler,
            JobsProperties properties) {
        ContainerProperties containerProperties = new ContainerProperties(Topics.JOBS);
        containerProperties.setGroupId(GROUP_ID);
        containerProperties.setClientId(GROUP_ID);
        containerProperties.setAckMode(ContainerProperties.AckMode.RECORD);
        containerProperties.setPollTimeout(1000);
        containerProperties.setMessageListener(new JobListener(jobLanes, properties.maxRecordBytes(), WAIT_FOR_ROOM));
        ConcurrentMessageListenerContainer<String, byte[]> container =
                new ConcurrentMessageListenerContainer<>(consumerFactory, containerProperties);
        container.setConcurrency(properties.consumers());
        container.setCommonErrorHandler(jobsErrorHandler);
        return container;
    }
}
