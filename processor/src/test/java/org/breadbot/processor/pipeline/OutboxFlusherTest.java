package org.breadbot.processor.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class OutboxFlusherTest {

    @Test
    void rowsThatAreTheirChatsOldestArePublished() {
        List<OutboxRow> held = List.of(row(1, 10), row(2, 20), row(3, 10));
        List<Outbox.PendingId> pending = List.of(pending(1, 10), pending(2, 20), pending(3, 10));

        assertThat(OutboxFlusher.contiguousPrefixes(held, pending)).extracting(OutboxRow::id).containsExactly(1L, 2L, 3L);
    }

    @Test
    void aChatWhoseOlderRowIsLockedElsewhereIsSkipped() {
        // row 1 of chat 10 is being published by someone else: 3 must wait for it
        List<OutboxRow> held = List.of(row(2, 20), row(3, 10));
        List<Outbox.PendingId> pending = List.of(pending(1, 10), pending(2, 20), pending(3, 10));

        assertThat(OutboxFlusher.contiguousPrefixes(held, pending)).extracting(OutboxRow::id).containsExactly(2L);
    }

    @Test
    void aGapInTheMiddleStopsTheChatThere() {
        List<OutboxRow> held = List.of(row(1, 10), row(3, 10), row(4, 10));
        List<Outbox.PendingId> pending = List.of(pending(1, 10), pending(2, 10), pending(3, 10), pending(4, 10));

        assertThat(OutboxFlusher.contiguousPrefixes(held, pending)).extracting(OutboxRow::id).containsExactly(1L);
    }

    @Test
    void nothingHeldNothingPublished() {
        assertThat(OutboxFlusher.contiguousPrefixes(List.of(), List.of())).isEmpty();
    }

    @Test
    void aRowDeletedMeanwhileBlocksItsChat() {
        List<OutboxRow> held = List.of(row(5, 10));

        assertThat(OutboxFlusher.contiguousPrefixes(held, List.of())).isEmpty();
    }

    private static OutboxRow row(long id, long chat) {
        return new OutboxRow(id, chat + ":" + id + ":0", chat, id, "{}");
    }

    private static Outbox.PendingId pending(long id, long chat) {
        return new Outbox.PendingId(id, chat);
    }
}
