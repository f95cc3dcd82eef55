package org.breadbot.standalone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The standalone jar as a newcomer starts it, {@code java -jar standalone/target/bread-bot.jar}, with nothing set but
 * ports and a data folder: it starts quietly with a banner, and its one metrics endpoint shows every metric that
 * docs/operations.md lists, of all three services.
 */
class FirstContactIT {

    private static final Path JAR = Path.of("target", "bread-bot.jar");
    private static final Duration READY = Duration.ofSeconds(180);
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @TempDir
    static Path data;
    private static final List<String> output = new CopyOnWriteArrayList<>();
    private static Process jar;
    private static int port;
    private static int kafkaPort;
    private static List<String> untilReady;

    @BeforeAll
    static void startTheJar() throws Exception {
        if (!Files.isRegularFile(JAR)) {
            fail(JAR.toAbsolutePath() + " is missing: `./mvnw verify` packages it before the integration tests");
        }
        port = freePort();
        kafkaPort = freePort();
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx768m", "-jar", JAR.toString()).redirectErrorStream(true);
        List.of("TELEGRAM_BOT_TOKEN", "KAFKA_BOOTSTRAP_SERVERS", "DB_HOST", "BREAD_BOT_VERBOSE", "SERVER_ADDRESS")
                .forEach(builder.environment()::remove);
        builder.environment().put("SERVER_PORT", Integer.toString(port));
        builder.environment().put("BREAD_BOT_EMBEDDED_KAFKA_PORT", Integer.toString(kafkaPort));
        builder.environment().put("BREAD_BOT_DATA_DIR", data.toString());
        jar = builder.start();
        Thread reader = new Thread(() -> readInto(output), "first-contact-output");
        reader.setDaemon(true);
        reader.start();
        Awaitility.await("the banner").atMost(READY).pollInterval(Duration.ofMillis(200))
                .until(() -> !jar.isAlive() || output.stream().anyMatch(line -> line.contains("bread-bot is ready")));
        assertThat(jar.isAlive()).as("the jar is running; it printed:%n%s", String.join("\n", output)).isTrue();
        // the banner is one log event: let its last lines arrive
        Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> output.stream().anyMatch(l -> l.contains("--verbose")));
        List<String> lines = new ArrayList<>(output);
        int verboseHint = indexOf(lines, "--verbose");
        untilReady = lines.subList(0, verboseHint + 1);
    }

    @AfterAll
    static void stopTheJar() throws InterruptedException {
        if (jar != null) {
            jar.destroy();
            if (!jar.waitFor(60, TimeUnit.SECONDS)) {
                jar.destroyForcibly().waitFor();
            }
        }
    }

    @Test
    void theStartIsAScreenOfLinesEndingInABannerWithWhereEverythingIs() {
        assertThat(untilReady).as(String.join("\n", untilReady)).hasSizeLessThanOrEqualTo(30);
        assertThat(untilReady).noneMatch(line -> line.contains(" ERROR ") || line.contains("Exception"));
        String banner = String.join("\n", untilReady.subList(indexOf(untilReady, "bread-bot is ready"),
                untilReady.size()));
        assertThat(banner)
                .contains("mode        playground")
                .contains("playground  http://localhost:" + port + "/")
                .contains("webhook     http://localhost:" + port + "/telegram/webhook")
                .contains("metrics     http://localhost:" + port + "/actuator/prometheus")
                .contains("kafka       127.0.0.1:" + kafkaPort + " (embedded)")
                .containsPattern("database    localhost:\\d+/bread_bot \\(embedded\\)")
                .contains("data        " + data.toAbsolutePath());
    }

    @Test
    void oneMetricsEndpointShowsEveryDocumentedMetricOfAllThreeServices() throws Exception {
        HttpResponse<String> posted = HTTP.send(HttpRequest.newBuilder(url("/telegram/webhook"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("""
                        {"update_id":1,"message":{"message_id":1,"date":1700000000,"text":"Хлеб выбери чай или кофе",
                        "chat":{"id":-100,"type":"group","title":"Пекарня"},
                        "from":{"id":42,"is_bot":false,"first_name":"Alice"}}}""")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(posted.statusCode()).isEqualTo(200);
        List<String> documented = documentedMetrics();
        assertThat(documented).hasSizeGreaterThan(25);

        Awaitility.await("every documented metric").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1))
                .untilAsserted(() -> {
                    String scrape = get("/actuator/prometheus");
                    assertThat(scrape).contains("bread_bot_sender_deliveries_total{method=\"sendMessage\","
                            + "outcome=\"delivered\",service=\"sender\"} 1.0");
                    List<String> missing = documented.stream()
                            .filter(name -> !Pattern.compile("(?m)^" + Pattern.quote(name) + "(_bucket|_count|_sum|_max)?[{ ]")
                                    .matcher(scrape).find())
                            .toList();
                    assertThat(missing).as("documented metrics missing from the scrape").isEmpty();
                    assertThat(scrape).contains("service=\"ingress\"", "service=\"processor\"", "service=\"sender\"");
                    assertThat(scrape).containsPattern(
                            "(?m)^kafka_consumer_fetch_manager_records_lag\\{[^}]*topic=\"telegram.updates\"");
                    assertThat(scrape).containsPattern(
                            "(?m)^kafka_consumer_fetch_manager_records_lag\\{[^}]*topic=\"telegram.replies\"");
                });
    }

    /** The metric names in the first column of the metrics table of docs/operations.md; wildcards and "..." aside. */
    static List<String> documentedMetrics() throws IOException {
        List<String> names = new ArrayList<>();
        boolean inTable = false;
        for (String line : Files.readAllLines(Path.of("..", "docs", "operations.md"))) {
            if (line.startsWith("| metric | what |")) {
                inTable = true;
            } else if (inTable && !line.startsWith("|")) {
                break;
            } else if (inTable && line.startsWith("| `")) {
                String first = line.substring(1, line.indexOf('|', 1));
                Matcher names1 = Pattern.compile("`([a-z][a-z0-9_]*)[^`]*`").matcher(first);
                while (names1.find()) {
                    String name = names1.group(1);
                    if (!names1.group().contains("*") && !names1.group().contains("...") && name.contains("_")) {
                        names.add(name);
                    }
                }
            }
        }
        return names;
    }

    private static void readInto(List<String> lines) {
        try (BufferedReader reader = new BufferedReader(
                new InputStreamReader(jar.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                lines.add(line);
            }
        } catch (IOException e) {
            lines.add("(reading the output failed: " + e + ")");
        }
    }

    private static int indexOf(List<String> lines, String text) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(text)) {
                return i;
            }
        }
        throw new AssertionError("no line with " + text + " in:\n" + String.join("\n", lines));
    }

    private static String get(String path) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(url(path)).build(), HttpResponse.BodyHandlers.ofString()).body();
    }

    private static URI url(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
