package org.breadbot.testsupport;

import org.apache.kafka.common.utils.Exit;
import org.breadbot.testsupport.embedded.KraftBroker;

/** The in-process KRaft broker: 3 partitions per new topic, no auto-created topics. */
final class EmbeddedKafkaBackend implements KafkaBackend {

    private final KraftBroker broker;

    private EmbeddedKafkaBackend(KraftBroker broker) {
        this.broker = broker;
    }

    static EmbeddedKafkaBackend launch() {
        // a fatal broker error must fail the test, not silently end the test JVM
        Exit.setExitProcedure((status, message) -> {
            throw new IllegalStateException("embedded Kafka asked to exit(" + status + "): " + message);
        });
        Exit.setHaltProcedure((status, message) -> {
            throw new IllegalStateException("embedded Kafka asked to halt(" + status + "): " + message);
        });
        return new EmbeddedKafkaBackend(KraftBroker.builder().defaultPartitions(3).build().start());
    }

    @Override
    public String bootstrapServers() {
        return broker.bootstrapServers();
    }

    @Override
    public void stop() {
        broker.stop();
    }

    @Override
    public void start() {
        broker.start();
    }

    @Override
    public boolean isRunning() {
        return broker.isRunning();
    }

    @Override
    public KraftBroker embedded() {
        return broker;
    }

    @Override
    public void close() {
        broker.close();
    }

    @Override
    public String toString() {
        return "embedded " + broker;
    }
}
