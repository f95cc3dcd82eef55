package org.breadbot.processor.bot;

import java.util.List;
import org.breadbot.processor.store.ChatPhrase;
import org.breadbot.processor.store.ChatPhraseStore;
import org.breadbot.processor.store.ChatSettings;
import org.breadbot.processor.store.ChatSettingsStore;
import org.breadbot.processor.store.PhraseKind;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * With {@code редактирование} on, an edited message gets a reply ([L] spec §2.8 processor 1, scenario 121): one of
 * the chat's own texts ({@code добавь ответ на редактирование}), or of a few built-in ones while it has none ([L] used
 * a global list). It runs after the commands, so fixing a typo in a command still runs the command, and before the
 * nonsense handler. Ignored users get none, like other automatic answers.
 */
@Component
@Order(ChainHandler.COMMANDS + 60)
class EditReactionHandler implements ChainHandler {

    static final List<String> BUILT_IN = List.of("Я все видел 👀", "Поздно, все уже прочитали",
            "Что это мы там исправляем?");

    private final ChatSettingsStore settings;
    private final ChatPhraseStore phrases;
    private final BotProperties properties;
    private final RandomSource random;

    EditReactionHandler(ChatSettingsStore settings, ChatPhraseStore phrases, BotProperties properties,
            RandomSource random) {
        this.settings = settings;
        this.phrases = phrases;
        this.properties = properties;
        this.random = random;
    }

    @Override
    public Mono<HandlerResult> handle(MessageContext context) {
        if (!context.isEdit() || !properties.answersAutomatically(context.sender())) {
            return Mono.just(HandlerResult.pass());
        }
        return settings.settings(context.chat().id())
                .filter(ChatSettings::editReactions)
                .flatMap(on -> phrases.phrases(context.chat().id(), PhraseKind.EDIT_ANSWER))
                .map(own -> HandlerResult.answered(context.replyText(random.pick(texts(own)))))
                .defaultIfEmpty(HandlerResult.pass());
    }

    private static List<String> texts(List<ChatPhrase> own) {
        return own.isEmpty() ? BUILT_IN : own.stream().map(ChatPhrase::text).toList();
    }
}
