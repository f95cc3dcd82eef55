package org.breadbot.processor.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.breadbot.common.json.Json;
import org.breadbot.common.telegram.MessageEntity;
import org.breadbot.common.telegram.User;
import org.breadbot.processor.pipeline.Answer;
import org.breadbot.processor.store.MemberRow;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class MentionsTest {

    private static MemberRow withUsername(long id, String username) {
        return new MemberRow(id, id, username, "Имя" + id, "", false);
    }

    private static MemberRow withoutUsername(long id, String first, String last) {
        return new MemberRow(id, id, Long.toString(id), first, last, false);
    }

    @Test
    void usernamesAreMentionedWithAtAndNamesWithATextMention() {
        List<Answer> answers = Mentions.of(List.of(withUsername(1, "anna"), withoutUsername(2, "Ёжик", "в тумане")),
                -5, 9, 4096);

        assertThat(answers).hasSize(1);
        Answer answer = answers.get(0);
        assertThat(answer.chatId()).isEqualTo(-5);
        assertThat(answer.replyToMessageId()).isEqualTo(9);
        assertThat(answer.parseMode()).isNull();
        assertThat(answer.text()).isEqualTo("@anna Ёжик в тумане");
        assertThat(answer.entities()).containsExactly(
                new MessageEntity("mention", 0, 5, null, null, null),
                new MessageEntity("text_mention", 6, 13, null, new User(2, false, "Ёжик", "в тумане", null, null),
                        null));
    }

    @Test
    void aMemberWithoutAnyNameIsMentionedByTheirId() {
        assertThat(Mentions.of(List.of(withoutUsername(77, " ", "")), 1, 1, 4096).get(0).text()).isEqualTo("77");
    }

    @Test
    void offsetsCountUtf16CodeUnits() {
        Answer answer = Mentions.of(List.of(withoutUsername(1, "🍞🍞", null), withUsername(2, "bob")), 1, 1, 4096)
                .get(0);
        assertThat(answer.text()).isEqualTo("🍞🍞 @bob");
        assertThat(answer.entities().get(0).length()).isEqualTo(4);
        assertThat(answer.entities().get(1).offset()).isEqualTo(5);
    }

    @Test
    void messagesStayWithinTheTextLimitAndNeverSplitAMention() {
        List<MemberRow> members = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            members.add(withUsername(i, "user_with_a_long_name_" + i));
        }
        List<Answer> answers = Mentions.of(members, 1, 1, 100);

        assertThat(answers).hasSizeGreaterThan(1).allSatisfy(answer -> {
            assertThat(answer.text().length()).isLessThanOrEqualTo(100);
            assertThat(answer.entities()).allSatisfy(entity -> assertThat(
                    answer.text().substring(entity.offset(), entity.offset() + entity.length()))
                    .matches("@user_with_a_long_name_\\d+"));
        });
        assertThat(answers.stream().mapToInt(answer -> answer.entities().size()).sum()).isEqualTo(30);
    }

    @Test
    void aHundredMentionsAtMostPerMessage() {
        List<MemberRow> members = new ArrayList<>();
        for (int i = 0; i < 201; i++) {
            members.add(withUsername(i, "u" + i));
        }
        assertThat(Mentions.of(members, 1, 1, 4096)).extracting(answer -> answer.entities().size())
                .containsExactly(100, 100, 1);
    }

    @Test
    void theEntitiesTravelAsTheBotApiSpellsThem() {
        Answer answer = Mentions.of(List.of(withUsername(1, "anna"), withoutUsername(2, "Ёжик", null)), -5, 9, 4096)
                .get(0);
        JsonNode json = Json.mapper().valueToTree(answer.entities());

        assertThat(json.get(0).get("type").asString()).isEqualTo("mention");
        assertThat(json.get(1).get("type").asString()).isEqualTo("text_mention");
        assertThat(json.get(1).get("offset").asInt()).isEqualTo(6);
        assertThat(json.get(1).get("length").asInt()).isEqualTo(4);
        assertThat(json.get(1).get("user").get("id").asLong()).isEqualTo(2);
        assertThat(json.get(1).get("user").get("first_name").asString()).isEqualTo("Ёжик");
        assertThat(json.get(1).get("user").has("last_name")).isFalse();
    }

    @Test
    void nobodyToCallMeansNoMessage() {
        assertThat(Mentions.of(List.of(), 1, 1, 4096)).isEmpty();
    }
}
