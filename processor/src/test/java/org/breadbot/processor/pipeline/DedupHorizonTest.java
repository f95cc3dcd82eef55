package org.breadbot.processor.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class DedupHorizonTest {

    private static final Instant NOW = Instant.parse("2026-12-07T12:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    private static DedupHorizon horizon(boolean applyBeyond) {
        return new DedupHorizon(new ProcessorProperties.Dedup(Duration.ofDays(7), Duration.ofHours(1),
                Duration.ofHours(1), applyBeyond, false), CLOCK);
    }

    @Test
    void recordsYoungerThanTheRetentionLessTheSkewAreApplied() {
        assertThat(horizon(false).skips(NOW.toEpochMilli())).isFalse();
        assertThat(horizon(false).skips(NOW.minus(Duration.ofDays(7)).plus(Duration.ofHours(1)).toEpochMilli()))
                .isFalse();
        assertThat(horizon(false).skips(NOW.plus(Duration.ofDays(1)).toEpochMilli())).as("a clock ahead").isFalse();
    }

    @Test
    void olderRecordsAreSkippedUnlessTheOperatorSaysOtherwise() {
        long old = NOW.minus(Duration.ofDays(7)).plus(Duration.ofHours(1)).minusMillis(1).toEpochMilli();

        assertThat(horizon(false).skips(old)).isTrue();
        assertThat(horizon(true).skips(old)).isFalse();
    }

    @Test
    void aRecordWithoutATimestampIsNotSkipped() {
        assertThat(horizon(false).skips(-1)).isFalse();
    }
}
