/**
 * Test fixtures shared by every bread-bot module: {@link org.breadbot.testsupport.TestKafka} (an embedded KRaft
 * broker), {@link org.breadbot.testsupport.TestPostgres} (an embedded PostgreSQL 17),
 * {@link org.breadbot.testsupport.FakeTelegram} (a fake Bot API server) and {@link org.breadbot.testsupport.Updates}
 * (builders of Telegram update JSON). The reusable servers behind the first two live in
 * {@code org.breadbot.testsupport.embedded}.
 */
package org.breadbot.testsupport;
