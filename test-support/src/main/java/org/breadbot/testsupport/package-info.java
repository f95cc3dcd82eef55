/**
 * Test fixtures shared by every bread-bot module: {@link org.breadbot.testsupport.TestKafka} (one Kafka broker per
 * test JVM), {@link org.breadbot.testsupport.TestPostgres} (one PostgreSQL 17 per test JVM, a fresh database per
 * call), {@link org.breadbot.testsupport.FakeTelegram} (a fake Bot API server) and
 * {@link org.breadbot.testsupport.Updates} (builders of Telegram update JSON). The reusable embedded servers live in
 * {@code org.breadbot.testsupport.embedded}.
 *
 * <h2>JUnit 5 extension</h2>
 * {@link org.breadbot.testsupport.BreadBotInfrastructure @BreadBotInfrastructure} on a test class resolves
 * {@link org.breadbot.testsupport.KafkaBroker}, {@link org.breadbot.testsupport.TestDatabase} (one per test class)
 * and {@link org.breadbot.testsupport.FakeTelegram} (one per test class, closed after it) parameters, backed by the
 * same once-per-JVM servers as the static facades; see {@link org.breadbot.testsupport.BreadBotExtension}.
 *
 * <h2>Embedded servers or Testcontainers</h2>
 * Each server is chosen once per JVM, on first use:
 * <ul>
 *   <li>{@code -Dbread-bot.test.kafka=embedded|container} and {@code -Dbread-bot.test.postgres=embedded|container}
 *       force one fixture's choice;</li>
 *   <li>otherwise {@code -Dbread-bot.test.docker=false} means embedded, {@code =true} means containers (failing
 *       without Docker), and by default containers are used exactly when Testcontainers finds a Docker engine
 *       ({@code DockerClientFactory.isDockerAvailable()}).</li>
 * </ul>
 * Embedded: an in-process KRaft broker on {@code 127.0.0.1} and zonky's PostgreSQL 17 on {@code localhost}.
 * Containers: {@code apache/kafka:4.1.2} (KRaft; {@code -Dbread-bot.test.kafka-image} overrides) and
 * {@code postgres:17} ({@code -Dbread-bot.test.postgres-image}), with the same user, password, 3 default partitions
 * and no topic auto-creation. {@link org.breadbot.testsupport.TestKafka#stop()}/{@code start()} work on both: the
 * container's client port is bound to a fixed host port and the same container is stopped and started through the
 * Docker API, keeping its topics and address. That container path has not been run on a machine without Docker;
 * a module whose outage tests must not depend on it pins {@code -Dbread-bot.test.kafka=embedded} (e.g. in its
 * Failsafe {@code systemPropertyVariables}). {@link org.breadbot.testsupport.TestKafka#broker()} and
 * {@link org.breadbot.testsupport.TestPostgres#server()} return the embedded servers and fail when containers are
 * in use.
 */
package org.breadbot.testsupport;
