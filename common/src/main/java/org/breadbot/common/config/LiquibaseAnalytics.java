package org.breadbot.common.config;

/**
 * Turns off Liquibase's usage analytics, which Liquibase 4.30+ sends to its vendor's servers on every update
 * unless told not to. A bot that applies its schema must not phone home, and in closed networks the attempt
 * only costs time. An explicit {@code liquibase.analytics.enabled} system property still wins.
 */
public final class LiquibaseAnalytics {

    public static final String PROPERTY = "liquibase.analytics.enabled";

    private LiquibaseAnalytics() {
    }

    /** Sets {@value #PROPERTY} to false for this JVM unless it was set explicitly. */
    public static void disable() {
        if (System.getProperty(PROPERTY) == null) {
            System.setProperty(PROPERTY, "false");
        }
    }
}
