package org.breadbot.testsupport;

import org.breadbot.testsupport.embedded.KraftBroker;

/** The one Kafka broker behind {@link TestKafka}. */
interface KafkaBackend extends AutoCloseable {

    /** {@code host:port}, stable for the whole JVM (also while the broker is stopped). */
    String bootstrapServers();

    void stop();

    void start();

    boolean isRunning();

    /** The embedded broker, for tests that need it; containers have none. */
    KraftBroker embedded();

    @Override
    void close();

    static KafkaBackend launch(Backend backend) {
        return switch (backend) {
            case EMBEDDED -> EmbeddedKafkaBackend.launch();
            case CONTAINER -> ContainerKafkaBackend.launch(System.getProperty("bread-bot.test.kafka-image",
                    ContainerKafkaBackend.DEFAULT_IMAGE));
        };
    }
}
