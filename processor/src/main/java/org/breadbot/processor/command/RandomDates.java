package org.breadbot.processor.command;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import org.breadbot.processor.bot.RandomSource;

/** The answer of the {@code когда …} commands (spec §4.2.17): a random date up to 30 000 days away. */
final class RandomDates {

    static final int MAX_DAYS = 30_000;
    private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("dd.MM.yyyy");

    private RandomDates() {
    }

    /**
     * {@code <event> <verb> в <date>}: the event is the rest without {@code ?}, the verb the alias without
     * {@code когда} ({@code когда произошли} → {@code произошли}); for the bare {@code когда} there is no verb.
     */
    static String answer(CommandContext context, RandomSource random, boolean future) {
        int days = random.between(0, MAX_DAYS);
        LocalDate today = context.now().toLocalDate();
        LocalDate date = future ? today.plusDays(days) : today.minusDays(days);
        String verb = context.rawCommand().replace("когда", "").replace('ё', 'е');
        return Phrases.join(context.rest().replace("?", ""), verb, "в", FORMAT.format(date));
    }
}
