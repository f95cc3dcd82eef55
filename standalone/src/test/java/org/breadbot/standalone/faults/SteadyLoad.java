package org.breadbot.standalone.faults;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.breadbot.common.telegram.User;
import org.breadbot.testsupport.TestUsers;
import org.breadbot.testsupport.Updates;

/**
 * Telegram's side of the webhook under a steady load: every chat posts its updates one after another, in bursts of
 * {@value #BURST}, and an update that is not answered 2xx is posted again (same body, same {@code update_id}) until
 * it is, before the chat's next one, as Telegram's per-chat delivery queue does (telegram-bot-api.md §4.3; the retry
 * pause is shortened).
 *
 * <p>Three of four updates are {@code Хлеб выбери <n>} (answered with {@code n}); every fourth teaches a trigger
 * with a key of its own, an effect the database must hold exactly once.
 */
final class SteadyLoad {

    private static final Duration RETRY_PAUSE = Duration.ofMillis(500);
    /**
     * A chat posts this many updates back to back (each once the previous one got its 2xx, as Telegram does), then
     * waits; so that the order check sees updates of one chat milliseconds apart, not only an interval apart.
     */
    private static final int BURST = 4;
    private static final Duration GIVE_UP = Duration.ofMinutes(10);

    /** One update as posted. */
    record Posted(long chatId, long updateId, int messageId, int index, String text, String taughtKey) {
    }

    private final String webhookUrl;
    private final String secret;
    private final FaultPlan plan;
    private final long firstChat;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final List<Posted> acked = new CopyOnWriteArrayList<>();
    private final Map<Integer, AtomicInteger> refusals = new ConcurrentHashMap<>();
    private final AtomicInteger posts = new AtomicInteger();
    private final List<Long> chats = new ArrayList<>();
    private volatile boolean redeliver;
    private ExecutorService threads;
    private List<Future<?>> running;

    SteadyLoad(String webhookUrl, String secret, FaultPlan plan, long firstChat) {
        this.webhookUrl = webhookUrl;
        this.secret = secret;
        this.plan = plan;
        this.firstChat = firstChat;
    }

    /**
     * Every third update is posted once more after its 2xx, same body and {@code update_id}, as Telegram does when
     * its request timed out before the answer came: the processor must not apply it twice.
     */
    SteadyLoad redelivering() {
        this.redeliver = true;
        return this;
    }

    /** Starts every chat's poster, spread over one interval. */
    SteadyLoad start() {
        threads = Executors.newFixedThreadPool(plan.chats(), runnable -> {
            Thread thread = new Thread(runnable, "steady-load");
            thread.setDaemon(true);
            return thread;
        });
        running = new ArrayList<>();
        for (int i = 0; i < plan.chats(); i++) {
            long userId = firstChat + i;
            boolean group = i % 2 == 1;
            long chatId = group ? -userId : userId;
            chats.add(chatId);
            User user = TestUsers.user(userId, "Fault", "User" + i, "fault_" + userId);
            Duration offset = plan.interval().multipliedBy(i).dividedBy(plan.chats());
            running.add(threads.submit(() -> postChat(chatId, group, user, offset)));
        }
        return this;
    }

    /** Waits for every chat to have posted (and got 2xx for) all its updates. */
    void await() throws Exception {
        for (Future<?> chat : running) {
            chat.get(GIVE_UP.toMillis(), TimeUnit.MILLISECONDS);
        }
        threads.shutdown();
    }

    void stop() {
        if (threads != null) {
            threads.shutdownNow();
        }
    }

    List<Long> chats() {
        return List.copyOf(chats);
    }

    /** Updates answered 2xx, each once, in the order their chat posted them. */
    List<Posted> acked() {
        return List.copyOf(acked);
    }

    /** Webhook requests made, every retry included. */
    int posted() {
        return posts.get();
    }

    /** Non-2xx answers seen along the way, by status (0 = no answer), e.g. 503 while Kafka was away. */
    Map<Integer, Integer> refusals() {
        Map<Integer, Integer> counts = new TreeMap<>();
        refusals.forEach((status, count) -> counts.put(status, count.get()));
        return counts;
    }

    private void postChat(long chatId, boolean group, User user, Duration offset) {
        ServiceProcess.sleep(offset);
        long burstStarted = System.nanoTime();
        for (int index = 0; index < plan.updatesPerChat(); index++) {
            String key = index % 4 == 3 ? "fk" + chatId + "x" + index : null;
            String text = key != null ? "Хлеб добавь триггер " + key + "=ответ " + index : "Хлеб выбери " + index;
            Updates.Builder update = Updates.text(text).from(user);
            if (group) {
                update.inGroup(chatId, "Fault group " + chatId);
            }
            postUntilAccepted(update.json());
            acked.add(new Posted(chatId, update.id(), update.messageId(), index, text, key));
            if (redeliver && index % 3 == 1) {
                postUntilAccepted(update.json());
            }
            if (index % BURST == BURST - 1) {
                long left = plan.interval().multipliedBy(BURST).toNanos() - (System.nanoTime() - burstStarted);
                if (left > 0) {
                    ServiceProcess.sleep(Duration.ofNanos(left));
                }
                burstStarted = System.nanoTime();
            }
        }
    }

    private void postUntilAccepted(String body) {
        Instant giveUp = Instant.now().plus(GIVE_UP);
        while (Instant.now().isBefore(giveUp)) {
            int status = post(body);
            if (status >= 200 && status < 300) {
                return;
            }
            refusals.computeIfAbsent(status, any -> new AtomicInteger()).incrementAndGet();
            ServiceProcess.sleep(RETRY_PAUSE);
        }
        throw new IllegalStateException("update never accepted: " + body);
    }

    private int post(String body) {
        posts.incrementAndGet();
        HttpRequest request = HttpRequest.newBuilder(URI.create(webhookUrl))
                .header("Content-Type", "application/json")
                .header("X-Telegram-Bot-Api-Secret-Token", secret)
                .timeout(Duration.ofSeconds(60))
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                .build();
        try {
            return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException noAnswer) {
            return 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
