package org.breadbot.bench.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class TelegramLimitsTest {

    private final TelegramLimits limits = TelegramLimits.telegram();

    @Test
    void oneGroupIsHeldByTheTighterOfItsChatAndGroupLimits() {
        assertThat(limits.capacity(List.of(-1L), 10)).isEqualTo(13); // 3 + 1/s × 10 s
        assertThat(limits.capacity(List.of(-1L), 60)).isEqualTo(40); // 20 + 20/min × 1 min
    }

    @Test
    void manyChatsAreHeldByTheGlobalLimit() {
        List<Long> chats = LongStream.rangeClosed(1, 10_000).map(id -> -id).boxed().toList();

        assertThat(limits.capacity(chats, 10)).isEqualTo(330); // 30 + 30/s × 10 s
    }

    @Test
    void unlimitedHasNoCapacityBound() {
        assertThat(TelegramLimits.unlimited().capacity(List.of(1L), 1)).isInfinite();
    }
}
