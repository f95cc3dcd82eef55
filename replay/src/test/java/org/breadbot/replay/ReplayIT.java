package org.breadbot.replay;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.breadbot.common.json.Json;
import org.breadbot.processor.command.Replies;
import org.breadbot.testsupport.TestDatabase;
import org.breadbot.testsupport.TestPostgres;
import org.breadbot.testsupport.TestUsers;
import org.breadbot.testsupport.Updates;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** {@code replay}: the processor's bot logic over a slice, against a scratch database, answers as JSON Lines. */
class ReplayIT {

    private static final Instant T0 = Instant.now().truncatedTo(ChronoUnit.MINUTES).minus(1, ChronoUnit.HOURS);
    private static final long GROUP = -1_000_000_777L;

    private UpdateTopic topic;
    private Updates.Builder teach;
    private Updates.Builder use;

    @BeforeEach
    void aChatTeachesATriggerAndThenUsesIt() {
        topic = UpdateTopic.create("replay", 3);
        teach = Updates.text("Хлеб добавь триггер привет=Медвед").inGroup(GROUP).from(TestUsers.ALICE);
        use = Updates.text("Привет").inGroup(GROUP).from(TestUsers.BOB);
        topic.send(teach, T0.toEpochMilli());
        topic.send(use, T0.plusSeconds(5).toEpochMilli());
    }

    @AfterEach
    void closeTopic() {
        topic.close();
    }

    @Test
    void aSliceThatTeachesATriggerAndThenUsesItGetsTheTaughtAnswer() {
        Tool.Run run = Tool.succeed("replay", "--topic", topic.name);

        List<JsonNode> lines = json(run);
        assertThat(lines).hasSize(2);
        JsonNode taught = lines.get(0);
        assertThat(taught.get("update_id").asLong()).isEqualTo(teach.id());
        assertThat(taught.get("chat_id").asLong()).isEqualTo(GROUP);
        assertThat(taught.get("method").asString()).isEqualTo("sendMessage");
        assertThat(Replies.completionPhrases()).contains(taught.get("text").asString());
        JsonNode answer = lines.get(1);
        assertThat(answer.get("update_id").asLong()).isEqualTo(use.id());
        assertThat(answer.get("chat_id").asLong()).isEqualTo(GROUP);
        assertThat(answer.get("method").asString()).isEqualTo("sendMessage");
        assertThat(answer.get("text").asString()).isEqualTo("Медвед");
        assertThat(answer.get("reply_to").asInt()).isEqualTo(use.messageId());
        assertThat(answer.get("position").asInt()).isZero();
        assertThat(run.err()).contains("replayed 2 updates: 2 answers, 0 failed");
    }

    @Test
    void twoRunsOfTheSameSliceAndSeedAnswerTheSame() {
        topic.send(Updates.text("Хлеб выбери чёрный или белый или бородинский").inGroup(GROUP),
                T0.plusSeconds(10).toEpochMilli());
        topic.send(Updates.text("Хлеб шанс").inGroup(GROUP), T0.plusSeconds(11).toEpochMilli());

        Tool.Run first = Tool.succeed("replay", "--topic", topic.name, "--seed", "7");
        Tool.Run second = Tool.succeed("replay", "--topic", topic.name, "--seed", "7");

        assertThat(first.lines()).hasSize(4);
        assertThat(second.out()).isEqualTo(first.out());
    }

    @Test
    void valuesThatAreNotUpdatesAndDuplicatesAreSkipped() {
        topic.sendRaw(0, "x", "not json".getBytes(StandardCharsets.UTF_8), T0.toEpochMilli(), List.of());
        topic.send(use, T0.plusSeconds(6).toEpochMilli());

        Tool.Run run = Tool.succeed("replay", "--topic", topic.name);

        assertThat(json(run)).hasSize(2);
        assertThat(run.err()).contains("replayed 2 updates: 2 answers, 0 failed, 1 skipped (not an update), "
                + "1 duplicates");
    }

    @Test
    void aGivenDatabaseMustBeEmptyUnlessAnEarlierReplayIsContinued() {
        TestDatabase database = TestPostgres.newDatabase();
        String url = database.jdbcUrl();
        String[] credentials = {"--db-url", url, "--db-user", database.user(), "--db-password", database.password()};

        Tool.Run firstRun = Tool.succeed(concat(new String[] {"replay", "--topic", topic.name, "--to",
                T0.plusSeconds(1).toString()}, credentials));
        assertThat(json(firstRun)).hasSize(1);

        Tool.Run refused = Tool.run(concat(new String[] {"replay", "--topic", topic.name}, credentials));
        assertThat(refused.exitCode()).isEqualTo(1);
        assertThat(refused.err()).contains("already has").contains("--reuse-db");

        Tool.Run continued = Tool.succeed(concat(new String[] {"replay", "--topic", topic.name, "--from",
                T0.plusSeconds(1).toString(), "--reuse-db"}, credentials));
        assertThat(json(continued)).singleElement()
                .satisfies(line -> assertThat(line.get("text").asString()).isEqualTo("Медвед"));
    }

    private static List<JsonNode> json(Tool.Run run) {
        return run.lines().stream().map(line -> Json.mapper().readTree(line)).toList();
    }

    private static String[] concat(String[] first, String[] second) {
        String[] all = new String[first.length + second.length];
        System.arraycopy(first, 0, all, 0, first.length);
        System.arraycopy(second, 0, all, first.length, second.length);
        return all;
    }
}
