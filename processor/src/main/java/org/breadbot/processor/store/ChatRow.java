package org.breadbot.processor.store;

/**
 * A stored chat (spec §9.1 {@code chats}).
 *
 * @param id                row id
 * @param telegramId        Telegram chat id ({@code chat_id}); negative for groups
 * @param morphAnswerChance percentage of spontaneous nonsense replies
 * @param dictionaryVersion moves with every write of the chat's nonsense dictionary (a trigger), so what is kept of
 *                          it in memory can be checked without reading it
 */
public record ChatRow(long id, long telegramId, String name, int morphAnswerChance, boolean openaiEnabled,
        long dictionaryVersion) {

    /** A positive chat id is a private chat with one user (spec §1). */
    public boolean isPrivate() {
        return telegramId > 0;
    }
}
