package org.breadbot.common;

import static org.assertj.core.api.Assertions.assertThat;

import org.breadbot.common.json.Json;
import org.breadbot.common.telegram.UpdateEnvelope;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class UpdateEnvelopeTest {

    private static UpdateEnvelope envelope(String json) {
        JsonNode node = Json.mapper().readTree(json);
        return UpdateEnvelope.of(node).orElseThrow();
    }

    @Test
    void messageIsKeyedByItsChat() {
        UpdateEnvelope envelope = envelope("""
                {"update_id": 5, "message": {"chat": {"id": -100}, "from": {"id": 42}}}""");

        assertThat(envelope.type()).isEqualTo("message");
        assertThat(envelope.chatId()).hasValue(-100);
        assertThat(envelope.key()).isEqualTo(-100);
    }

    @Test
    void callbackQueryIsKeyedByTheChatOfItsMessage() {
        assertThat(envelope("""
                {"update_id": 5, "callback_query": {"id": "x", "from": {"id": 42}, "message": {"chat": {"id": 7}}}}
                """).key()).isEqualTo(7);
    }

    @Test
    void chatlessKindsAreKeyedByTheirUser() {
        assertThat(envelope("""
                {"update_id": 5, "inline_query": {"id": "q", "from": {"id": 42}, "query": ""}}""").key())
                .isEqualTo(42);
        assertThat(envelope("""
                {"update_id": 5, "poll_answer": {"poll_id": "p", "user": {"id": 43}}}""").key()).isEqualTo(43);
    }

    @Test
    void unknownKindsStillGetATypeAndAKey() {
        UpdateEnvelope envelope = envelope("""
                {"update_id": 77, "brand_new_kind": {"something": 1}}""");

        assertThat(envelope.type()).isEqualTo("brand_new_kind");
        assertThat(envelope.chatId()).isEmpty();
        assertThat(envelope.key()).isEqualTo(77);
    }

    @Test
    void updateWithoutKindIsUnknown() {
        assertThat(envelope("{\"update_id\": 1}").type()).isEqualTo("unknown");
    }

    @Test
    void notAnUpdateHasNoEnvelope() {
        for (String json : new String[] {"[]", "1", "\"x\"", "{}", "{\"update_id\": \"5\"}",
                "{\"update_id\": 5.5}", "{\"update_id\": null}", "{\"update_id\": 99999999999999999999999}"}) {
            assertThat(UpdateEnvelope.of(Json.mapper().readTree(json))).as(json).isEmpty();
        }
    }

    @Test
    void aChatIdThatIsThereButNotAnIntegerIsAProblemNotAFallBackToTheUser() {
        for (String id : new String[] {"\"-100\"", "-100.0", "-100.5", "null", "true", "{}", "[]",
                "99999999999999999999999"}) {
            String json = "{\"update_id\": 5, \"message\": {\"chat\": {\"id\": " + id
                    + "}, \"from\": {\"id\": 42}}}";
            UpdateEnvelope.Read read = UpdateEnvelope.read(Json.mapper().readTree(json));
            assertThat(read.valid()).as(json).isEmpty();
            assertThat(read.problem()).as(json).isEqualTo("the chat id of message is not an integer");
        }
    }

    @Test
    void aChatThatIsNotAnObjectIsAProblemToo() {
        UpdateEnvelope.Read read = UpdateEnvelope.read(Json.mapper().readTree(
                "{\"update_id\": 5, \"message\": {\"chat\": \"-100\", \"from\": {\"id\": 42}}}"));

        assertThat(read.problem()).isEqualTo("the chat id of message is not an integer");
    }

    @Test
    void aUserIdThatIsNotAnIntegerIsAProblemAndAMissingOneIsNot() {
        assertThat(UpdateEnvelope.read(Json.mapper().readTree(
                "{\"update_id\": 5, \"message\": {\"chat\": {\"id\": 1}, \"from\": {\"id\": \"42\"}}}")).problem())
                .isEqualTo("the user id of message is not an integer");
        assertThat(envelope("{\"update_id\": 5, \"message\": {\"chat\": {\"id\": -100}}}").key()).isEqualTo(-100);
    }

    @Test
    void aManagedBotIsKeyedByTheUserWhoOwnsIt() {
        assertThat(envelope("""
                {"update_id": 5, "managed_bot": {"user": {"id": 42}, "bot": {"id": 9001, "is_bot": true}}}""")
                .key()).isEqualTo(42);
    }

    @Test
    void anAnonymousPollAnswerIsKeyedByTheChatThatVoted() {
        assertThat(envelope("""
                {"update_id": 5, "poll_answer": {"poll_id": "p", "voter_chat": {"id": -100}, "option_ids": [0]}}""")
                .key()).isEqualTo(-100);
    }

    @Test
    void everyUpdateOfOnePollGetsOneKeyThatIsNotItsUpdateId() {
        UpdateEnvelope first = envelope("""
                {"update_id": 5, "poll": {"id": "5890123456789", "question": "?", "options": []}}""");
        UpdateEnvelope later = envelope("""
                {"update_id": 6, "poll": {"id": "5890123456789", "question": "?", "is_closed": true}}""");
        UpdateEnvelope other = envelope("""
                {"update_id": 7, "poll": {"id": "5890123456788", "question": "?", "options": []}}""");

        assertThat(first.key()).isEqualTo(later.key()).isNotEqualTo(other.key()).isNotEqualTo(5);
        assertThat(first.stableId()).isPresent();
    }

    @Test
    void thePollKeyIsFnv1aOfItsIdSoItStaysTheSameAcrossVersions() {
        // FNV-1a 64 of "a", the function's published test vector
        assertThat(envelope("{\"update_id\": 5, \"poll\": {\"id\": \"a\"}}").key()).isEqualTo(0xaf63dc4c8601ec8cL);
    }

    @Test
    void aPollWithoutAStringIdFallsBackToTheUpdateId() {
        assertThat(envelope("{\"update_id\": 5, \"poll\": {\"id\": 12}}").key()).isEqualTo(5);
        assertThat(envelope("{\"update_id\": 5, \"poll\": {\"question\": \"?\"}}").key()).isEqualTo(5);
    }
}
