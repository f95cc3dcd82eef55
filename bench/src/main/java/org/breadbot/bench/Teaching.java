package org.breadbot.bench;

import java.time.Duration;
import java.util.List;
import org.breadbot.bench.load.LoadGenerator;
import org.breadbot.bench.load.SendTimes;
import org.breadbot.bench.load.UpdateSource;
import org.breadbot.bench.telegram.FakeBotApi;
import org.breadbot.bench.workload.Workload;
import org.breadbot.bench.workload.WorkloadUpdate;

/** Teaches every chat its trigger and substring and waits for the bot's answers, so that later hits answer. */
final class Teaching {

    private Teaching() {
    }

    /** @return how many of the teaching updates were answered */
    static long teach(LoadGenerator generator, Workload workload, FakeBotApi telegram) {
        telegram.clear();
        List<WorkloadUpdate> teaching = workload.teaching();
        generator.max(UpdateSource.once(teaching), Duration.ZERO, Duration.ofMinutes(5), new SendTimes());
        ReplyLatency.settle(telegram, teaching.size(), Duration.ofSeconds(20), Duration.ofMinutes(5));
        long answered = telegram.deliveredCount();
        telegram.clear();
        return answered;
    }
}
