package org.breadbot.common.telegram;

import java.util.List;

/**
 * The names of the optional fields of a Bot API {@code Update} (Bot API 10.1), one of which each update carries:
 * the kinds {@code allowed_updates} may list and the {@code type} the envelope reports. Kept in the spec's order.
 */
public final class UpdateKinds {

    /** A new message in a private chat, group or supergroup. */
    public static final String MESSAGE = "message";
    /** A new version of a message the bot knows. */
    public static final String EDITED_MESSAGE = "edited_message";
    /** A new post in a channel. */
    public static final String CHANNEL_POST = "channel_post";
    /** A new version of a channel post. */
    public static final String EDITED_CHANNEL_POST = "edited_channel_post";
    /** The bot was connected to or disconnected from a business account. */
    public static final String BUSINESS_CONNECTION = "business_connection";
    /** A new message from a connected business account. */
    public static final String BUSINESS_MESSAGE = "business_message";
    /** A new version of a message from a connected business account. */
    public static final String EDITED_BUSINESS_MESSAGE = "edited_business_message";
    /** Messages were deleted from a connected business account. */
    public static final String DELETED_BUSINESS_MESSAGES = "deleted_business_messages";
    /** A new incoming guest message (a {@code Message}, Bot API 10). */
    public static final String GUEST_MESSAGE = "guest_message";
    /** A user changed their reaction to a message; must be listed in allowed_updates explicitly. */
    public static final String MESSAGE_REACTION = "message_reaction";
    /** The anonymous reactions to a message changed; must be listed in allowed_updates explicitly. */
    public static final String MESSAGE_REACTION_COUNT = "message_reaction_count";
    /** A new inline query. */
    public static final String INLINE_QUERY = "inline_query";
    /** An inline result a user chose. */
    public static final String CHOSEN_INLINE_RESULT = "chosen_inline_result";
    /** A press on an inline keyboard button. */
    public static final String CALLBACK_QUERY = "callback_query";
    /** A shipping query of an invoice with a flexible price. */
    public static final String SHIPPING_QUERY = "shipping_query";
    /** A pre-checkout query with full information about the checkout. */
    public static final String PRE_CHECKOUT_QUERY = "pre_checkout_query";
    /** A user bought paid media sent by the bot. */
    public static final String PURCHASED_PAID_MEDIA = "purchased_paid_media";
    /** The state of a poll changed. */
    public static final String POLL = "poll";
    /** A user changed their answer in a non-anonymous poll. */
    public static final String POLL_ANSWER = "poll_answer";
    /** The bot's own member status in a chat changed. */
    public static final String MY_CHAT_MEMBER = "my_chat_member";
    /** A member's status in a chat changed; needs the bot to be an admin and to be listed explicitly. */
    public static final String CHAT_MEMBER = "chat_member";
    /** A request to join a chat. */
    public static final String CHAT_JOIN_REQUEST = "chat_join_request";
    /** A chat boost was added or changed. */
    public static final String CHAT_BOOST = "chat_boost";
    /** A boost was removed from a chat. */
    public static final String REMOVED_CHAT_BOOST = "removed_chat_boost";
    /** A bot managed by this bot was created or changed. */
    public static final String MANAGED_BOT = "managed_bot";

    /** Every kind, in the spec's order. */
    public static final List<String> ALL = List.of(MESSAGE, EDITED_MESSAGE, CHANNEL_POST, EDITED_CHANNEL_POST,
            BUSINESS_CONNECTION, BUSINESS_MESSAGE, EDITED_BUSINESS_MESSAGE, DELETED_BUSINESS_MESSAGES, GUEST_MESSAGE,
            MESSAGE_REACTION, MESSAGE_REACTION_COUNT, INLINE_QUERY, CHOSEN_INLINE_RESULT, CALLBACK_QUERY,
            SHIPPING_QUERY, PRE_CHECKOUT_QUERY, PURCHASED_PAID_MEDIA, POLL, POLL_ANSWER, MY_CHAT_MEMBER, CHAT_MEMBER,
            CHAT_JOIN_REQUEST, CHAT_BOOST, REMOVED_CHAT_BOOST, MANAGED_BOT);

    private UpdateKinds() {
    }
}
