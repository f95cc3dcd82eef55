package org.breadbot.standalone.playground;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import org.breadbot.common.json.Json;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.util.FileSystemUtils;
import tools.jackson.databind.node.ObjectNode;

/**
 * A new user in a real browser: Debian's headless Chromium driven by Selenium through the playground page, against
 * the whole bot (webhook → Kafka → processor → PostgreSQL → Kafka → sender → emulator → page). Skipped where
 * Chromium is not installed. Leaves a screenshot at {@code target/playground.png}.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PlaygroundBrowserIT {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Path TARGET = Path.of(System.getProperty("basedir", "."), "target");
    private static final Duration WAIT = Duration.ofSeconds(45);
    private static final long ALICE = 1001;
    private static final long BORIS = 1002;
    private static final long VERA = 1003;
    private static final Set<String> COMPLETION_PHRASES =
            Set.of("Сделал", "Слушаю и повинуюсь", "Есть, сэр!", "Выполнено", "Принял");

    /** Each message on the page as plain data, read in one go so that re-rendering cannot make it stale. */
    private static final String READ_MESSAGES = """
            return Array.from(document.querySelectorAll('#messages .message')).map(m => {
              const text = m.querySelector('.text');
              const quote = m.querySelector('.quote');
              const sticker = m.querySelector('img.sticker');
              const tick = m.querySelector('.tick');
              return {
                id: Number(m.dataset.messageId), from: m.dataset.from,
                text: text ? text.textContent : '', elements: text ? text.querySelectorAll('*').length : 0,
                replyTo: quote ? Number(quote.dataset.replyTo) : -1,
                sticker: sticker ? sticker.dataset.fileId : '', stickerShown: !!sticker && sticker.naturalWidth > 0,
                status: tick ? tick.className : ''
              };
            });""";

    private static PlaygroundBot bot;
    private static WebDriver driver;
    private static Path profile;

    /** A message as {@link #READ_MESSAGES} reads it. */
    private record Shown(long id, String from, String text, long elements, long replyTo, String sticker,
            boolean stickerShown, String status) {

        static Shown of(Map<String, Object> m) {
            return new Shown(((Number) m.get("id")).longValue(), (String) m.get("from"), (String) m.get("text"),
                    ((Number) m.get("elements")).longValue(), ((Number) m.get("replyTo")).longValue(),
                    (String) m.get("sticker"), Boolean.TRUE.equals(m.get("stickerShown")), (String) m.get("status"));
        }

        boolean fromBot() {
            return "bot".equals(from);
        }
    }

    @BeforeAll
    static void start() throws IOException {
        Assumptions.assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "The browser test needs Debian's headless Chromium at " + CHROMIUM + " and " + CHROMEDRIVER
                        + "; install them with: apt-get install -y chromium chromium-driver");
        bot = PlaygroundBot.start();
        profile = Files.createTempDirectory("playground-chromium");
        ChromeOptions options = new ChromeOptions();
        // an explicit browser and driver: Selenium Manager has nothing to look up or download
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--no-first-run", "--disable-sync",
                "--disable-default-apps", "--user-data-dir=" + profile, "--window-size=1440,900", "--lang=ru-RU");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .build();
        driver = new ChromeDriver(service, options);
        driver.get(bot.url("/"));
        waitFor(d -> "true".equals(js("return document.body.dataset.ready || ''")));
    }

    @AfterAll
    static void stop() throws IOException {
        try {
            if (driver != null) {
                screenshot("playground-last.png");
                driver.quit();
            }
        } finally {
            if (bot != null) {
                bot.close();
            }
            if (profile != null) {
                FileSystemUtils.deleteRecursively(profile);
            }
        }
    }

    @Test
    @Order(1)
    void aTaughtTriggerAnswersInTheChat() {
        Shown teach = say("Хлеб добавь триггер привет=медвед");
        assertThat(botReplyTo(teach).text()).isIn(COMPLETION_PHRASES);

        Shown hello = say("привет");
        Shown answer = botReplyTo(hello);

        assertThat(answer.text()).isEqualTo("медвед");
        assertThat(answer.replyTo()).isEqualTo(hello.id());
    }

    @Test
    @Order(2)
    void aStickerRememberedAsATriggerComesBack() {
        click(By.id("media-button"));
        click(By.cssSelector("#media-palette [data-file-id='pg_sticker_bread']"));
        Shown sticker = awaitMine(shown -> "pg_sticker_bread".equals(shown.sticker()));

        click(By.cssSelector("#messages .message[data-message-id='" + sticker.id() + "'] .bubble"));
        assertThat(driver.findElement(By.id("reply-bar")).isDisplayed()).isTrue();
        Shown remember = say("Хлеб запомни триггер стикер");
        assertThat(botReplyTo(remember).text()).isIn(COMPLETION_PHRASES);

        Shown trigger = say("стикер");
        Shown answer = botReplyTo(trigger);

        assertThat(answer.sticker()).isEqualTo("pg_sticker_bread");
        waitFor(d -> messages().stream().anyMatch(shown -> shown.id() == answer.id() && shown.stickerShown()));
    }

    @Test
    @Order(3)
    void topListsTheThreeMembersWhoWrote() {
        selectMember(BORIS);
        say("Всем привет, я Борис");
        selectMember(VERA);
        say("А я Вера");
        selectMember(ALICE);

        Shown top = say("Хлеб топ");
        String answer = botReplyTo(top).text();

        assertThat(answer.lines().toList()).hasSize(4).first().isEqualTo("Топ");
        assertThat(answer).contains("Алиса Смирнова", "Борис Петров", "Вера Иванова").contains("1) ", "2) ", "3) ");
    }

    @Test
    @Order(4)
    void neitherUserTextNorBotMarkupBecomesHtml() throws Exception {
        click(By.id("new-chat"));
        driver.findElement(By.id("new-chat-title")).sendKeys("Песочница");
        click(By.cssSelector("#new-chat-form button[type='submit']"));
        waitFor(d -> "Песочница".equals(js("return document.getElementById('chat-title').textContent")));

        String hostile = "<img src=x onerror=\"document.body.dataset.pwned='1'\"><b>жирный?</b>";
        Shown mine = say(hostile);
        assertThat(mine.text()).isEqualTo(hostile);
        assertThat(mine.elements()).isZero();

        Shown choose = say("Хлеб выбери <script>document.body.dataset.pwned='2'</script> или <i>курсив</i>");
        Shown chosen = botReplyTo(choose);
        assertThat(chosen.text()).isIn("<script>document.body.dataset.pwned='2'</script>", "<i>курсив</i>");
        assertThat(chosen.elements()).isZero();

        long chat = Long.parseLong((String) js("return document.querySelector('#chats li.active').dataset.chatId"));
        emulatorSends(chat, "HTML", "<b>жирный</b> <i>курсив</i> &lt;script&gt;alert(1)&lt;/script&gt; "
                + "<a href=\"javascript:document.body.dataset.pwned='3'\">опасно</a> <a href=\"https://example.org/\">пример</a>");
        emulatorSends(chat, "MarkdownV2", "*жирно* ||спойлер|| [Вера](tg://user?id=1003) `код`");

        Shown html = awaitMessage(shown -> shown.fromBot() && shown.text().startsWith("жирный курсив"));
        assertThat(html.text()).isEqualTo("жирный курсив <script>alert(1)</script> опасно пример");
        Shown markdown = awaitMessage(shown -> shown.fromBot() && shown.text().startsWith("жирно"));
        assertThat(markdown.text()).isEqualTo("жирно спойлер Вера код");

        String htmlRow = "#messages .message[data-message-id='" + html.id() + "'] .text";
        String markdownRow = "#messages .message[data-message-id='" + markdown.id() + "'] .text";
        assertThat(texts(htmlRow + " strong")).containsExactly("жирный");
        assertThat(texts(htmlRow + " em")).containsExactly("курсив");
        assertThat(driver.findElements(By.cssSelector(htmlRow + " script"))).isEmpty();
        assertThat(texts(htmlRow + " a")).containsExactly("пример");
        assertThat(js("return document.querySelector(\"" + htmlRow + " a\").href")).isEqualTo("https://example.org/");
        assertThat(texts(htmlRow + " .link-unsafe")).containsExactly("опасно");
        assertThat(texts(markdownRow + " strong")).containsExactly("жирно");
        assertThat(texts(markdownRow + " .spoiler")).containsExactly("спойлер");
        assertThat(texts(markdownRow + " .text-mention")).containsExactly("Вера");
        assertThat(texts(markdownRow + " code")).containsExactly("код");

        click(By.cssSelector(htmlRow + " .link-unsafe"));
        assertThat(js("return document.body.dataset.pwned || 'safe'")).isEqualTo("safe");
        assertThat(js("return document.querySelectorAll('#messages .content img:not(.sticker):not(.photo)').length"))
                .isEqualTo(0L);
        screenshot("playground-formatting.png");
    }

    @Test
    @Order(5)
    void thePipelinePanelShowsWhereEachUpdateWentAndHowLongEachHopTook() throws IOException {
        click(By.cssSelector("#chats li[data-chat-id='-1001000000001']"));
        waitFor(d -> "Хлебопекарня".equals(js("return document.getElementById('chat-title').textContent")));
        long typed = System.currentTimeMillis();
        Shown question = say("Хлеб выбери чай или кофе");
        Shown answer = botReplyTo(question);
        System.out.printf("browser: answer shown %d ms after Enter%n", System.currentTimeMillis() - typed);
        assertThat(answer.text()).isIn("чай", "кофе");

        waitFor(d -> String.valueOf(js("return document.getElementById('trail').textContent"))
                .contains("«" + answer.text() + "»"));
        String panel = String.valueOf(js("return document.getElementById('trail').textContent"));
        assertThat(panel).containsPattern("telegram\\.updates · partition \\d+ · offset \\d+")
                .containsPattern("telegram\\.replies · partition \\d+ · offset \\d+")
                .containsPattern("webhook → processed \\d+ ms → published \\d+ ms → delivered \\d+ ms");
        assertThat(driver.findElement(By.id("panel")).isDisplayed()).isTrue();

        Path saved = screenshot("playground.png");
        assertThat(saved).isNotEmptyFile();
    }

    @Test
    @Order(6)
    void aNewForumHasTwoTopicsAndTheBotAnswersInTheTopicItWasAskedIn() {
        click(By.id("new-chat"));
        new Select(driver.findElement(By.id("new-chat-type"))).selectByValue("forum");
        driver.findElement(By.id("new-chat-title")).sendKeys("Форум пекарей");
        click(By.cssSelector("#new-chat-form button[type='submit']"));
        waitFor(d -> texts("#topics .topic").size() == 3);
        assertThat(texts("#topics .topic")).containsExactly("# Общий", "# Выпечка", "# Флуд");

        click(By.cssSelector("#topics .topic:nth-child(3)"));
        Shown question = say("Хлеб выбери чай или кофе");
        Shown answer = botReplyTo(question);
        assertThat(answer.text()).as("shown in the topic: the emulator echoed its message_thread_id")
                .isIn("чай", "кофе");

        click(By.cssSelector("#topics .topic:nth-child(1)"));
        waitFor(d -> messages().stream().noneMatch(shown -> shown.id() == answer.id() || shown.id() == question.id()));
        Shown general = say("Хлеб выбери да или нет");
        assertThat(botReplyTo(general).text()).isIn("да", "нет");
    }

    // ------------------------------------------------------------------ page helpers

    /** Types a message and sends it with Enter; returns it once the webhook has taken it. */
    private static Shown say(String text) {
        long before = messages().stream().mapToLong(Shown::id).max().orElse(0);
        WebElement input = driver.findElement(By.id("composer-text"));
        input.sendKeys(text);
        input.sendKeys(Keys.ENTER);
        return awaitMine(shown -> shown.id() > before && shown.text().equals(text));
    }

    private static Shown awaitMine(Predicate<Shown> which) {
        Shown shown = awaitMessage(candidate -> "me".equals(candidate.from()) && which.test(candidate)
                && !candidate.status().contains("sending"));
        assertThat(shown.status()).as("webhook answer for message %d", shown.id()).contains("sent");
        return shown;
    }

    private static Shown botReplyTo(Shown mine) {
        return awaitMessage(shown -> shown.fromBot() && shown.replyTo() == mine.id());
    }

    private static Shown awaitMessage(Predicate<Shown> which) {
        return new WebDriverWait(driver, WAIT)
                .withMessage(() -> "no such message; the page shows " + messages())
                .until(d -> messages().stream().filter(which).reduce((first, second) -> second).orElse(null));
    }

    @SuppressWarnings("unchecked")
    private static List<Shown> messages() {
        return ((List<Map<String, Object>>) js(READ_MESSAGES)).stream().map(Shown::of).toList();
    }

    private static void selectMember(long id) {
        click(By.cssSelector("#members li[data-member-id='" + id + "']"));
        waitFor(d -> Objects.equals(js("return document.querySelector('#members li.active').dataset.memberId"),
                Long.toString(id)));
    }

    /** Clicks what the selector finds, again if a re-render replaced it in between. */
    private static void click(By selector) {
        new WebDriverWait(driver, WAIT).ignoring(StaleElementReferenceException.class).until(d -> {
            d.findElement(selector).click();
            return true;
        });
    }

    @SuppressWarnings("unchecked")
    private static List<String> texts(String selector) {
        return (List<String>) js("return Array.from(document.querySelectorAll(\"" + selector
                + "\")).map(e => e.textContent)");
    }

    private static Object js(String script) {
        return ((JavascriptExecutor) driver).executeScript(script);
    }

    private static void waitFor(Function<WebDriver, Boolean> condition) {
        new WebDriverWait(driver, WAIT).until(condition::apply);
    }

    private static Path screenshot(String name) throws IOException {
        Files.createDirectories(TARGET);
        Path file = TARGET.resolve(name);
        Path shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE).toPath();
        Files.copy(shot, file, StandardCopyOption.REPLACE_EXISTING);
        return file;
    }

    /** The bot sending formatted text as any Bot API client would: straight to the emulator. */
    private static void emulatorSends(long chat, String parseMode, String text) throws Exception {
        Playground playground = bot.playground();
        ObjectNode params = Json.mapper().createObjectNode().put("chat_id", chat).put("text", text)
                .put("parse_mode", parseMode);
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                        playground.emulatorUrl() + "/bot" + playground.emulatorToken() + "/sendMessage"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(params.toString()))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    }
}
