package org.breadbot.bench.workload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.breadbot.common.json.Json;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class WorkloadTest {

    private final ChatPopulation population = ChatPopulation.of(1_000, 1.1);

    @Test
    void chatActivityIsZipfSkewed() {
        Workload workload = new Workload(population, UpdateMix.standard(), 1);
        int[] counts = new int[population.size()];
        for (int i = 0; i < 100_000; i++) {
            counts[workload.nextChatIndex()]++;
        }

        int[] sorted = counts.clone();
        Arrays.sort(sorted);
        int median = sorted[sorted.length / 2];
        // Zipf 1.1 over 1,000 chats: the busiest chat has about 18 % of the traffic
        assertThat(counts[0]).isBetween(15_000, 21_000);
        assertThat(counts[0]).isGreaterThan(counts[9] * 5);
        assertThat(counts[0]).isGreaterThan(median * 100);
    }

    @Test
    void theSameSeedGivesTheSameUpdatesApartFromTheirIds() {
        List<String> first = describe(new Workload(population, UpdateMix.standard(), 42).next(500));
        List<String> second = describe(new Workload(population, UpdateMix.standard(), 42).next(500));
        List<String> other = describe(new Workload(population, UpdateMix.standard(), 43).next(500));

        assertThat(second).isEqualTo(first);
        assertThat(other).isNotEqualTo(first);
    }

    @Test
    void theMixHasTheIntendedShareOfEachKind() {
        List<WorkloadUpdate> updates = new Workload(population, UpdateMix.standard(), 3).next(20_000);
        Map<UpdateKind, Integer> counts = new EnumMap<>(UpdateKind.class);
        updates.forEach(update -> counts.merge(update.kind(), 1, Integer::sum));

        assertThat(counts.get(UpdateKind.PLAIN) / 20_000.0).isCloseTo(0.60, within(0.02));
        assertThat(counts.get(UpdateKind.TRIGGER) / 20_000.0).isCloseTo(0.15, within(0.02));
        assertThat(counts.get(UpdateKind.SUBSTRING) / 20_000.0).isCloseTo(0.10, within(0.02));
        assertThat(counts.get(UpdateKind.COMMAND) / 20_000.0).isCloseTo(0.15, within(0.02));
    }

    @Test
    void updatesAreTelegramShapedWithUniqueIdsAndIncreasingMessageIdsPerChat() {
        Workload workload = new Workload(population, UpdateMix.standard(), 5);
        List<WorkloadUpdate> updates = workload.next(5_000);
        Map<Long, Integer> lastMessage = new HashMap<>();
        long lastUpdateId = 0;

        for (WorkloadUpdate update : updates) {
            JsonNode json = Json.mapper().readTree(update.body());
            assertThat(json.path("update_id").asLong()).isEqualTo(update.updateId()).isGreaterThan(lastUpdateId);
            assertThat(json.path("message").path("chat").path("id").asLong()).isEqualTo(update.chatId());
            assertThat(json.path("message").path("message_id").asInt()).isEqualTo(update.messageId())
                    .isGreaterThan(lastMessage.getOrDefault(update.chatId(), 0));
            assertThat(json.path("message").path("chat").path("type").asString())
                    .isEqualTo(update.chatId() < 0 ? "group" : "private");
            lastMessage.put(update.chatId(), update.messageId());
            lastUpdateId = update.updateId();
        }
    }

    @Test
    void plainTextNeverHitsTheTaughtTriggerOrSubstring() {
        List<WorkloadUpdate> plain = new Workload(population, UpdateMix.standard(), 9).next(3_000).stream()
                .filter(update -> update.kind() == UpdateKind.PLAIN).toList();

        assertThat(plain).isNotEmpty().allSatisfy(update -> {
            String text = Json.mapper().readTree(update.body()).path("message").path("text").asString().toLowerCase();
            assertThat(text).isNotEqualTo(UpdateMix.TRIGGER_KEY).doesNotContain("булк").doesNotStartWith("хлеб");
        });
    }

    @Test
    void everyChatIsTaughtATriggerAndASubstring() {
        List<WorkloadUpdate> teaching = new Workload(population, UpdateMix.standard(), 1).teaching();

        assertThat(teaching).hasSize(2 * population.size()).allSatisfy(update ->
                assertThat(new String(update.body(), StandardCharsets.UTF_8)).contains("Хлеб добавь"));
        assertThat(population.chats().stream().filter(chat -> !chat.isGroup()).count()).isEqualTo(100);
    }

    private static List<String> describe(List<WorkloadUpdate> updates) {
        return updates.stream().map(update -> update.chatId() + "/" + update.messageId() + "/" + update.kind() + "/"
                + Json.mapper().readTree(update.body()).path("message").path("text").asString()
                + "/" + Json.mapper().readTree(update.body()).path("message").path("from").path("id").asLong())
                .toList();
    }
}
