package org.breadbot.processor.morph;

import jakarta.validation.constraints.Positive;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Bounds of the morphology caches ({@code bread-bot.morphology.*}).
 *
 * @param cachedWords at most this many analysed words are kept (a few hundred bytes each)
 * @param cachedForms at most this many forms are kept in cached lexemes, and as many in cached substring form
 *                    sets (about 100 bytes a form, so the default bounds each cache near 50 MB)
 */
@Validated
@ConfigurationProperties("bread-bot.morphology")
public record MorphologyProperties(
        @DefaultValue("100000") @Positive long cachedWords,
        @DefaultValue("500000") @Positive long cachedForms) {
}
