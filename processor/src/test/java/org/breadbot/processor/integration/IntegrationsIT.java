package org.breadbot.processor.integration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.breadbot.processor.integration.FakeService.Response.html;
import static org.breadbot.processor.integration.FakeService.Response.json;
import static org.breadbot.processor.integration.FakeService.Response.status;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.breadbot.common.json.Json;
import org.breadbot.common.reply.ReplyMethod;
import org.breadbot.processor.bot.BotProperties;
import org.breadbot.processor.bot.TestBotProperties;
import org.breadbot.processor.bot.TestRandom;
import org.breadbot.processor.pipeline.Answer;
import org.breadbot.processor.store.Job;
import org.breadbot.processor.store.JobKind;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;
import org.springframework.web.reactive.function.client.WebClient;
import tools.jackson.databind.JsonNode;

/**
 * Every integration against a local fake service (spec §8, §12 scenarios 96–98, 102, 104, 105): the reply on
 * success, and for each failure mode — timeout, 5xx, other status, malformed body, huge body, connection refused,
 * not configured, circuit breaker open — a friendly reply within a bounded time (issue 4 items 2 and 4).
 */
class IntegrationsIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(1);
    private static final long CHAT = 1;
    private static final int COMMAND_MESSAGE = 1;

    private FakeService service;
    private final TestRandom random = new TestRandom();

    /** The first request of a JVM loads Reactor Netty; it must not count against a test's timeout. */
    @BeforeAll
    static void warmUp() {
        try (FakeService warm = FakeService.start()) {
            warm.always("/", status(200, "warm"));
            WebClient.create(warm.baseUrl()).get().retrieve().bodyToMono(String.class).block(Duration.ofSeconds(30));
        }
    }

    @BeforeEach
    void startService() {
        service = FakeService.start();
    }

    @AfterEach
    void stopService() {
        service.close();
    }

    // ---- wiring

    private static IntegrationsProperties.Provider provider(String baseUrl, int retries) {
        return new IntegrationsProperties.Provider(baseUrl, TIMEOUT, retries, Duration.ofMillis(20),
                DataSize.ofKilobytes(64));
    }

    private static IntegrationsProperties.OpenAi openAi(String baseUrl, String key, int retries) {
        return new IntegrationsProperties.OpenAi(baseUrl, key, "org-bread", "gpt-test", "512x512", TIMEOUT, retries,
                Duration.ofMillis(20), DataSize.ofKilobytes(64));
    }

    private static IntegrationsProperties.Breaker breaker() {
        return new IntegrationsProperties.Breaker(50, 4, 4, Duration.ofSeconds(30));
    }

    private JobAnswers answers(String baseUrl, int retries) {
        return answers(new IntegrationsProperties(provider(baseUrl, retries), provider(baseUrl, retries),
                provider(baseUrl, retries), openAi(baseUrl, "test-key", retries), breaker()));
    }

    private JobAnswers answers(IntegrationsProperties properties) {
        return IntegrationsConfiguration.jobAnswers(properties,
                IntegrationsConfiguration.circuitBreakers(properties.circuitBreaker()),
                TestBotProperties.defaults(), random, null);
    }

    private static Job job(JobKind kind, String text, String prePrompt) {
        return Job.of(kind, CHAT, 100, COMMAND_MESSAGE, text, prePrompt, Instant.now());
    }

    private static List<Answer> run(JobAnswers answers, Job job) {
        return answers.answer(job).block(Duration.ofSeconds(10));
    }

    private static String onlyText(List<Answer> answers) {
        assertThat(answers).hasSize(1);
        assertThat(answers.get(0).chatId()).isEqualTo(CHAT);
        assertThat(answers.get(0).replyToMessageId()).isEqualTo(COMMAND_MESSAGE);
        assertThat(answers.get(0).method()).isEqualTo(ReplyMethod.SEND_MESSAGE);
        return answers.get(0).text();
    }

    private String quote(JobAnswers answers) {
        return onlyText(run(answers, job(JobKind.QUOTE, null, null)));
    }

    private static OfflineCollection offline(String name) {
        return OfflineCollection.load(name, bound -> 0);
    }

    private static String closedPortUrl() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return "http://127.0.0.1:" + socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    // ---- quotes

    @Test
    void scenario096_aQuoteIsItsTextABlankLineAndItsAuthor() {
        service.always("/api/1.0/", json("{\"quoteText\":\"Some text\",\"quoteAuthor\":\"some_author\"}"));

        assertThat(quote(answers(service.baseUrl(), 2))).isEqualTo("Some text\n\n© some_author");
        FakeService.Request request = service.requests().get(0);
        assertThat(request.method()).isEqualTo("GET");
        assertThat(request.path()).isEqualTo("/api/1.0/");
        assertThat(request.query().split("&")).containsExactlyInAnyOrder("method=getQuote", "key=0", "format=json",
                "lang=ru");
    }

    @Test
    void aQuoteWithoutAuthorIsByUnknownAndForismaticsInvalidEscapesAreRead() {
        service.script("/api/1.0/", json("{\"quoteText\":\"Don\\'t  \"}"),
                json("{\"quoteText\":\"a\",\"quoteAuthor\":\"\"}"));
        JobAnswers answers = answers(service.baseUrl(), 0);

        assertThat(quote(answers)).isEqualTo("Don't\n\n© Unknown");
        assertThat(quote(answers)).isEqualTo("a\n\n© ");
    }

    @Test
    void aQuoteServiceThatTimesOutIsRetriedThenAnsweredFromTheOfflineCollectionInBoundedTime() {
        service.always("/api/1.0/", json("{\"quoteText\":\"late\"}").delayed(Duration.ofSeconds(5)));

        long started = System.nanoTime();
        String reply = quote(answers(service.baseUrl(), 1));
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        assertThat(offline("quotes").entries()).contains(reply);
        assertThat(reply).endsWith("© Русская пословица");
        assertThat(service.requests()).hasSize(2);
        assertThat(took).isLessThan(Duration.ofSeconds(4));
    }

    @Test
    void aQuoteService5xxIsRetriedWithBackOffThenAnsweredFromTheOfflineCollection() {
        service.always("/api/1.0/", status(503, "busy"));

        assertThat(offline("quotes").entries()).contains(quote(answers(service.baseUrl(), 2)));
        assertThat(service.requests()).hasSize(3);
    }

    @Test
    void aPassing5xxIsRetriedIntoSuccess() {
        service.script("/api/1.0/", status(500, "oops"), status(502, "oops"))
                .always("/api/1.0/", json("{\"quoteText\":\"Третья попытка\",\"quoteAuthor\":\"Кто-то\"}"));

        assertThat(quote(answers(service.baseUrl(), 2))).isEqualTo("Третья попытка\n\n© Кто-то");
        assertThat(service.requests()).hasSize(3);
    }

    @Test
    void aClientErrorIsNotRetried() {
        service.always("/api/1.0/", status(404, "gone"));

        assertThat(offline("quotes").entries()).contains(quote(answers(service.baseUrl(), 2)));
        assertThat(service.requests()).hasSize(1);
    }

    @Test
    void aMalformedQuoteIsGarbageAndNotRetried() {
        for (String body : List.of("<html>maintenance</html>", "{\"quoteText\":", "[]", "{\"quoteText\":42}",
                "{\"quoteText\":\"   \"}", "", "null")) {
            service.reset();
            service.always("/api/1.0/", json(body));

            assertThat(quote(answers(service.baseUrl(), 2))).as(body).isEqualTo(JobAnswers.QUOTE_FAILED);
            assertThat(service.requests()).as(body).hasSize(1);
        }
    }

    @Test
    void aHugeQuoteIsGarbageAndNotReadToTheEnd() {
        service.always("/api/1.0/", FakeService.Response.huge(8 * 1024 * 1024));

        assertThat(quote(answers(service.baseUrl(), 2))).isEqualTo(JobAnswers.QUOTE_FAILED);
        assertThat(service.requests()).hasSize(1);
    }

    @Test
    void anUnreachableQuoteServiceIsAnsweredFromTheOfflineCollection() {
        assertThat(offline("quotes").entries()).contains(quote(answers(closedPortUrl(), 1)));
    }

    @Test
    void anUnconfiguredQuoteServiceIsNeverCalled() {
        JobAnswers answers = answers(new IntegrationsProperties(provider("", 2), provider("", 2), provider(" ", 2),
                openAi(service.baseUrl(), "", 0), breaker()));

        assertThat(offline("quotes").entries()).contains(quote(answers));
        assertThat(offline("jokes").entries()).contains(onlyText(run(answers, job(JobKind.JOKE, null, null))));
        assertThat(offline("advice").entries()).contains(onlyText(run(answers, job(JobKind.ADVICE, null, null))));
        assertThat(service.requests()).isEmpty();
    }

    @Test
    void aServiceThatKeepsFailingOpensItsBreakerAndIsThenNotCalledAtAll() {
        service.always("/api/1.0/", status(500, "down"));
        JobAnswers answers = answers(service.baseUrl(), 0);
        for (int i = 0; i < 4; i++) {
            quote(answers);
        }
        assertThat(service.requests()).hasSize(4);

        service.always("/api/1.0/", json("{\"quoteText\":\"back\"}").delayed(Duration.ofSeconds(5)));
        long started = System.nanoTime();
        String reply = quote(answers);

        assertThat(offline("quotes").entries()).contains(reply);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMillis(500));
        assertThat(service.requests()).hasSize(4);
        // each service has its own breaker
        service.always("/api/random", json("{\"id\":1,\"text\":\"still fine\"}"));
        assertThat(onlyText(run(answers, job(JobKind.ADVICE, null, null)))).isEqualTo("still fine");
    }

    // ---- jokes

    @Test
    void scenario098_aJokeIsTheFirstParagraphOfTheFirstArticleWithItsSource() {
        service.always("/", html("<html><body><div><p>menu</p></div><article><h1>#12</h1><p>some_joke</p>"
                + "<p>second</p></article><article><p>other</p></article></body></html>"));

        String reply = onlyText(run(answers(service.baseUrl(), 0), job(JobKind.JOKE, null, null)));

        assertThat(reply).isEqualTo("some_joke\n\n© https://baneks.ru");
        FakeService.Request request = service.requests().get(0);
        assertThat(Integer.parseInt(request.path().substring(1))).isBetween(1, JokeProvider.PAGES);
        assertThat(request.header("Accept")).isEqualTo("*/*");
    }

    @Test
    void aJokeKeepsItsLineBreaksAndDecodesEntities() {
        service.always("/", html("<article><p>\n  — Доктор,&nbsp;я&nbsp;хлеб!<br>— Это &laquo;пройдёт&raquo;.<br/>\n"
                + "</p></article>"));

        assertThat(onlyText(run(answers(service.baseUrl(), 0), job(JobKind.JOKE, null, null))))
                .isEqualTo("— Доктор, я хлеб!\n— Это «пройдёт».\n\n© https://baneks.ru");
    }

    @Test
    void scenario098_aPageWithoutAJokeTellsTheProviderFailed() {
        for (String page : List.of("<html><body><p>no article</p></body></html>", "<article><div>x</div></article>",
                "<article><p>   </p></article>", "", "\u0000\u0001binary")) {
            service.reset();
            service.always("/", html(page));

            assertThat(onlyText(run(answers(service.baseUrl(), 0), job(JobKind.JOKE, null, null))))
                    .as(page).isEqualTo(JobAnswers.JOKE_FAILED);
        }
    }

    @Test
    void anUnreachableJokeServiceIsAnsweredFromTheOfflineCollection() {
        service.always("/", status(502, "bad gateway"));

        String reply = onlyText(run(answers(service.baseUrl(), 1), job(JobKind.JOKE, null, null)));

        assertThat(offline("jokes").entries()).contains(reply);
        assertThat(reply).endsWith("© bread-bot");
        assertThat(service.requests()).hasSize(2);
    }

    // ---- advice

    @Test
    void scenario097_adviceIsItsTextOnly() {
        service.always("/api/random", json("{\"id\":7,\"text\":\"Some text\",\"sound\":\"\"}"));

        assertThat(onlyText(run(answers(service.baseUrl(), 0), job(JobKind.ADVICE, null, null))))
                .isEqualTo("Some text");
        assertThat(service.requests().get(0).path()).isEqualTo("/api/random");
    }

    @Test
    void adviceHtmlEntitiesAreDecoded() {
        service.always("/api/random", json("{\"id\":7,\"text\":\"Не&nbsp;грусти &mdash; ешь хлеб\"}"));

        assertThat(onlyText(run(answers(service.baseUrl(), 0), job(JobKind.ADVICE, null, null))))
                .isEqualTo("Не грусти — ешь хлеб");
    }

    @Test
    void malformedAdviceTellsTheProviderFailedAndSlowAdviceComesFromTheOfflineCollection() {
        service.script("/api/random", json("{\"id\":7}"), json("not json"),
                json("{\"text\":\"late\"}").delayed(Duration.ofSeconds(3)));
        JobAnswers answers = answers(service.baseUrl(), 0);

        assertThat(onlyText(run(answers, job(JobKind.ADVICE, null, null)))).isEqualTo(JobAnswers.ADVICE_FAILED);
        assertThat(onlyText(run(answers, job(JobKind.ADVICE, null, null)))).isEqualTo(JobAnswers.ADVICE_FAILED);
        assertThat(offline("advice").entries()).contains(onlyText(run(answers, job(JobKind.ADVICE, null, null))));
    }

    // ---- OpenAI

    private static String completion(String... contents) {
        StringBuilder choices = new StringBuilder();
        for (String content : contents) {
            if (choices.length() > 0) {
                choices.append(',');
            }
            choices.append("{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":")
                    .append(Json.mapper().writeValueAsString(content)).append("}}");
        }
        return "{\"id\":\"c1\",\"object\":\"chat.completion\",\"choices\":[" + choices + "]}";
    }

    @Test
    void scenario102_aThinkJobRepliesToTheCommandMessageWithTheCompletion() {
        service.always("/v1/chat/completions", json(completion("Нормальный ответ на промт")));

        String reply = onlyText(run(answers(service.baseUrl(), 0), job(JobKind.THINK, "воду", "что думаешь про")));

        assertThat(reply).isEqualTo("Нормальный ответ на промт");
        FakeService.Request request = service.requests().get(0);
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.header("Authorization")).isEqualTo("Bearer test-key");
        assertThat(request.header("OpenAI-Organization")).isEqualTo("org-bread");
        JsonNode body = Json.mapper().readTree(request.body());
        assertThat(body.path("model").asString()).isEqualTo("gpt-test");
        assertThat(body.path("messages")).hasSize(3);
        assertThat(body.path("messages").get(0).path("role").asString()).isEqualTo("system");
        assertThat(body.path("messages").get(0).path("content").asString()).isEqualTo("что думаешь про");
        assertThat(body.path("messages").get(1).path("content").asString()).isEqualTo(JobAnswers.THINK_STYLE);
        assertThat(body.path("messages").get(2).path("role").asString()).isEqualTo("user");
        assertThat(body.path("messages").get(2).path("content").asString()).isEqualTo("воду");
    }

    @Test
    void aFreePromptIsOneUserMessageAndARandomChoiceIsAnswered() {
        service.always("/v1/chat/completions", json(completion("первый", "второй", "третий")));
        random.nextInts(1);

        String reply = onlyText(run(answers(service.baseUrl(), 0),
                job(JobKind.FREE_PROMPT, "какой-то несложный промт", null)));

        assertThat(reply).isEqualTo("второй");
        JsonNode messages = Json.mapper().readTree(service.requests().get(0).body()).path("messages");
        assertThat(messages).hasSize(1);
        assertThat(messages.get(0).path("role").asString()).isEqualTo("user");
        assertThat(messages.get(0).path("content").asString()).isEqualTo("какой-то несложный промт");
    }

    @Test
    void aLongCompletionIsSplitIntoMessagesOfAtMost4096Characters() {
        service.always("/v1/chat/completions", json(completion("х".repeat(5000))));

        List<Answer> answers = run(answers(service.baseUrl(), 0), job(JobKind.FREE_PROMPT, "длинно", null));

        assertThat(answers).extracting(answer -> answer.text().length()).containsExactly(4096, 904);
        assertThat(answers).allSatisfy(answer -> assertThat(answer.replyToMessageId()).isEqualTo(COMMAND_MESSAGE));
    }

    @Test
    void scenario104_anImagineJobSendsTheDrawnPictureCaptionedWithThePromptAndTheBotsName() {
        service.always("/v1/images/generations",
                json("{\"created\":1,\"data\":[{\"url\":\"https://img.example/U.png\"}]}"));

        List<Answer> answers = run(answers(service.baseUrl(), 0), job(JobKind.IMAGINE, "что то прекрасное", null));

        assertThat(answers).hasSize(1);
        assertThat(answers.get(0).method()).isEqualTo(ReplyMethod.SEND_PHOTO);
        assertThat(answers.get(0).fileId()).isEqualTo("https://img.example/U.png");
        assertThat(answers.get(0).caption()).isEqualTo("что то прекрасное (c) Хлеб");
        assertThat(answers.get(0).replyToMessageId()).isEqualTo(COMMAND_MESSAGE);
        JsonNode body = Json.mapper().readTree(service.requests().get(0).body());
        assertThat(body.path("prompt").asString()).isEqualTo("что то прекрасное");
        assertThat(body.path("n").asInt()).isEqualTo(1);
        assertThat(body.path("size").asString()).isEqualTo("512x512");
    }

    @Test
    void aPictureWithAHugePromptKeepsItsCaptionWithinTelegramsLimit() {
        service.always("/v1/images/generations", json("{\"data\":[{\"url\":\"https://img.example/U.png\"}]}"));

        Answer picture = run(answers(service.baseUrl(), 0), job(JobKind.IMAGINE, "я".repeat(3000), null)).get(0);

        assertThat(picture.caption()).hasSize(1024).endsWith("… (c) Хлеб");
    }

    @Test
    void scenario105_withoutAKeyOpenAiIsNeverCalledAndTheUserIsTold() {
        JobAnswers answers = answers(new IntegrationsProperties(provider(service.baseUrl(), 0),
                provider(service.baseUrl(), 0), provider(service.baseUrl(), 0), openAi(service.baseUrl(), null, 0),
                breaker()));

        assertThat(onlyText(run(answers, job(JobKind.THINK, "воду", "мнение")))).isEqualTo(JobAnswers.ANSWER_FAILED);
        assertThat(onlyText(run(answers, job(JobKind.IMAGINE, "солнце", null)))).isEqualTo(JobAnswers.PICTURE_FAILED);
        assertThat(service.requests()).isEmpty();
    }

    @Test
    void openAiFailuresEachEndInTheErrorReply() {
        List<FakeService.Response> failures = List.of(status(401, "{\"error\":{\"message\":\"bad key\"}}"),
                status(500, "oops"), json("{\"choices\":[]}"), json("{\"choices\":[{\"message\":{}}]}"),
                json("not json"), FakeService.Response.huge(200_000),
                json(completion("slow")).delayed(Duration.ofSeconds(3)));
        for (FakeService.Response failure : failures) {
            service.reset();
            service.always("/v1/", failure);
            JobAnswers answers = answers(service.baseUrl(), 0);

            assertThat(onlyText(run(answers, job(JobKind.THINK, "воду", "мнение"))))
                    .isEqualTo(JobAnswers.ANSWER_FAILED);
            assertThat(onlyText(run(answers, job(JobKind.IMAGINE, "солнце", null))))
                    .isEqualTo(JobAnswers.PICTURE_FAILED);
        }
    }

    @Test
    void aDrawnPictureMustBeAWebAddress() {
        service.always("/v1/images/generations", json("{\"data\":[{\"url\":\"file:///etc/passwd\"},{\"b64\":\"x\"}]}"));

        assertThat(onlyText(run(answers(service.baseUrl(), 0), job(JobKind.IMAGINE, "солнце", null))))
                .isEqualTo(JobAnswers.PICTURE_FAILED);
    }
}
