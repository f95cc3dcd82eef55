package org.breadbot.processor.bot;

import java.util.List;
import org.breadbot.common.telegram.Voice;
import org.breadbot.processor.store.AnswerEntity;
import org.breadbot.processor.store.AnswerEntityStore;
import org.breadbot.processor.store.ChatSettings;
import org.breadbot.processor.store.ChatSettingsStore;
import org.breadbot.processor.store.ContentType;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * With {@code голосовые} on, a voice message of at least a second gets a voice answer ([L] spec §2.8 processor 2,
 * scenario 122). [L] chose from a global list of voices; here the voices are the chat's own: every voice answer in
 * its default pack, trigger or substring, whatever its key. Ignored users get none, like other automatic answers.
 */
@Component
@Order(ChainHandler.COMMANDS + 50)
class VoiceReactionHandler implements ChainHandler {

    /** [L] ignored voice messages shorter than this many seconds. */
    static final int MIN_DURATION_SECONDS = 1;

    private final ChatSettingsStore settings;
    private final AnswerEntityStore entities;
    private final BotProperties properties;
    private final RandomSource random;

    VoiceReactionHandler(ChatSettingsStore settings, AnswerEntityStore entities, BotProperties properties,
            RandomSource random) {
        this.settings = settings;
        this.entities = entities;
        this.properties = properties;
        this.random = random;
    }

    @Override
    public Mono<HandlerResult> handle(MessageContext context) {
        Voice voice = context.message().voice();
        if (voice == null || voice.duration() < MIN_DURATION_SECONDS || context.isEdit() || context.pack() == null
                || !properties.answersAutomatically(context.sender())) {
            return Mono.just(HandlerResult.pass());
        }
        return settings.settings(context.chat().id())
                .filter(ChatSettings::voiceReactions)
                .flatMap(on -> entities.byContentType(context.pack().id(), ContentType.VOICE).collectList())
                .map(voices -> answerWithOneOf(voices, context))
                .defaultIfEmpty(HandlerResult.pass());
    }

    private HandlerResult answerWithOneOf(List<AnswerEntity> voices, MessageContext context) {
        if (voices.isEmpty()) {
            return HandlerResult.pass();
        }
        return HandlerResult.answered(EntityAnswers.toAnswer(random.pick(voices), context.chatId(),
                context.messageId()));
    }
}
