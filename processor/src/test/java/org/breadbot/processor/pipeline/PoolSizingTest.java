package org.breadbot.processor.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PoolSizingTest {

    @Test
    void dbMaxPoolIsSharedOutPerConsumerThreadRoundingUp() {
        assertThat(PoolSizing.perThread(20, 3)).isEqualTo(7);
        assertThat(PoolSizing.perThread(20, 1)).isEqualTo(20);
        assertThat(PoolSizing.perThread(21, 3)).isEqualTo(7);
        assertThat(PoolSizing.perThread(6, 6)).isEqualTo(1);
    }

    @Test
    void theInstancePoolHoldsTheSharesOfAllItsThreads() {
        assertThat(PoolSizing.maxSize(20, 3)).isEqualTo(21);
        assertThat(PoolSizing.maxSize(20, 1)).isEqualTo(20);
        assertThat(PoolSizing.maxSize(6, 6)).isEqualTo(6);
    }

    @Test
    void everyThreadGetsAtLeastOneConnection() {
        assertThat(PoolSizing.perThread(1, 3)).isEqualTo(1);
        assertThat(PoolSizing.maxSize(1, 3)).isEqualTo(3);
        assertThat(PoolSizing.maxSize(2, 64)).isEqualTo(64);
    }
}
