package org.breadbot.standalone;

import java.util.LinkedHashMap;
import java.util.Map;
import org.breadbot.testsupport.embedded.EmbeddedDatabase;
import org.breadbot.testsupport.embedded.KraftBroker;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded Kafka broker and PostgreSQL that the standalone bot starts when none is configured, with their data
 * under the data directory so that what the bot learned survives a restart.
 */
final class EmbeddedInfrastructure implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedInfrastructure.class);

    private final KraftBroker broker;
    private final EmbeddedDatabase database;

    private EmbeddedInfrastructure(KraftBroker broker, EmbeddedDatabase database) {
        this.broker = broker;
        this.database = database;
    }

    static EmbeddedInfrastructure start(StandaloneSettings settings) {
        KraftBroker broker = null;
        EmbeddedDatabase database = null;
        if (settings.embeddedKafka()) {
            broker = KraftBroker.builder()
                    .port(settings.kafkaPort())
                    .logDirectory(settings.dataDirectory().resolve("kafka"))
                    .build();
            broker.start();
            log.info("Embedded Kafka broker listening on {}", broker.bootstrapServers());
        }
        if (settings.embeddedDatabase()) {
            database = EmbeddedDatabase.builder()
                    .dataDirectory(settings.dataDirectory().resolve("postgres"))
                    .port(settings.databasePort())
                    .stopAtExit(false)
                    .build()
                    .start();
            log.info("Embedded PostgreSQL listening on {}:{}", database.host(), database.port());
        }
        return new EmbeddedInfrastructure(broker, database);
    }

    /**
     * Properties that point the services at the embedded parts; they take the place of the environment variables
     * of architecture §5, which the services' defaults read.
     */
    Map<String, Object> properties() {
        Map<String, Object> properties = new LinkedHashMap<>();
        if (broker != null) {
            properties.put("KAFKA_BOOTSTRAP_SERVERS", broker.bootstrapServers());
        }
        if (database != null) {
            properties.put("DB_HOST", database.host());
            properties.put("DB_PORT", Integer.toString(database.port()));
            properties.put("DB_NAME", database.database());
            properties.put("DB_USER", database.user());
            properties.put("DB_PASSWORD", database.password());
        }
        return properties;
    }

    @Override
    public void close() {
        if (database != null) {
            database.stop();
        }
        if (broker != null) {
            broker.stop();
        }
    }
}
