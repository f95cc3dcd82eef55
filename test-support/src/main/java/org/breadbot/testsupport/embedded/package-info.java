/**
 * Embedded servers that keep their data across restarts: {@link org.breadbot.testsupport.embedded.KraftBroker}
 * (Kafka 4, KRaft) and {@link org.breadbot.testsupport.embedded.EmbeddedDatabase} (PostgreSQL 17), used by the test
 * fixtures and by the {@code standalone} module.
 */
package org.breadbot.testsupport.embedded;
