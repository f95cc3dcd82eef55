package org.breadbot.bench.workload;

import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * The share of each kind of update and the texts that make it that kind. The trigger and substring keys are what
 * {@link #teaching()} teaches every chat; the plain texts contain neither key in any form (the substring key
 * {@code булка} also matches its inflections, bot-behaviour.md §5.5).
 */
public final class UpdateMix {

    static final String TRIGGER_KEY = "привет";
    static final String SUBSTRING_KEY = "булка";

    private static final List<String> PLAIN = List.of(
            "как дела?", "кто сегодня идёт обедать", "смотрите что нашёл", "ну и погода", "завтра созвон в десять",
            "я опаздываю минут на пять", "кто видел мои ключи", "отличная идея, давайте", "ахах", "ок");
    private static final List<String> TRIGGER = List.of("Привет", "привет", "ПРИВЕТ");
    private static final List<String> SUBSTRING = List.of(
            "вчера купил свежую булку", "где моя булка ?", "нет ничего лучше чем булка с маслом",
            "опять эти булки в столовой");
    private static final List<String> COMMANDS = List.of(
            "Хлеб выбери чай или кофе", "Хлеб выбери пиццу, суши, бургер", "Хлеб сколько", "Хлеб шанс",
            "Хлеб процент", "Хлеб когда");

    private final double plain;
    private final double trigger;
    private final double substring;

    /** Shares of plain text, trigger hits and substring hits; commands get the rest. */
    public UpdateMix(double plain, double trigger, double substring) {
        if (plain < 0 || trigger < 0 || substring < 0 || plain + trigger + substring > 1) {
            throw new IllegalArgumentException("shares must be ≥ 0 and add up to at most 1");
        }
        this.plain = plain;
        this.trigger = trigger;
        this.substring = substring;
    }

    /** The mix: 60 % plain text, 15 % trigger hits, 10 % substring hits, 15 % commands. */
    public static UpdateMix standard() {
        return new UpdateMix(0.60, 0.15, 0.10);
    }

    UpdateKind nextKind(UniformRandomProvider random) {
        double draw = random.nextDouble();
        if (draw < plain) {
            return UpdateKind.PLAIN;
        }
        if (draw < plain + trigger) {
            return UpdateKind.TRIGGER;
        }
        if (draw < plain + trigger + substring) {
            return UpdateKind.SUBSTRING;
        }
        return UpdateKind.COMMAND;
    }

    static String text(UpdateKind kind, UniformRandomProvider random) {
        List<String> texts = switch (kind) {
            case PLAIN -> PLAIN;
            case TRIGGER -> TRIGGER;
            case SUBSTRING -> SUBSTRING;
            case COMMAND -> COMMANDS;
            case TEACHING -> teaching();
        };
        return texts.get(random.nextInt(texts.size()));
    }

    /** What each chat is taught before the load: one trigger and one substring, each with a text answer. */
    static List<String> teaching() {
        return List.of("Хлеб добавь триггер " + TRIGGER_KEY + "=медвед",
                "Хлеб добавь подстроку " + SUBSTRING_KEY + "=кто сказал булка?");
    }
}
