package org.breadbot.standalone.faults;

import java.time.Duration;

/**
 * How big the fault suite runs. Every build runs the short plan (outages of seconds, small loads); the Maven
 * profile {@code -Pfaults} sets {@value #FULL_PROPERTY} and runs the full one (30 s outages, bigger loads, Kafka's
 * default 45 s session timeout).
 *
 * @param chats          chats that post updates during each fault, half private chats and half groups
 * @param updatesPerChat updates each chat posts, one after another (Telegram sends a chat's next update only after
 *                       the previous one was answered 2xx)
 * @param interval       pause between two updates of a chat
 * @param warmUp         load before the fault starts
 * @param outage         how long a part stays away (broker, database, network)
 * @param storm          how many scripted Telegram errors a storm holds, per chat
 * @param sessionTimeout the broker's consumer-group session timeout, null for Kafka's default (45 s): how long
 *                       the partitions of a killed service wait before another member gets them
 * @param drain          how long, after the load, every expected reply may take to arrive
 */
record FaultPlan(
        boolean full,
        int chats,
        int updatesPerChat,
        Duration interval,
        Duration warmUp,
        Duration outage,
        int storm,
        Duration sessionTimeout,
        Duration drain) {

    static final String FULL_PROPERTY = "bread-bot.faults.full";

    static FaultPlan fromSystemProperties() {
        return Boolean.getBoolean(FULL_PROPERTY) ? fullPlan() : shortPlan();
    }

    static FaultPlan shortPlan() {
        return new FaultPlan(false, 12, 8, Duration.ofMillis(600), Duration.ofSeconds(2), Duration.ofSeconds(4), 2,
                Duration.ofSeconds(8), Duration.ofSeconds(120));
    }

    static FaultPlan fullPlan() {
        return new FaultPlan(true, 40, 40, Duration.ofSeconds(1), Duration.ofSeconds(5), Duration.ofSeconds(30), 3,
                null, Duration.ofSeconds(300));
    }

    /** This plan with another drain time, for a mutation check that expects replies never to arrive. */
    FaultPlan withDrain(Duration drain) {
        return new FaultPlan(full, chats, updatesPerChat, interval, warmUp, outage, storm, sessionTimeout, drain);
    }

    /** How long the load runs without faults: updates per chat times the interval. */
    Duration loadTime() {
        return interval.multipliedBy(updatesPerChat);
    }
}
