package org.breadbot.processor.store;

/**
 * A chat's legacy toggles (spec §4.3.1, §9.2), both off for a new chat.
 *
 * @param voiceReactions whether a voice message gets one of the chat's voice answers ({@code голосовые})
 * @param editReactions  whether an edited message gets a reply ({@code редактирование})
 */
public record ChatSettings(boolean voiceReactions, boolean editReactions) {
}
