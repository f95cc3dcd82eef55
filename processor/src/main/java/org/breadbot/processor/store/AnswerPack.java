package org.breadbot.processor.store;

/**
 * A container of answer entities linked to chats (spec §5.2).
 *
 * @param answerChance the substring answer chance, 0..100
 * @param version      moves with every write of the pack's answer entities (a trigger), so what is kept of them
 *                     in memory can be checked without reading them
 */
public record AnswerPack(long id, String name, boolean privatePack, int answerChance, long version) {

    /** The name every default pack carries. */
    public static final String DEFAULT_NAME = "based";

    /** Only a private pack named {@code based} counts as a chat's default pack. */
    public boolean isDefault() {
        return DEFAULT_NAME.equals(name) && privatePack;
    }
}
