package org.breadbot.processor.store;

/**
 * A member's totals in one chat over a period.
 *
 * @param messages every message the member wrote (edits not counted)
 * @param commands how many of them were commands to the bot
 */
public record MemberStats(MemberRow member, long messages, long commands) {
}
