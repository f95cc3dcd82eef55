package org.breadbot.processor.morph;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Orders the parses of one word. pymorphy2 ranks by probabilities estimated on the OpenCorpora corpus; the AOT
 * dictionary has none, so this ranks by penalties that encode the same preferences where they matter to the bot:
 * common words over colloquial variants and proper names (голова the noun, not Голов's genitive), inanimate
 * homonyms over animate ones (голова "head" over "mayor"), predicatives, prepositions and verbs over adverbs,
 * adverbs over short adjectives and particles (надо, после, было, быстро), then the dictionary form
 * (nominative, infinitive) over oblique cases. Ties keep dictionary order.
 */
final class ParseRanking {

    private static final Map<String, Double> PART_OF_SPEECH = Map.ofEntries(
            Map.entry("NOUN", 0.0), Map.entry("INFN", 0.0), Map.entry("PRED", 0.02),
            Map.entry("PREP", 0.05), Map.entry("CONJ", 0.05), Map.entry("NPRO", 0.05), Map.entry("NUMR", 0.05),
            Map.entry("ADJF", 0.05), Map.entry("VERB", 0.05), Map.entry("ADVB", 0.12), Map.entry("COMP", 0.15),
            Map.entry("ADJS", 0.2), Map.entry("PRCL", 0.2), Map.entry("PRTF", 0.2), Map.entry("PRTS", 0.2),
            Map.entry("GRND", 0.2), Map.entry("INTJ", 0.3));
    private static final Map<String, Double> CASE = Map.of(
            "nomn", 0.0, "accs", 0.1, "gent", 0.2, "datv", 0.25, "ablt", 0.25, "loct", 0.25,
            "gen2", 0.4, "loc2", 0.4, "voct", 0.5);
    private static final double COLLOQUIAL = 2.0;
    private static final double PROPER_NAME_LOWER_CASE = 2.0;
    private static final double PROPER_NAME_CAPITALISED = 1.0;
    private static final double ANIMATE_NOUN = 0.3;

    private ParseRanking() {
    }

    /** The parses best first, each scored in (0, 1] so that the scores sum to 1. */
    static List<Parse> rank(List<Parse> parses, boolean capitalised) {
        List<Scored> scored = new ArrayList<>();
        double total = 0;
        for (Parse parse : parses) {
            double weight = Math.exp(-2 * penalty(parse.tag(), capitalised));
            scored.add(new Scored(parse, weight));
            total += weight;
        }
        double sum = total;
        return scored.stream()
                .sorted(Comparator.comparingDouble(Scored::weight).reversed())
                .map(entry -> entry.parse().withScore(entry.weight() / sum))
                .toList();
    }

    static double penalty(Tag tag, boolean capitalised) {
        double penalty = PART_OF_SPEECH.getOrDefault(tag.pos(), 0.3);
        String grammaticalCase = tag.grammaticalCase();
        if (grammaticalCase != null) {
            penalty += CASE.getOrDefault(grammaticalCase, 0.5);
        }
        if (tag.has("Infr")) {
            penalty += COLLOQUIAL;
        }
        if (tag.has("Name") || tag.has("Surn") || tag.has("Patr")) {
            penalty += capitalised ? PROPER_NAME_CAPITALISED : PROPER_NAME_LOWER_CASE;
        }
        if ("NOUN".equals(tag.pos()) && tag.lexemeGrammemes().contains("anim")) {
            penalty += ANIMATE_NOUN;
        }
        return penalty;
    }

    private record Scored(Parse parse, double weight) {
    }
}
