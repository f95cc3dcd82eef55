package org.breadbot.processor.pipeline;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.breadbot.common.telegram.Message;
import org.breadbot.common.telegram.Update;
import org.springframework.context.annotation.Primary;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Mono;

/**
 * The bot logic of the pipeline tests, so that they do not depend on the real one: it records each text update in
 * {@code echo_effects} (through the pipeline's transaction) and echoes it back. Texts starting with
 * {@code reject:} make it throw {@link IllegalArgumentException} after its write, {@code bug:} an
 * {@link IllegalStateException}; {@code flaky:} fails transiently on its first attempt; {@code two:} gets two
 * replies; {@code elsewhere:<chat id>} is answered in that other chat; {@code slow:<ms>} takes that long after
 * its write; {@code hold:<name>} fails transiently for as long as the test {@linkplain #hold holds} that name;
 * {@code spin:<ms>} computes for that long after its write, checking its {@link Budget} as it goes, and is the one
 * kind of update that gets an {@linkplain #overBudget over-budget answer}.
 *
 * <p>A plain class (no {@code @Configuration}/{@code @TestConfiguration}) so that no component scan of
 * {@code org.breadbot.processor} ever picks it up by accident; {@link PipelineTestApplication} imports it.
 */
@Primary
class EchoHandler implements UpdateHandler {

    static final String EFFECTS_TABLE = "CREATE TABLE echo_effects (update_id bigint NOT NULL, chat_id bigint NOT NULL, "
            + "text text NOT NULL)";

    private final DatabaseClient db;
    private final Map<Long, AtomicInteger> attempts = new ConcurrentHashMap<>();
    private final Set<String> held = ConcurrentHashMap.newKeySet();
    private final Map<Long, Long> longestSpinMillis = new ConcurrentHashMap<>();
    private final AtomicInteger spinning = new AtomicInteger();

    EchoHandler(DatabaseClient db) {
        this.db = db;
    }

    @Override
    public Mono<List<Answer>> handle(Update update, Budget budget) {
        attempts.computeIfAbsent(update.updateId(), id -> new AtomicInteger()).incrementAndGet();
        Message message = update.effectiveMessage();
        if (message == null || message.text() == null) {
            return Mono.just(List.of());
        }
        boolean firstAttempt = attempts(update.updateId()) == 1;
        return record(update.updateId(), message)
                .then(Mono.defer(() -> text(message).startsWith("spin:") ? spin(update.updateId(), message, budget)
                        : answer(message, firstAttempt)));
    }

    @Override
    public List<Answer> overBudget(Update update) {
        Message message = update.effectiveMessage();
        return message == null || !text(message).startsWith("spin:") ? List.of()
                : List.of(Answer.text(message.chat().id(), "too heavy: " + message.text(), message.messageId()));
    }

    /** The longest one attempt of {@code spin:} computed for the update before it ended, in ms; 0 if none. */
    long longestSpinMillis(long updateId) {
        return longestSpinMillis.getOrDefault(updateId, 0L);
    }

    /** Attempts of {@code spin:} computing right now. */
    int spinning() {
        return spinning.get();
    }

    private Mono<List<Answer>> spin(long updateId, Message message, Budget budget) {
        long millis = Long.parseLong(text(message).substring("spin:".length()).strip());
        long start = System.nanoTime();
        spinning.incrementAndGet();
        try {
            long blackhole = 0;
            while (System.nanoTime() - start < millis * 1_000_000) {
                for (int i = 0; i < 10_000; i++) {
                    blackhole += i ^ blackhole;
                }
                budget.check();
            }
            return Mono.just(List.of(Answer.text(message.chat().id(), "spun " + (blackhole & 1), null)));
        } finally {
            spinning.decrementAndGet();
            longestSpinMillis.merge(updateId, (System.nanoTime() - start) / 1_000_000, Math::max);
        }
    }

    private static String text(Message message) {
        return message.text() == null ? "" : message.text();
    }

    /** How often the pipeline called the handler for the update. */
    int attempts(long updateId) {
        AtomicInteger count = attempts.get(updateId);
        return count == null ? 0 : count.get();
    }

    /** Makes {@code hold:<name>} updates fail transiently until {@link #release}. */
    void hold(String name) {
        held.add(name);
    }

    void release(String name) {
        held.remove(name);
    }

    private Mono<Long> record(long updateId, Message message) {
        return db.sql("INSERT INTO echo_effects (update_id, chat_id, text) VALUES ($1, $2, $3)")
                .bind(0, updateId)
                .bind(1, message.chat().id())
                .bind(2, message.text())
                .fetch()
                .rowsUpdated();
    }

    private Mono<List<Answer>> answer(Message message, boolean firstAttempt) {
        String text = message.text();
        long chat = message.chat().id();
        if (text.startsWith("hold:") && held.contains(text.substring("hold:".length()))) {
            return Mono.error(new TransientDataAccessResourceException("held by the test"));
        }
        if (text.startsWith("flaky:") && firstAttempt) {
            return Mono.error(new TransientDataAccessResourceException("database hiccup"));
        }
        if (text.startsWith("reject:")) {
            return Mono.error(new IllegalArgumentException(text.substring("reject:".length())));
        }
        if (text.startsWith("bug:")) {
            return Mono.error(new IllegalStateException(text.substring("bug:".length())));
        }
        if (text.startsWith("elsewhere:")) {
            long other = Long.parseLong(text.substring("elsewhere:".length()));
            return Mono.just(List.of(Answer.text(other, "moved here", null)));
        }
        if (text.startsWith("slow:")) {
            long millis = Long.parseLong(text.substring("slow:".length()).strip());
            return Mono.delay(java.time.Duration.ofMillis(millis))
                    .thenReturn(List.of(Answer.text(chat, "echo: " + text, message.messageId())));
        }
        if (text.startsWith("two:")) {
            return Mono.just(List.of(Answer.text(chat, "first " + text, message.messageId()),
                    Answer.text(chat, "second " + text, null)));
        }
        return Mono.just(List.of(Answer.text(chat, "echo: " + text, message.messageId())));
    }
}
