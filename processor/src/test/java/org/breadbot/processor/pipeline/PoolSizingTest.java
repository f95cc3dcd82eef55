package org.breadbot.processor.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PoolSizingTest {

    @Test
    void dbMaxPoolIsSharedOutPerConsumerThreadRoundingUp() {
        assertThat(PoolSizing.maxSize(20, 3)).isEqualTo(7);
        assertThat(PoolSizing.maxSize(20, 1)).isEqualTo(20);
        assertThat(PoolSizing.maxSize(21, 3)).isEqualTo(7);
        assertThat(PoolSizing.maxSize(6, 6)).isEqualTo(1);
    }

    @Test
    void aPoolNeverHasFewerThanOneConnection() {
        assertThat(PoolSizing.maxSize(1, 3)).isEqualTo(1);
        assertThat(PoolSizing.maxSize(2, 64)).isEqualTo(1);
    }
}
