package org.breadbot.processor.store;

/**
 * A stored member (spec §9.1 {@code members}).
 *
 * @param id         row id
 * @param telegramId Telegram user id ({@code member_id})
 * @param username   the Telegram username, or the decimal user id when the user has none
 */
public record MemberRow(long id, long telegramId, String username, String firstName, String lastName, boolean bot) {
}
