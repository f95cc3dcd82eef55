package org.breadbot.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import picocli.CommandLine.TypeConversionException;

class TimeRangeTest {

    private final SliceOptions.InstantConverter converter = new SliceOptions.InstantConverter();

    @Test
    void fromIsInclusiveAndToExclusive() {
        TimeRange range = new TimeRange(Instant.ofEpochMilli(1_000), Instant.ofEpochMilli(2_000));

        assertThat(range.contains(999)).isFalse();
        assertThat(range.contains(1_000)).isTrue();
        assertThat(range.contains(1_999)).isTrue();
        assertThat(range.contains(2_000)).isFalse();
    }

    @Test
    void subMillisecondBoundsRoundUpToTheNextRecordTimestamp() {
        TimeRange range = new TimeRange(Instant.ofEpochMilli(1_000).plusNanos(1),
                Instant.ofEpochMilli(2_000).plusNanos(1));

        assertThat(range.contains(1_000)).isFalse();
        assertThat(range.contains(1_001)).isTrue();
        assertThat(range.contains(2_000)).isTrue();
        assertThat(range.contains(2_001)).isFalse();
    }

    @Test
    void openEndsAcceptEverything() {
        assertThat(TimeRange.ALL.contains(Long.MIN_VALUE)).isTrue();
        assertThat(TimeRange.ALL.contains(Long.MAX_VALUE)).isTrue();
    }

    @Test
    void isoTimesWithOffsetOrZoneAreAccepted() {
        Instant expected = Instant.parse("2026-05-01T00:00:00Z");

        assertThat(converter.convert("2026-05-01T00:00:00Z")).isEqualTo(expected);
        assertThat(converter.convert("2026-05-01T03:00+03:00")).isEqualTo(expected);
        assertThat(converter.convert("2026-05-01T03:00:00+03:00[Europe/Moscow]")).isEqualTo(expected);
    }

    @Test
    void localTimesAndNonsenseAreRefused() {
        for (String bad : new String[] {"2026-05-01T00:00:00", "2026-05-01", "yesterday", ""}) {
            assertThatThrownBy(() -> converter.convert(bad)).isInstanceOf(TypeConversionException.class)
                    .hasMessageContaining("with zone");
        }
    }
}
