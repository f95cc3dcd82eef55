package org.breadbot.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

class BreadBotExtensionIT {

    /** What the fixture classes were given, in order. */
    private static final List<Object> SEEN = new CopyOnWriteArrayList<>();

    private static TestExecutionSummary run(Class<?>... testClasses) {
        SEEN.clear();
        var request = LauncherDiscoveryRequestBuilder.request();
        for (Class<?> testClass : testClasses) {
            request.selectors(selectClass(testClass));
        }
        SummaryGeneratingListener listener = new SummaryGeneratingListener();
        LauncherFactory.create().execute(request.build(), listener);
        return listener.getSummary();
    }

    private static <T> List<T> seen(Class<T> type) {
        return SEEN.stream().filter(type::isInstance).map(type::cast).toList();
    }

    @Test
    void aTestClassGetsOneDatabaseAndOneFakeTelegramAndTheJvmsBroker() {
        TestExecutionSummary summary = run(SharingFixture.class);

        assertThat(summary.getFailures()).isEmpty();
        assertThat(summary.getTestsSucceededCount()).isEqualTo(2);
        // @BeforeAll, two constructors (one instance per test) and two tests
        assertThat(seen(TestDatabase.class)).hasSize(5).containsOnly(seen(TestDatabase.class).get(0));
        assertThat(seen(FakeTelegram.class)).hasSize(3).containsOnly(seen(FakeTelegram.class).get(0));
        assertThat(seen(KafkaBroker.class)).containsOnly(new KafkaBroker(TestKafka.bootstrapServers()));
    }

    @Test
    void theFakeTelegramIsClosedAfterItsClass() {
        run(SharingFixture.class);
        String baseUrl = seen(FakeTelegram.class).get(0).baseUrl();

        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        assertThatThrownBy(() -> http.send(HttpRequest.newBuilder(URI.create(baseUrl + "/bot" + FakeTelegram.TOKEN
                + "/getMe")).timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString()))
                .isInstanceOf(IOException.class);
    }

    @Test
    void everyTestClassGetsItsOwnDatabaseAndFakeTelegram() {
        TestExecutionSummary summary = run(OtherFixture.class, AnotherFixture.class);

        assertThat(summary.getFailures()).isEmpty();
        assertThat(seen(TestDatabase.class)).hasSize(2).doesNotHaveDuplicates();
        assertThat(seen(FakeTelegram.class)).hasSize(2).doesNotHaveDuplicates();
    }

    /** Run through the launcher above, never on its own (Failsafe skips nested classes). */
    @BreadBotInfrastructure
    @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
    static class SharingFixture {

        SharingFixture(TestDatabase database) {
            SEEN.add(database);
        }

        @BeforeAll
        static void createSchema(TestDatabase database, FakeTelegram telegram) {
            SEEN.add(database);
            SEEN.add(telegram);
            database.update("CREATE TABLE crumb (id int)");
        }

        @Test
        @Order(1)
        void first(TestDatabase database, FakeTelegram telegram, KafkaBroker kafka) {
            SEEN.addAll(List.of(database, telegram, kafka));
            database.update("INSERT INTO crumb VALUES (1)");
            telegram.enqueueUpdates(Updates.text("привет").json());
        }

        @Test
        @Order(2)
        void second(TestDatabase database, FakeTelegram telegram, KafkaBroker kafka) {
            SEEN.addAll(List.of(database, telegram, kafka));
            assertThat(database.query("SELECT id FROM crumb")).containsExactly(Map.of("id", 1));
        }
    }

    @BreadBotInfrastructure
    static class OtherFixture {
        @Test
        void test(TestDatabase database, FakeTelegram telegram) {
            SEEN.addAll(List.of(database, telegram));
        }
    }

    @BreadBotInfrastructure
    static class AnotherFixture {
        @Test
        void test(TestDatabase database, FakeTelegram telegram) {
            SEEN.addAll(List.of(database, telegram));
        }
    }
}
