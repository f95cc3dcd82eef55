package org.breadbot.bench.telegram;

/**
 * One message the fake Bot API accepted.
 *
 * @param chatId    where it went
 * @param replyTo   the message it answers ({@code reply_parameters.message_id} or {@code reply_to_message_id}),
 *                  or null
 * @param nanos     {@link System#nanoTime()} when it was accepted
 */
public record Delivery(long chatId, Integer replyTo, long nanos) {
}
