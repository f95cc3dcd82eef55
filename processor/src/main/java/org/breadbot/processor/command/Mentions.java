package org.breadbot.processor.command;

import java.util.ArrayList;
import java.util.List;
import org.breadbot.common.reply.ReplyMethod;
import org.breadbot.common.telegram.MessageEntity;
import org.breadbot.common.telegram.User;
import org.breadbot.processor.bot.MemberPool;
import org.breadbot.processor.pipeline.Answer;
import org.breadbot.processor.store.MemberRow;

/**
 * Plain-text messages that mention members so that Telegram notifies them (spec §7.3, §4.2.15): {@code @username}
 * with a {@code mention} entity, and a member without a username by name with a {@code text_mention} entity (the
 * original wrote {@code @<id>}, which notifies nobody). No parse mode is used, so no name can break the message.
 * Offsets and lengths are UTF-16 code units, which is what Java string indices count.
 */
final class Mentions {

    private static final java.util.regex.Pattern USERNAME = java.util.regex.Pattern.compile(
            "[A-Za-z][A-Za-z0-9_]{1,63}");

    /** Telegram ignores the entities of a message after the 100th. */
    static final int MAX_ENTITIES_PER_MESSAGE = 100;

    private Mentions() {
    }

    /** Everyone, separated by spaces, over as many messages as the text limit and the entity limit need. */
    static List<Answer> of(List<MemberRow> members, long chatId, Integer replyTo, int limit) {
        List<Answer> messages = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        List<MessageEntity> entities = new ArrayList<>();
        for (MemberRow member : members) {
            String mention = mentionText(member);
            if (text.length() > 0 && (text.length() + 1 + mention.length() > limit
                    || entities.size() == MAX_ENTITIES_PER_MESSAGE)) {
                messages.add(message(chatId, text, entities, replyTo));
                text.setLength(0);
                entities = new ArrayList<>();
            }
            if (text.length() > 0) {
                text.append(' ');
            }
            entities.add(entity(member, text.length(), mention.length()));
            text.append(mention);
        }
        if (text.length() > 0) {
            messages.add(message(chatId, text, entities, replyTo));
        }
        return messages;
    }

    /**
     * The user mentioned on the first line, then the text ({@code оскорби}, [L] spec §4.3.3): {@code @username}, or
     * the name with a {@code text_mention} entity for a user without one.
     */
    static Answer mentionThen(User user, String text, long chatId, Integer replyTo) {
        String username = user.username() == null || user.username().isEmpty()
                ? Long.toString(user.id()) : user.username();
        MemberRow member = new MemberRow(0, user.id(), username, user.firstName(), user.lastName(), user.isBot());
        String mention = mentionText(member);
        return new Answer(chatId, ReplyMethod.SEND_MESSAGE, mention + "\n" + text, null, null, replyTo, null,
                List.of(entity(member, 0, mention.length())));
    }

    /** {@code @username}, or the display name (the id when the name is blank) of a member without a username. */
    static String mentionText(MemberRow member) {
        if (hasUsername(member)) {
            return "@" + member.username();
        }
        String name = MemberPool.displayName(member);
        return name.isEmpty() ? Long.toString(member.telegramId()) : name;
    }

    /**
     * A member without a username is stored under their decimal id (spec §2.4), or under {@code #<row id>} after
     * giving it up; a real Telegram username starts with a letter and holds letters, digits and underscores.
     */
    static boolean hasUsername(MemberRow member) {
        String username = member.username();
        return username != null && USERNAME.matcher(username).matches();
    }

    private static MessageEntity entity(MemberRow member, int offset, int length) {
        if (hasUsername(member)) {
            return new MessageEntity("mention", offset, length, null, null, null);
        }
        User user = new User(member.telegramId(), false, blankToNull(member.firstName()),
                blankToNull(member.lastName()), null, null);
        return new MessageEntity("text_mention", offset, length, null, user, null);
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }

    private static Answer message(long chatId, StringBuilder text, List<MessageEntity> entities, Integer replyTo) {
        return new Answer(chatId, ReplyMethod.SEND_MESSAGE, text.toString(), null, null, replyTo, null,
                List.copyOf(entities));
    }
}
