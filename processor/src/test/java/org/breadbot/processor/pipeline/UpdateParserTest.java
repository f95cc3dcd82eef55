package org.breadbot.processor.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.breadbot.testsupport.TestUsers;
import org.breadbot.testsupport.Updates;
import org.junit.jupiter.api.Test;
import tools.jackson.core.JacksonException;

class UpdateParserTest {

    private final UpdateParser parser = new UpdateParser(64 * 1024);

    @Test
    void groupMessageIsKeyedByItsChat() {
        byte[] json = Updates.text("Хлеб топ").inGroup(-100L).from(TestUsers.ALICE).id(42).bytes();

        IncomingUpdate update = parser.parse(json);

        assertThat(update.updateId()).isEqualTo(42);
        assertThat(update.chatId()).isEqualTo(-100L);
        assertThat(update.type()).isEqualTo("message");
        assertThat(update.update().message().text()).isEqualTo("Хлеб топ");
    }

    @Test
    void nulCharactersAreDroppedFromEveryStringSincePostgresCannotStoreThem() {
        byte[] json = Updates.text("Хлеб добавь триггер a\u0000b=c\u0000d \u202Ee").inGroup(-100L)
                .from(TestUsers.user(5, "Ev\u0000e", null, "eve")).id(43).bytes();

        IncomingUpdate update = parser.parse(json);

        assertThat(update.update().message().text()).isEqualTo("Хлеб добавь триггер ab=cd \u202Ee");
        assertThat(update.update().message().from().firstName()).isEqualTo("Eve");
    }

    @Test
    void unknownKindsAndFieldsAreAccepted() {
        IncomingUpdate update = parse("{\"update_id\":7,\"future_kind\":{\"from\":{\"id\":5}},\"extra\":1}");

        assertThat(update.updateId()).isEqualTo(7);
        assertThat(update.chatId()).isEqualTo(5);
        assertThat(update.update().message()).isNull();
    }

    @Test
    void aChatIdThatJacksonWouldCoerceIsMalformedNotKeyedByTheUser() {
        for (String id : new String[] {"\"-100\"", "-100.0"}) {
            assertThatThrownBy(() -> parse("{\"update_id\":7,\"message\":{\"message_id\":1,\"date\":1,"
                    + "\"chat\":{\"id\":" + id + ",\"type\":\"group\"},\"from\":{\"id\":5,\"is_bot\":false,"
                    + "\"first_name\":\"A\"}}}"))
                    .as(id).isInstanceOf(MalformedUpdateException.class)
                    .hasMessage("the chat id of message is not an integer");
        }
    }

    @Test
    void emptyOrMissingValueIsMalformed() {
        assertThatThrownBy(() -> parser.parse(new byte[0])).isInstanceOf(MalformedUpdateException.class);
        assertThatThrownBy(() -> parser.parse(null)).isInstanceOf(MalformedUpdateException.class);
    }

    @Test
    void notJsonIsAJsonError() {
        assertThatThrownBy(() -> parse("not json at all")).isInstanceOf(JacksonException.class);
        assertThatThrownBy(() -> parse("{\"update_id\":1,")).isInstanceOf(JacksonException.class);
    }

    @Test
    void jsonWithoutAnIntegerUpdateIdIsMalformed() {
        assertThatThrownBy(() -> parse("[1,2]")).isInstanceOf(MalformedUpdateException.class);
        assertThatThrownBy(() -> parse("42")).isInstanceOf(MalformedUpdateException.class);
        assertThatThrownBy(() -> parse("{\"message\":{}}")).isInstanceOf(MalformedUpdateException.class);
        assertThatThrownBy(() -> parse("{\"update_id\":\"1\"}")).isInstanceOf(MalformedUpdateException.class);
        assertThatThrownBy(() -> parse("{\"update_id\":1.5}")).isInstanceOf(MalformedUpdateException.class);
        assertThatThrownBy(() -> parse("{\"update_id\":123456789012345678901234567890}"))
                .isInstanceOf(MalformedUpdateException.class);
    }

    @Test
    void oversizedValueIsMalformedWithoutBeingRead() {
        byte[] big = ("{\"update_id\":1,\"x\":\"" + "a".repeat(70 * 1024) + "\"}").getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> parser.parse(big))
                .isInstanceOf(MalformedUpdateException.class)
                .hasMessageContaining("larger than the limit");
    }

    @Test
    void hostilelyDeepNestingIsAJsonError() {
        String deep = "{\"update_id\":1,\"message\":" + "[".repeat(5000) + "]".repeat(5000) + "}";

        assertThatThrownBy(() -> parse(deep)).isInstanceOf(JacksonException.class);
    }

    @Test
    void wrongShapeOfAKnownFieldIsAJsonError() {
        assertThatThrownBy(() -> parse("{\"update_id\":1,\"message\":{\"message_id\":\"x\",\"chat\":{\"id\":1}}}"))
                .isInstanceOf(JacksonException.class);
    }

    private IncomingUpdate parse(String json) {
        return parser.parse(json.getBytes(StandardCharsets.UTF_8));
    }
}
