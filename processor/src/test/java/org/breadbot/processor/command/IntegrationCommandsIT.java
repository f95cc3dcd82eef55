package org.breadbot.processor.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.breadbot.common.json.Json;
import org.breadbot.processor.bot.BotScenarioSupport;
import org.breadbot.processor.store.Job;
import org.breadbot.processor.store.JobKind;
import org.breadbot.testsupport.TestUsers;
import org.breadbot.testsupport.Updates;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The commands answered by a job (spec §4.2.22–4.2.32; scenarios 100, 101, 103, 104): they record the job with
 * the update and answer nothing at once. Running the jobs is {@code IntegrationsIT}'s and {@code SlowJobsIT}'s.
 */
class IntegrationCommandsIT extends BotScenarioSupport {

    private static long chat(boolean openAi) {
        long group = newGroup();
        DB.update("INSERT INTO chats (chat_id, name, morph_answer_chance, is_openai_enabled, created_at, updated_at)"
                + " VALUES (?, 'group', 0, ?, now(), now())", group, openAi);
        return group;
    }

    private static List<Job> jobs(long chatId) {
        return DB.query("SELECT payload::text AS payload FROM jobs WHERE chat_id = ? ORDER BY id", chatId).stream()
                .map(row -> Json.mapper().readValue((String) row.get("payload"), Job.class))
                .toList();
    }

    private static Map<String, Object> row(long chatId) {
        return DB.query("SELECT job_id, chat_id, update_id, kind, publications FROM jobs WHERE chat_id = ?", chatId)
                .get(0);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"цитата|QUOTE", "цит|QUOTE", "анекдот|JOKE", "шутка|JOKE", "анек|JOKE", "совет|ADVICE"})
    void contentCommandsRecordAJobAndAnswerLater(String aliasAndKind) {
        String alias = aliasAndKind.split("\\|")[0];
        JobKind kind = JobKind.valueOf(aliasAndKind.split("\\|")[1]);
        long group = chat(false);
        Updates.Builder update = Updates.text("Хлеб " + alias + " как дела, дорогой?").inGroup(group).messageId(5);

        assertThat(send(update)).isEmpty();

        Job job = jobs(group).get(0);
        assertThat(job.id()).isEqualTo(Job.idFor(group, update.id()));
        assertThat(job.kind()).isEqualTo(kind);
        assertThat(job.chatId()).isEqualTo(group);
        assertThat(job.updateId()).isEqualTo(update.id());
        assertThat(job.replyToMessageId()).isEqualTo(5);
        assertThat(job.text()).isNull();
        assertThat(row(group)).containsEntry("kind", kind.name()).containsEntry("publications", 0);
    }

    @Test
    void scenario012_theRestAfterQuoteIsIgnored() {
        long group = chat(false);

        assertThat(send(Updates.text("Хлеб цитата цит").inGroup(group))).isEmpty();
        assertThat(jobs(group)).extracting(Job::kind).containsExactly(JobKind.QUOTE);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"Хлеб представь что то прекрасное", "Хлеб что думаешь про воду", "Хлеб promt привет",
            "Хлеб мнение о хлебе", "Хлеб imagine a cat"})
    void scenario100_withoutOpenAiTheFunctionIsUnavailable(String text) {
        long group = chat(false);

        assertThat(texts(Updates.text(text).inGroup(group))).containsExactly(JobRequests.OPENAI_DISABLED);
        assertThat(jobs(group)).isEmpty();
    }

    @Test
    void scenario101_aThinkJobCarriesTheAliasAsPrePromptAndNothingIsAnsweredAtOnce() {
        long group = chat(true);
        Updates.Builder update = Updates.text("Хлеб что думаешь про воду").inGroup(group).messageId(1);

        assertThat(send(update)).isEmpty();

        Job job = jobs(group).get(0);
        assertThat(job.kind()).isEqualTo(JobKind.THINK);
        assertThat(job.prePrompt()).isEqualTo("что думаешь про");
        assertThat(job.text()).isEqualTo("воду");
        assertThat(job.chatId()).isEqualTo(group);
        assertThat(job.replyToMessageId()).isEqualTo(1);
    }

    @Test
    void theThinkAliasesAreEachTheirOwnPrePrompt() {
        long group = chat(true);
        send(Updates.text("Хлеб расскажи про воду").inGroup(group));
        send(Updates.text("Хлеб What do you think about water").inGroup(group));
        send(Updates.text("Хлеб мнение вода").inGroup(group));

        assertThat(jobs(group)).extracting(Job::prePrompt)
                .containsExactly("расскажи про", "what do you think about", "мнение");
    }

    @Test
    void scenario103_aFreePromptJobCarriesTheText() {
        long group = chat(true);

        assertThat(send(Updates.text("Хлеб promt какой-то несложный промт").inGroup(group))).isEmpty();

        Job job = jobs(group).get(0);
        assertThat(job.kind()).isEqualTo(JobKind.FREE_PROMPT);
        assertThat(job.text()).isEqualTo("какой-то несложный промт");
        assertThat(job.prePrompt()).isNull();
    }

    @Test
    void scenario104_anImagineJobCarriesThePrompt() {
        long group = chat(true);

        assertThat(send(Updates.text("Хлеб представь что то прекрасное").inGroup(group).messageId(9))).isEmpty();

        Job job = jobs(group).get(0);
        assertThat(job.kind()).isEqualTo(JobKind.IMAGINE);
        assertThat(job.text()).isEqualTo("что то прекрасное");
        assertThat(job.replyToMessageId()).isEqualTo(9);
    }

    @Test
    void anOpenAiCommandWithoutTextAsksForIt() {
        long group = chat(true);

        assertThat(texts(Updates.text("Хлеб представь").inGroup(group))).containsExactly(JobRequests.NO_PROMPT);
        assertThat(jobs(group)).isEmpty();
    }

    @Test
    void aRedeliveredUpdateRecordsItsJobOnce() {
        long group = chat(false);
        Updates.Builder update = Updates.text("Хлеб совет").inGroup(group).from(TestUsers.BOB);

        send(update);
        send(update);

        assertThat(jobs(group)).hasSize(1);
    }

    @Test
    void anEditedCommandAsksAgain() {
        long group = chat(false);

        send(Updates.text("Хлеб совет").inGroup(group).messageId(3));
        send(Updates.text("Хлеб совет").inGroup(group).messageId(3).edited());

        assertThat(jobs(group)).hasSize(2);
    }
}
