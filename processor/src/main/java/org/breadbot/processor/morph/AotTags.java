package org.breadbot.processor.morph;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Maps the AOT tags of LanguageTool's Russian dictionary ({@code NN:Inanim:Neut:Sin:Nom}, {@code
 * PT:Past:TRANS:IMPFV:DST:Masc:Nom}, ...; see {@code tagset.txt} in language-ru) onto the OpenCorpora grammemes the
 * spec and pymorphy2 use ({@code NOUN,inan,neut sing,nomn}, {@code PRTF,impf,tran,past,actv masc,sing,nomn}).
 * AOT tags are read as sets of colon-separated tokens, since the positions of their fields vary.
 */
final class AotTags {

    private static final List<String> ANIMATE_ACCUSATIVE_ENDINGS = List.of("ого", "его", "ых", "их");

    private static final Map<String, String> CASES = Map.of(
            "Nom", "nomn", "R", "gent", "2R", "gen2", "D", "datv", "V", "accs",
            "T", "ablt", "P", "loct", "2P", "loc2", "Z", "voct");
    private static final Map<String, String> GENDERS = Map.of("Masc", "masc", "Fem", "femn", "Neut", "neut");
    private static final Map<String, String> PERSONS = Map.of("P1", "1per", "P2", "2per", "P3", "3per");
    private static final Map<String, String> ASPECTS = Map.of("PFV", "perf", "IMPFV", "impf", "2PFV", "impf");
    private static final Map<String, String> TRANSITIVITY = Map.of("TRANS", "tran", "INTR", "intr");
    private static final Map<String, String> TENSES = Map.of("Past", "past", "Real", "pres", "Fut", "futr");
    private static final Map<String, String> PROPER = Map.of("Name", "Name", "Fam", "Surn", "Patr", "Patr");

    /** Interned: a few thousand distinct tags serve millions of forms. */
    private static final Map<String, Tag> TAGS = new ConcurrentHashMap<>();

    private AotTags() {
    }

    /** The OpenCorpora tag of a form with the given AOT tag. */
    static Tag toTag(String aotTag, String form) {
        Tokens tokens = new Tokens(aotTag);
        String animacy = accusativeAnimacy(tokens, form);
        return TAGS.computeIfAbsent(aotTag + '/' + animacy, key -> map(tokens, animacy));
    }

    /** AOT does not say which masculine or plural accusative of an adjective is the animate one; the ending does. */
    private static String accusativeAnimacy(Tokens tokens, String form) {
        boolean ambiguous = tokens.has("V") && isAdjectiveLike(tokens.family())
                && (tokens.first(GENDERS).equals("masc") || tokens.has("PL"));
        if (!ambiguous) {
            return "";
        }
        return ANIMATE_ACCUSATIVE_ENDINGS.stream().anyMatch(form::endsWith) ? "anim" : "inan";
    }

    /**
     * Which homonymous lexeme of a lemma a tag belongs to. Noun homonyms differ in animacy or gender (голова
     * "head" vs "mayor"); a verb's finite forms, participles and gerunds share aspect and transitivity, which
     * makes them one lexeme, as in pymorphy2.
     */
    static String lexemeClass(String aotTag) {
        Tokens tokens = new Tokens(aotTag);
        return switch (tokens.family()) {
            case "NN" -> "NN/" + tokens.firstKey(PROPER) + '/' + tokens.firstOf("Anim", "Inanim", "Inanimanim")
                    + '/' + tokens.firstKey(GENDERS);
            case "ABR" -> "ABR/" + tokens.firstKey(GENDERS);
            case "ADJ" -> tokens.has("Sup") ? "ADJ/Sup" : tokens.has("MPR") ? "ADJ/MPR" : "ADJ";
            case "VB", "DPT", "PT", "PT_Short" -> "VB/" + tokens.firstKey(ASPECTS) + '/'
                    + tokens.firstKey(TRANSITIVITY) + (tokens.has("bezl") ? "/bezl" : "");
            default -> tokens.family();
        };
    }

    /** Open word classes, the only ones pymorphy2 lends to unknown words (no pronouns, prepositions, ...). */
    static boolean isProductive(String aotTag) {
        Tokens tokens = new Tokens(aotTag);
        return switch (tokens.family()) {
            case "NN", "ADJ", "VB", "DPT", "PT", "PT_Short", "ADV" -> !tokens.has("MPR");
            default -> false;
        };
    }

    /** AOT's indeclinable nouns carry no case; pymorphy2 treats them as having every case. */
    static boolean isIndeclinableNoun(String aotTag) {
        Tokens tokens = new Tokens(aotTag);
        return tokens.family().equals("NN") && tokens.first(CASES).isEmpty();
    }

    /** The tag of an indeclinable noun in one number and case ({@code NOUN,inan,masc,Fixd sing,nomn}). */
    static Tag indeclinable(String aotTag, String number, String grammaticalCase) {
        return TAGS.computeIfAbsent(aotTag + "/Fixd/" + number + '/' + grammaticalCase, key -> {
            Tag base = map(new Tokens(aotTag), "");
            List<String> lexeme = new ArrayList<>(base.lexemeGrammemes());
            lexeme.remove("Fixd");
            lexeme.add("Fixd");
            return new Tag(base.pos(), lexeme, List.of(number, grammaticalCase));
        });
    }

    private static boolean isAdjectiveLike(String family) {
        return family.equals("ADJ") || family.equals("PT") || family.equals("Ord");
    }

    private static Tag map(Tokens t, String animacy) {
        List<String> lexeme = new ArrayList<>();
        List<String> form = new ArrayList<>();
        String pos = switch (t.family()) {
            case "NN" -> noun(t, lexeme, form);
            case "ABR" -> abbreviation(t, lexeme, form);
            case "ADJ" -> adjective(t, animacy, lexeme, form);
            case "Ord" -> {
                lexeme.add("Anum");
                declined(t, animacy, form);
                yield "ADJF";
            }
            case "VB" -> verb(t, lexeme, form);
            case "DPT" -> {
                verbLexeme(t, lexeme);
                add(form, t.first(TENSES));
                yield "GRND";
            }
            case "PT" -> {
                participleLexeme(t, lexeme);
                declined(t, animacy, form);
                yield "PRTF";
            }
            case "PT_Short" -> {
                participleLexeme(t, lexeme);
                shortForm(t, form);
                yield "PRTS";
            }
            case "PNN" -> {
                add(lexeme, t.first(GENDERS));
                add(lexeme, t.first(PERSONS));
                add(form, number(t));
                add(form, t.first(CASES));
                yield "NPRO";
            }
            case "Num", "NumC" -> {
                add(lexeme, t.first(GENDERS));
                add(form, t.first(CASES));
                yield "NUMR";
            }
            case "ADV" -> "ADVB";
            case "PREP" -> "PREP";
            case "CONJ" -> "CONJ";
            case "PARTICLE" -> "PRCL";
            case "INTERJECTION" -> "INTJ";
            case "PRDC" -> "PRED";
            case "PARENTHESIS" -> {
                lexeme.add("Prnt");
                yield "ADVB";
            }
            default -> null;
        };
        if (pos == null) {
            return Tag.marker("UNKN");
        }
        if (t.has("Talk")) {
            form.add("Infr");
        }
        return new Tag(pos, lexeme, form);
    }

    private static String noun(Tokens t, List<String> lexeme, List<String> form) {
        String proper = t.first(PROPER);
        String animacy = t.has("Anim") || !proper.isEmpty() ? "anim" : t.has("Inanim") ? "inan" : "";
        add(lexeme, animacy);
        if (t.has("Inanimanim")) {
            lexeme.add("inan");
            lexeme.add("Inmx");
        }
        add(lexeme, t.first(GENDERS));
        add(lexeme, proper);
        if (t.first(CASES).isEmpty()) {
            lexeme.add("Fixd");
        }
        add(form, number(t));
        add(form, t.first(CASES));
        return "NOUN";
    }

    private static String abbreviation(Tokens t, List<String> lexeme, List<String> form) {
        add(lexeme, t.first(GENDERS));
        lexeme.add("Abbr");
        lexeme.add("Fixd");
        add(form, number(t));
        return "NOUN";
    }

    private static String adjective(Tokens t, String animacy, List<String> lexeme, List<String> form) {
        if (t.has("Short")) {
            shortForm(t, form);
            return "ADJS";
        }
        if (t.has("Comp")) {
            return "COMP";
        }
        if (t.has("Sup")) {
            lexeme.add("Supr");
        } else if (t.has("MPR")) {
            lexeme.add("Apro");
        }
        if (t.first(CASES).isEmpty() && t.first(GENDERS).isEmpty() && !t.has("PL")) {
            lexeme.add("Fixd");
        }
        declined(t, animacy, form);
        return "ADJF";
    }

    private static String verb(Tokens t, List<String> lexeme, List<String> form) {
        verbLexeme(t, lexeme);
        if (t.has("INF")) {
            return "INFN";
        }
        if (t.has("IMP")) {
            add(form, number(t));
            form.add("impr");
            form.add(t.has("P1") ? "incl" : "excl");
            return "VERB";
        }
        add(form, t.first(GENDERS));
        add(form, number(t));
        add(form, t.first(PERSONS));
        add(form, t.first(TENSES));
        form.add("indc");
        return "VERB";
    }

    private static void verbLexeme(Tokens t, List<String> lexeme) {
        add(lexeme, t.first(ASPECTS));
        add(lexeme, t.first(TRANSITIVITY));
        if (t.has("bezl")) {
            lexeme.add("Impe");
        }
    }

    private static void participleLexeme(Tokens t, List<String> lexeme) {
        verbLexeme(t, lexeme);
        add(lexeme, t.first(TENSES));
        add(lexeme, t.has("STR") ? "pssv" : t.has("DST") ? "actv" : "");
    }

    /** Gender (singular only), number and case of an adjective or participle; animacy for its accusative. */
    private static void declined(Tokens t, String animacy, List<String> form) {
        add(form, animacy);
        add(form, t.first(GENDERS));
        add(form, number(t));
        add(form, t.first(CASES));
    }

    private static void shortForm(Tokens t, List<String> form) {
        add(form, t.first(GENDERS));
        add(form, number(t));
    }

    /** AOT leaves the number implicit where a gender is given (past tense, adjectives): that is the singular. */
    private static String number(Tokens t) {
        if (t.has("PL")) {
            return "plur";
        }
        if (t.has("Sin") || !t.first(GENDERS).isEmpty() && !t.family().equals("NN") && !t.family().equals("Num")) {
            return "sing";
        }
        return "";
    }

    private static void add(List<String> grammemes, String grammeme) {
        if (!grammeme.isEmpty()) {
            grammemes.add(grammeme);
        }
    }

    /** pymorphy2's paradigm order: number, gender, person, case; the verb's finite forms before participles. */
    static final Comparator<WordForm> PARADIGM_ORDER = Comparator
            .comparingInt((WordForm f) -> posRank(f.tag()))
            .thenComparingInt(f -> verbalRank(f.tag()))
            .thenComparingInt(f -> rank(f.tag().number(), "sing", "plur"))
            .thenComparingInt(f -> rank(f.tag().gender(), "masc", "femn", "neut"))
            .thenComparingInt(f -> rank(f.tag().person(), "1per", "2per", "3per"))
            .thenComparingInt(f -> rank(f.tag().grammaticalCase(),
                    "nomn", "gent", "gen2", "datv", "accs", "acc2", "ablt", "loct", "loc2", "voct"))
            .thenComparingInt(f -> rank(f.tag().animacy(), "inan", "anim"))
            .thenComparingInt(f -> f.tag().has("incl") ? 1 : 0)
            .thenComparingInt(f -> f.tag().has("Infr") ? 1 : 0)
            .thenComparing(WordForm::form);

    private static int posRank(Tag tag) {
        return rank(tag.pos(), "NOUN", "NPRO", "NUMR", "ADJF", "ADJS", "COMP", "INFN", "VERB", "PRTF", "PRTS", "GRND");
    }

    private static int verbalRank(Tag tag) {
        if ("VERB".equals(tag.pos())) {
            return tag.has("impr") ? 2 : tag.has("past") ? 1 : 0;
        }
        return (tag.has("pssv") ? 2 : 0) + (tag.has("past") ? 1 : 0);
    }

    private static int rank(String value, String... order) {
        if (value == null) {
            return 0;
        }
        int index = Arrays.asList(order).indexOf(value);
        return index < 0 ? order.length : index;
    }

    /** An AOT tag as a set of tokens; the family is the first one. */
    private record Tokens(List<String> tokens) {

        Tokens(String aotTag) {
            this(Arrays.asList(aotTag.trim().split(":")));
        }

        String family() {
            return tokens.isEmpty() ? "" : tokens.get(0);
        }

        boolean has(String token) {
            return tokens.contains(token);
        }

        /** The mapped value of the first token the table knows, or "". */
        String first(Map<String, String> table) {
            for (String token : tokens) {
                String value = table.get(token);
                if (value != null) {
                    return value;
                }
            }
            return "";
        }

        String firstKey(Map<String, String> table) {
            for (String token : tokens) {
                if (table.containsKey(token)) {
                    return token;
                }
            }
            return "";
        }

        String firstOf(String... candidates) {
            for (String token : tokens) {
                if (Arrays.asList(candidates).contains(token)) {
                    return token;
                }
            }
            return "";
        }
    }
}
