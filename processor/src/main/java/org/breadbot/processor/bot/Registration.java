package org.breadbot.processor.bot;

import java.time.LocalDateTime;
import java.util.Objects;
import java.util.Optional;
import org.breadbot.common.telegram.Message;
import org.breadbot.common.telegram.Update;
import org.breadbot.common.telegram.User;
import org.breadbot.processor.pipeline.Budget;
import org.breadbot.processor.store.AnswerPack;
import org.breadbot.processor.store.AnswerPackStore;
import org.breadbot.processor.store.ChatRow;
import org.breadbot.processor.store.ChatStore;
import org.breadbot.processor.store.MemberRow;
import org.breadbot.processor.store.MemberStatsStore;
import org.breadbot.processor.store.MemberStore;
import org.breadbot.processor.store.MembershipStore;
import org.breadbot.processor.store.RegistrationStore;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Registers the sender, the chat and their link for every processed message (spec §2.4), and counts a new message
 * for {@code стата} (an edit is the same message again).
 */
@Component
class Registration {

    /** Width of the name columns; Telegram's own limits are far below, so only forged updates are cut. */
    static final int MAX_NAME_LENGTH = 255;

    private final MemberStore members;
    private final ChatStore chats;
    private final MembershipStore memberships;
    private final AnswerPackStore packs;
    private final MemberStatsStore stats;
    private final RegistrationStore known;
    private final BotProperties.Quotas quotas;

    Registration(MemberStore members, ChatStore chats, MembershipStore memberships, AnswerPackStore packs,
            MemberStatsStore stats, RegistrationStore known, BotProperties properties) {
        this.members = members;
        this.chats = chats;
        this.memberships = memberships;
        this.packs = packs;
        this.stats = stats;
        this.known = known;
        this.quotas = properties.quotas();
    }

    /**
     * A known sender in a known chat under unchanged names (nearly every message) is registered by one statement;
     * anyone else step by step, which the one statement left untouched.
     */
    Mono<MessageContext> register(Update update, Message message, LocalDateTime now, Budget budget) {
        return registerKnown(update, message, now, budget)
                .switchIfEmpty(Mono.defer(() -> registerStepByStep(update, message, now, budget)));
    }

    private Mono<MessageContext> registerKnown(Update update, Message message, LocalDateTime now, Budget budget) {
        User sender = message.from();
        String username = fit(usernameOf(sender));
        return known.registerKnown(sender.id(), username, firstNameOf(sender), lastNameOf(sender),
                        message.chat().id(), chatName(message, username), !update.isEdit(), now,
                        quotas.members())
                .map(rows -> new MessageContext(update, message, rows.chat(), rows.member(),
                        defaultOrNull(rows.firstPack()), now, budget));
    }

    private static AnswerPack defaultOrNull(AnswerPack firstPack) {
        return firstPack != null && firstPack.isDefault() ? firstPack : null;
    }

    private Mono<MessageContext> registerStepByStep(Update update, Message message, LocalDateTime now,
            Budget budget) {
        User sender = message.from();
        String username = fit(usernameOf(sender));
        return member(sender, username, now).flatMap(member -> chat(message, username, now)
                .flatMap(chat -> memberships.touch(chat.id(), member.id(), now, quotas.members())
                        .then(countMessage(update, chat, member, now))
                        .then(defaultPack(chat))
                        .map(pack -> new MessageContext(update, message, chat, member, pack.orElse(null), now,
                                budget))));
    }

    /** Users without a username are stored under their decimal id (spec §2.4, recommendation of quirk 6). */
    static String usernameOf(User user) {
        String username = user.username();
        return username == null || username.isEmpty() ? Long.toString(user.id()) : username;
    }

    private static String fit(String text) {
        if (text.codePointCount(0, text.length()) <= MAX_NAME_LENGTH) {
            return text;
        }
        return text.substring(0, text.offsetByCodePoints(0, MAX_NAME_LENGTH));
    }

    private static String firstNameOf(User sender) {
        return fit(Objects.requireNonNullElse(sender.firstName(), ""));
    }

    private static String lastNameOf(User sender) {
        return fit(Objects.requireNonNullElse(sender.lastName(), ""));
    }

    private Mono<MemberRow> member(User sender, String username, LocalDateTime now) {
        String firstName = firstNameOf(sender);
        String lastName = lastNameOf(sender);
        return members.findByTelegramId(sender.id())
                .switchIfEmpty(Mono.defer(() -> members.releaseUsername(username, sender.id())
                        .then(members.insert(sender.id(), username, firstName, lastName, sender.isBot(), now))))
                .switchIfEmpty(Mono.defer(() -> members.findByTelegramId(sender.id())))
                .flatMap(found -> refresh(found, username, firstName, lastName, now));
    }

    private Mono<MemberRow> refresh(MemberRow found, String username, String firstName, String lastName,
            LocalDateTime now) {
        if (found.username().equals(username) && Objects.equals(found.firstName(), firstName)
                && Objects.equals(found.lastName(), lastName)) {
            return Mono.just(found);
        }
        Mono<Void> release = found.username().equals(username) ? Mono.empty()
                : members.releaseUsername(username, found.telegramId());
        return release.then(members.updateNames(found.id(), username, firstName, lastName, now));
    }

    private Mono<ChatRow> chat(Message message, String senderUsername, LocalDateTime now) {
        return chats.register(message.chat().id(), chatName(message, senderUsername), now);
    }

    /** A group is named after its title, a private chat after the sender's username. */
    private static String chatName(Message message, String senderUsername) {
        String title = message.chat().title();
        return title != null ? fit(title) : senderUsername;
    }

    private Mono<Void> countMessage(Update update, ChatRow chat, MemberRow member, LocalDateTime now) {
        return update.isEdit() ? Mono.empty() : stats.countMessage(chat.id(), member.id(), now.toLocalDate());
    }

    private Mono<Optional<AnswerPack>> defaultPack(ChatRow chat) {
        return packs.defaultPack(chat.id()).map(Optional::of).defaultIfEmpty(Optional.empty());
    }
}
