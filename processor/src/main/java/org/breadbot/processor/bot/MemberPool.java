package org.breadbot.processor.bot;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import org.breadbot.common.telegram.User;
import org.breadbot.processor.store.MemberRow;
import org.breadbot.processor.store.MemberStore;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** The members WHO, TOP, COUPLE and CHANNEL choose from (spec §7.2). */
@Component
public class MemberPool {

    private static final char WORD_JOINER = '\u2060';

    /** A link touched this long ago or earlier no longer counts as active. */
    static final Duration ACTIVITY_WINDOW = Duration.ofDays(10);

    private final MemberStore members;

    MemberPool(MemberStore members) {
        this.members = members;
    }

    /** In a private chat only the sender (as Telegram describes them now); in a group the recently active members. */
    public Mono<List<MemberRow>> members(MessageContext context) {
        return members(context, Integer.MAX_VALUE);
    }

    /** {@link #members(MessageContext)}, at most {@code limit} of them: the most recently active. */
    public Mono<List<MemberRow>> members(MessageContext context, int limit) {
        if (context.chat().isPrivate()) {
            return Mono.just(List.of(live(context)));
        }
        return members.activeInChat(context.chat().id(), context.now().minus(ACTIVITY_WINDOW), limit).collectList();
    }

    private static MemberRow live(MessageContext context) {
        User sender = context.sender();
        return new MemberRow(context.member().id(), sender.id(), Registration.usernameOf(sender),
                Objects.requireNonNullElse(sender.firstName(), ""),
                Objects.requireNonNullElse(sender.lastName(), ""), sender.isBot());
    }

    /** First and last name, each trimmed, the whole trimmed; no username fallback (spec §7.3). */
    public static String displayName(MemberRow member) {
        String first = Objects.requireNonNullElse(member.firstName(), "").strip();
        String last = Objects.requireNonNullElse(member.lastName(), "").strip();
        return plain((first + " " + last).strip());
    }

    /**
     * A name anyone can choose, made unable to mention someone else: Telegram turns {@code @word} in any message
     * into a mention that notifies that user, so a first name "@boss" would page @boss whenever the bot says it. A
     * word joiner after the {@code @} breaks the mention and shows nothing.
     */
    static String plain(String name) {
        return name.indexOf('@') < 0 ? name : name.replace("@", "@" + WORD_JOINER);
    }
}
