package org.breadbot.standalone.playground;

import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.support.GenericApplicationContext;
import tools.jackson.databind.node.ObjectNode;

/**
 * The local playground: a Bot API emulator that the sender talks to instead of Telegram, and a page on the ingress
 * server that talks to the bot like a Telegram group chat, through the real pipeline. Standalone only: on when no
 * bot token is configured, or when {@value #SWITCH} says so; never part of the service images.
 */
public final class Playground implements AutoCloseable {

    /** {@code false} turns the playground off; {@code true} is the default without a token and refused with one. */
    public static final String SWITCH = "BREAD_BOT_PLAYGROUND_ENABLED";

    private static final Logger log = LoggerFactory.getLogger(Playground.class);
    private static final String TOKEN_VARIABLE = "TELEGRAM_BOT_TOKEN";
    private static final String TOKEN_PROPERTY = "telegram.api.bot-token";
    private static final String DEFAULT_BOT_NAME = "Хлеб";
    private static final String BOT_USERNAME = "bread_bot";

    private final String botName;
    private final ChatBook chats = new ChatBook();
    private final MediaCatalogue media = MediaCatalogue.load();
    private final PlaygroundEvents events = new PlaygroundEvents();
    private final PipelineTrail trail = new PipelineTrail(events::trail);
    private final BotApiEmulator emulator;
    private final EmulatorServer server;

    private Playground(String botName) {
        this.botName = botName;
        this.emulator = new BotApiEmulator(botName, BOT_USERNAME, chats, media, this::sent);
        this.server = EmulatorServer.start(emulator);
    }

    /**
     * Whether the standalone app should run the playground: the switch decides when set, else the absence of a
     * bot token (in the environment or in the launcher's overrides) does.
     */
    public static boolean isWanted(Map<String, String> env, Map<String, ?> overrides) {
        String flag = firstSet(overrides.get(SWITCH), env.get(SWITCH));
        boolean token = firstSet(overrides.get(TOKEN_PROPERTY), overrides.get(TOKEN_VARIABLE),
                env.get(TOKEN_VARIABLE)) != null;
        if (flag != null && !Boolean.parseBoolean(flag.trim())) {
            return false;
        }
        if (flag != null && token) {
            // the playground's page, API and event stream are for a bot nobody else talks to
            throw new IllegalStateException(SWITCH + "=true and " + TOKEN_VARIABLE + " exclude each other: the"
                    + " playground never runs beside a real bot. Unset the token to use the playground.");
        }
        return !token;
    }

    /** Starts the emulator; the bot's name comes from {@code BOT_NAME} as the processor reads it. */
    public static Playground start(Map<String, String> env, Map<String, ?> overrides) {
        String botName = firstSet(overrides.get("BOT_NAME"), env.get("BOT_NAME"));
        Playground playground = new Playground(botName == null ? DEFAULT_BOT_NAME : botName.trim());
        log.info("Playground on: the Bot API emulator listens on {}", playground.emulatorUrl());
        return playground;
    }

    /** Spring properties that point the services at the emulator, with the emulator's dummy token. */
    public Map<String, Object> properties() {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("TELEGRAM_API_BASE_URL", emulatorUrl());
        properties.put(TOKEN_VARIABLE, BotApiEmulator.TOKEN);
        properties.put("telegram.api.base-url", emulatorUrl());
        properties.put(TOKEN_PROPERTY, BotApiEmulator.TOKEN);
        return properties;
    }

    /** Properties for the ingress only: nothing to poll, the page posts to the webhook. */
    public Map<String, Object> ingressProperties() {
        return Map.of("bread-bot.ingress.polling.enabled", "false");
    }

    /** Adds the page, its API and the pipeline panel's Kafka reader to the ingress application. */
    public SpringApplicationBuilder attachTo(SpringApplicationBuilder ingress) {
        return ingress.sources(PlaygroundWeb.class)
                .initializers(context -> ((GenericApplicationContext) context)
                        .registerBean(Playground.class, () -> this));
    }

    /** {@code http://127.0.0.1:<port>}, where the emulator takes {@code /bot<token>/<method>}. */
    public String emulatorUrl() {
        return server.baseUrl();
    }

    /** The dummy token the emulator accepts (it guards nothing; tests call the emulator with it). */
    public String emulatorToken() {
        return BotApiEmulator.TOKEN;
    }

    String botName() {
        return botName;
    }

    BotApiEmulator emulator() {
        return emulator;
    }

    ChatBook chats() {
        return chats;
    }

    MediaCatalogue media() {
        return media;
    }

    PlaygroundEvents events() {
        return events;
    }

    PipelineTrail trail() {
        return trail;
    }

    private void sent(ObjectNode message, String content) {
        events.message(message);
        trail.delivered(message.path("chat").path("id").asLong(), content, message.path("message_id").asLong(),
                System.currentTimeMillis());
    }

    @Override
    public void close() {
        events.close();
        server.close();
    }

    private static String firstSet(Object... values) {
        for (Object value : values) {
            if (value != null && !value.toString().isBlank()) {
                return value.toString();
            }
        }
        return null;
    }
}
