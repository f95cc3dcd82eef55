package org.breadbot.standalone.playground;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.breadbot.common.reply.ReplyCommand;
import org.breadbot.common.reply.ReplyMethod;
import org.breadbot.standalone.playground.PipelineTrail.Position;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

class PipelineTrailTest {

    private static final long CHAT = -100;

    private final List<ObjectNode> published = new ArrayList<>();
    private final PipelineTrail trail = new PipelineTrail(published::add);

    private static ReplyCommand reply(long updateId, int position, String text) {
        return ReplyCommand.text(ReplyCommand.idFor(CHAT, updateId, position), CHAT, text, 7, updateId,
                Instant.ofEpochMilli(1_000 + position));
    }

    private JsonNode last() {
        return published.get(published.size() - 1);
    }

    @Test
    void everyHopOfAnUpdateAndItsReplyIsRecorded() {
        trail.updateStored(1, CHAT, "message", "привет", new Position("telegram.updates", 2, 15), 900L, 905);
        trail.replyPublished(reply(1, 0, "медвед"), new Position("telegram.replies", 1, 7), 1_010);
        trail.delivered(CHAT, "медвед", 42, 1_020);

        JsonNode entry = last();
        assertThat(entry.path("updateId").asLong()).isEqualTo(1);
        assertThat(entry.path("record").toString())
                .isEqualTo("{\"topic\":\"telegram.updates\",\"partition\":2,\"offset\":15}");
        assertThat(entry.path("receivedAt").asLong()).isEqualTo(900);
        JsonNode reply = entry.path("replies").get(0);
        assertThat(reply.path("processedAt").asLong()).isEqualTo(1_000);
        assertThat(reply.path("publishedAt").asLong()).isEqualTo(1_010);
        assertThat(reply.path("deliveredAt").asLong()).isEqualTo(1_020);
        assertThat(reply.path("messageId").asLong()).isEqualTo(42);
        assertThat(reply.path("record").path("offset").asLong()).isEqualTo(7);
    }

    @Test
    void aDeliverySeenBeforeItsReplyRecordIsMatchedLater() {
        trail.delivered(CHAT, "раз", 5, 2_000);
        trail.replyPublished(reply(3, 0, "раз"), new Position("telegram.replies", 0, 1), 1_990);

        assertThat(last().path("replies").get(0).path("deliveredAt").asLong()).isEqualTo(2_000);
    }

    @Test
    void repliesWithTheSameTextAreDeliveredInOrder() {
        trail.replyPublished(reply(4, 0, "да"), new Position("telegram.replies", 0, 1), 1);
        trail.replyPublished(reply(5, 0, "да"), new Position("telegram.replies", 0, 2), 2);
        trail.delivered(CHAT, "да", 10, 3);

        assertThat(last().path("updateId").asLong()).isEqualTo(4);
        assertThat(last().path("replies").get(0).path("messageId").asLong()).isEqualTo(10);
    }

    @Test
    void aRedeliveredReplyRecordIsShownOnce() {
        trail.replyPublished(reply(6, 0, "x"), new Position("telegram.replies", 0, 1), 1);
        trail.replyPublished(reply(6, 0, "x"), new Position("telegram.replies", 0, 2), 2);

        assertThat(last().path("replies")).hasSize(1);
    }

    @Test
    void onlyTheLatestUpdatesAreKept() {
        for (int i = 0; i < PipelineTrail.MAX_UPDATES + 20; i++) {
            trail.updateStored(i, CHAT, "message", "m" + i, new Position("telegram.updates", 0, i), 1L, 1);
        }
        trail.delivered(CHAT, "never matched", 1, 1);
        trail.replyPublished(ReplyCommand.media("id", CHAT, ReplyMethod.SEND_STICKER, "f", null, null, 0, null),
                new Position("telegram.replies", 0, 0), 1);

        assertThat(trail.size()).isEqualTo(PipelineTrail.MAX_UPDATES);
        assertThat(last().path("updateId").asLong()).isZero();
        assertThat(last().path("replies").get(0).path("preview").asString()).isEqualTo("f");
    }

    @Test
    void longPreviewsAreShortened() {
        trail.updateStored(1, CHAT, "message", "я".repeat(500), new Position("telegram.updates", 0, 0), 1L, 1);

        assertThat(last().path("preview").asString()).hasSize(PipelineTrail.MAX_PREVIEW).endsWith("…");
    }
}
