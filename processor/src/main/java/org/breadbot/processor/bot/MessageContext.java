package org.breadbot.processor.bot;

import java.time.LocalDateTime;
import java.util.Optional;
import org.breadbot.common.telegram.Message;
import org.breadbot.common.telegram.Update;
import org.breadbot.common.telegram.User;
import org.breadbot.processor.pipeline.Answer;
import org.breadbot.processor.pipeline.Budget;
import org.breadbot.processor.store.AnswerPack;
import org.breadbot.processor.store.ChatRow;
import org.breadbot.processor.store.MemberRow;

/**
 * The processed message after registration (spec §2.4).
 *
 * @param message the edited message if present, else the new one
 * @param chat    the registered chat
 * @param member  the registered sender
 * @param pack    the chat's default answer pack, or null
 * @param now     the time of processing, the same for every write of this update
 * @param budget  the update's time budget, for work that computes for long without waiting
 */
public record MessageContext(
        Update update,
        Message message,
        ChatRow chat,
        MemberRow member,
        AnswerPack pack,
        LocalDateTime now,
        Budget budget) {

    public boolean isEdit() {
        return update.isEdit();
    }

    /** The sender as Telegram describes it now (not the stored row). */
    public User sender() {
        return message.from();
    }

    public long chatId() {
        return message.chat().id();
    }

    public int messageId() {
        return message.messageId();
    }

    /** The text, or the empty string. */
    public String text() {
        return message.textOrEmpty();
    }

    public Optional<AnswerPack> defaultPack() {
        return Optional.ofNullable(pack);
    }

    /** A plain-text answer replying to this message. */
    public Answer replyText(String text) {
        return Answer.text(chatId(), text, messageId());
    }
}
