package org.breadbot.processor.bot;

import java.time.LocalDateTime;
import java.util.Set;
import org.breadbot.common.telegram.ChatMemberUpdated;
import org.breadbot.common.telegram.Message;
import org.breadbot.common.telegram.Update;
import org.breadbot.processor.store.ForgettingStore;
import org.breadbot.processor.store.MembershipStore;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Who is in a chat, from Telegram's own word: {@code my_chat_member} when the bot is removed or added back (its data
 * is then due for forgetting, or no longer), {@code chat_member} and the {@code left_chat_member} service message
 * when a user leaves, is removed or banned (their link to the chat goes). These updates get no answer.
 */
@Component
class MembershipChanges {

    /** Statuses of a chat member who is no longer in the chat (Bot API ChatMember). */
    private static final Set<String> GONE = Set.of("left", "kicked");

    private final MembershipStore memberships;
    private final ForgettingStore forgetting;

    MembershipChanges(MembershipStore memberships, ForgettingStore forgetting) {
        this.memberships = memberships;
        this.forgetting = forgetting;
    }

    /** True when the update is about membership and was applied; false for anything else. */
    boolean isMembershipChange(Update update) {
        Message message = update.effectiveMessage();
        return update.myChatMember() != null || update.chatMember() != null
                || message != null && message.leftChatMember() != null && message.chat() != null;
    }

    Mono<Void> apply(Update update, LocalDateTime now) {
        if (update.myChatMember() != null) {
            return botMembership(update.myChatMember(), now);
        }
        if (update.chatMember() != null) {
            return userMembership(update.chatMember());
        }
        Message message = update.effectiveMessage();
        return memberships.leave(message.chat().id(), message.leftChatMember().id());
    }

    private Mono<Void> botMembership(ChatMemberUpdated change, LocalDateTime now) {
        if (change.chat() == null || change.newChatMember() == null) {
            return Mono.empty();
        }
        return GONE.contains(change.newChatMember().status())
                ? forgetting.botRemoved(change.chat().id(), now)
                : forgetting.botAdded(change.chat().id());
    }

    private Mono<Void> userMembership(ChatMemberUpdated change) {
        if (change.chat() == null || change.newChatMember() == null || change.newChatMember().user() == null
                || !GONE.contains(change.newChatMember().status())) {
            return Mono.empty();
        }
        return memberships.leave(change.chat().id(), change.newChatMember().user().id());
    }
}
