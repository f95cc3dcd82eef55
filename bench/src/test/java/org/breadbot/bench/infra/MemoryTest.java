package org.breadbot.bench.infra;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MemoryTest {

    @Test
    void readsResidentAndPeakResidentMemoryFromProcStatus() {
        Memory memory = Memory.parse("Name:\tjava\nVmPeak:\t 9000 kB\nVmHWM:\t  204800 kB\nVmRSS:\t  102400 kB\n");

        assertThat(memory.rssBytes()).isEqualTo(100L * 1024 * 1024);
        assertThat(memory.peakRssBytes()).isEqualTo(200L * 1024 * 1024);
        assertThat(memory.peakMiB()).isEqualTo(200.0);
    }

    @Test
    void thisProcessHasAResidentSet() {
        assertThat(Memory.of(ProcessHandle.current().pid()).peakRssBytes()).isPositive();
    }
}
