package org.breadbot.bench;

import java.util.HashMap;
import java.util.Map;
import org.breadbot.bench.infra.Database;
import org.breadbot.bench.infra.Infrastructure;
import org.breadbot.bench.infra.JvmProcess;
import org.breadbot.bench.infra.KafkaState;
import org.breadbot.bench.infra.Launcher;
import org.breadbot.bench.report.Results;
import org.breadbot.bench.telegram.FakeBotApi;
import org.breadbot.testsupport.FakeTelegram;

/** What every scenario works with: the plan, the broker and database, the launcher and the results. */
record BenchContext(Plan plan, Infrastructure infrastructure, KafkaState kafka, Launcher launcher, Results results,
        long seed, int connections, Map<String, Double> shared) {

    /** The webhook secret every ingress is started with and the generator sends. */
    static final String SECRET = "bench-webhook-secret_0123456789";
    /** Telegram's partitions for the pipeline topics here (compose uses 6 as well): the scaling scenario needs 6. */
    static final int PARTITIONS = 6;
    static final String TOKEN = FakeTelegram.TOKEN;

    /**
     * The variables of architecture §5 for a service: broker, database, the fake Bot API, the webhook secret, and
     * 6 partitions for the topics the services create.
     */
    Map<String, String> serviceEnv(Database database, FakeBotApi telegram) {
        Map<String, String> env = new HashMap<>();
        env.put("KAFKA_BOOTSTRAP_SERVERS", infrastructure.bootstrapServers());
        if (database != null) {
            env.putAll(database.env());
        }
        env.put("TELEGRAM_BOT_TOKEN", TOKEN);
        env.put("TELEGRAM_API_BASE_URL", telegram != null ? telegram.baseUrl() : "http://127.0.0.1:9");
        env.put("TELEGRAM_WEBHOOK_SECRET", SECRET);
        env.put("BREAD_BOT_TOPICS_PARTITIONS", Integer.toString(PARTITIONS));
        return env;
    }

    /** Sender limits far above anything reachable, for runs where the fake Bot API does not limit either. */
    static Map<String, String> senderUnlimited() {
        Map<String, String> env = new HashMap<>();
        for (String limit : new String[] {"CHAT", "GROUP", "GLOBAL"}) {
            env.put("BREAD_BOT_SENDER_LIMITS_" + limit + "_MESSAGES", "1000000");
            env.put("BREAD_BOT_SENDER_LIMITS_" + limit + "_PERIOD", "1s");
            env.put("BREAD_BOT_SENDER_LIMITS_" + limit + "_BURST", "1000000");
        }
        return env;
    }

    /**
     * Processor, sender (its limits raised out of the way) and ingress against the database and the fake Bot API,
     * one after another, so that each start-up time is its own; the processor first: it applies the schema. Each
     * goes into {@code services} as soon as it runs, so the caller stops what started even if a later one fails.
     */
    void startPipeline(Database database, FakeBotApi telegram, Map<String, JvmProcess> services) {
        Map<String, String> env = serviceEnv(database, telegram);
        Map<String, String> senderEnv = new HashMap<>(env);
        senderEnv.putAll(senderUnlimited());
        services.put("processor", startService("processor", env));
        services.put("sender", startService("sender", senderEnv));
        services.put("ingress", startService("ingress", env));
    }

    /** Starts a service JVM from its exec jar. */
    JvmProcess startService(String module, Map<String, String> env) {
        return launcher.service(module, env).start();
    }
}
