package org.breadbot.sender;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.breadbot.sender.SenderFixture.text;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.breadbot.common.kafka.Headers;
import org.breadbot.common.reply.ReplyCommand;
import org.breadbot.common.tracing.Trace;
import org.breadbot.testsupport.FakeResponse;
import org.breadbot.testsupport.FakeTelegram;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * The sender as an operator sees it (docs/operations.md): a reply's trace goes on to its Bot API call, the log lines
 * of its delivery carry its ids, and every metric the runbook names is on /actuator/prometheus.
 */
@ExtendWith(OutputCaptureExtension.class)
class SenderObservabilityIT {

    private static final Duration WAIT = Duration.ofSeconds(60);

    @Test
    void aRepliesTraceReachesItsBotApiCallItsIdsAreOnItsLogLinesAndTheMetricsAreExposed(CapturedOutput output) {
        long chat = -4_100_001;
        long updateId = 7_100_001;
        Trace processorHop = Trace.start();
        try (SenderFixture fixture = new SenderFixture();
                HeaderRecordingProxy proxy = HeaderRecordingProxy.to(fixture.telegram.baseUrl())) {
            fixture.with("telegram.api.base-url", proxy.baseUrl()).startSender();
            fixture.telegram.script("sendMessage", FakeResponse.tooManyRequests(1));

            ReplyCommand reply = text(chat, updateId, "traced");
            fixture.send(reply, Map.of(
                    Headers.UPDATE_ID, Long.toString(updateId),
                    Headers.CHAT_ID, Long.toString(chat),
                    Headers.RECEIVED_AT, Long.toString(System.currentTimeMillis() - 2_000),
                    Trace.TRACEPARENT, processorHop.traceparent()));
            fixture.sendRaw(Long.toString(chat), "not a reply command");
            await().atMost(WAIT).until(() -> fixture.deliveredTexts(chat).contains("traced"));

            List<String> traceparents = proxy.requests().stream()
                    .filter(request -> request.path().endsWith("/sendMessage"))
                    .map(HeaderRecordingProxy.Request::traceparent)
                    .toList();
            assertThat(traceparents).hasSize(2).allSatisfy(traceparent -> {
                Trace call = Trace.parse(traceparent).orElseThrow();
                assertThat(call.traceId()).isEqualTo(processorHop.traceId());
                assertThat(call.spanId()).isNotEqualTo(processorHop.spanId());
            });

            String ids = "[update=" + updateId + " chat=" + chat + " trace=" + processorHop.traceId() + "]";
            assertThat(output.getOut().lines().filter(line -> line.contains("Telegram asked to wait")))
                    .isNotEmpty()
                    .allMatch(line -> line.contains(ids));

            WebClient client = WebClient.create("http://127.0.0.1:" + fixture.port());
            await().atMost(WAIT).untilAsserted(() -> assertThat(prometheus(client))
                    .contains("kafka_consumer_fetch_manager_records_lag{"));
            assertThat(prometheus(client))
                    .contains("bread_bot_sender_deliveries_total{method=\"sendMessage\",outcome=\"delivered\",service=\"sender\"}")
                    .contains("bread_bot_sender_deliveries_total{method=\"unknown\",outcome=\"poison\",service=\"sender\"}")
                    .contains("bread_bot_sender_end_to_end_seconds_bucket{")
                    .contains("bread_bot_sender_rate_limit_wait_seconds_bucket{")
                    .contains("bread_bot_sender_retry_after_total{service=\"sender\"} 1.0")
                    .contains("bread_bot_sender_dlt_total{service=\"sender\"} 1.0")
                    .contains("bread_bot_sender_fenced_total{service=\"sender\"} 0.0")
                    .contains("bread_bot_sender_fatal_stop{service=\"sender\"} 0.0")
                    .containsPattern("kafka_consumer_fetch_manager_records_lag\\{[^}]*partition=\"0\"")
                    .contains("kafka_producer_record_send_total{")
                    .contains("r2dbc_pool_acquired_connections")
                    .doesNotContain(FakeTelegram.TOKEN)
                    .doesNotContain(FakeTelegram.TOKEN.substring(FakeTelegram.TOKEN.indexOf(':') + 1));
        }
    }

    private static String prometheus(WebClient client) {
        return client.get().uri("/actuator/prometheus").retrieve().bodyToMono(String.class).block(WAIT);
    }
}
