package org.breadbot.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every SQL statement of the services is a fixed text with bound parameters: the text handed to
 * {@code DatabaseClient.sql(..)} is built only from string literals, {@code static final} constants made of
 * literals, helpers that choose between literals, and parameters of private methods that every caller passes a
 * literal (a column name). Values from users only ever go through {@code bind(..)}.
 * Checked on the sources of the processor and the sender, where every database access of the bot lives.
 */
class SqlParameterisationTest {

    private static final List<Path> SOURCES = List.of(
            Path.of("..", "processor", "src", "main", "java"),
            Path.of("..", "sender", "src", "main", "java"));
    private static final Pattern SQL_CALL = Pattern.compile("\\.sql\\(");
    private static final Pattern RAW_JDBC = Pattern.compile("\\b(createStatement|prepareStatement|prepareCall|"
            + "executeQuery|executeUpdate|addBatch)\\s*\\(");
    private static final Pattern CONSTANT = Pattern.compile("[A-Z][A-Z0-9_]*");
    private static final Pattern PARAMETER = Pattern.compile("[a-z][A-Za-z0-9]*");
    private static final Pattern HELPER_CALL = Pattern.compile("([a-z][A-Za-z0-9]*)\\((.*)\\)", Pattern.DOTALL);

    @Test
    void sqlTextIsBuiltFromLiteralsAndConstantsOnly() throws IOException {
        List<String> violations = new ArrayList<>();
        int statements = 0;
        for (Path file : javaFiles()) {
            String source = withoutComments(Files.readString(file));
            Matcher call = SQL_CALL.matcher(source);
            while (call.find()) {
                statements++;
                String argument = argumentAt(source, call.end());
                for (String operand : topLevelOperands(argument)) {
                    if (!isFixedText(operand, source)) {
                        violations.add(file.getFileName() + ": " + operand.strip() + "  in  sql(" + argument + ")");
                    }
                }
            }
            Matcher jdbc = RAW_JDBC.matcher(source);
            while (jdbc.find()) {
                violations.add(file.getFileName() + ": raw JDBC " + jdbc.group(1) + " (use DatabaseClient with bind)");
            }
        }
        assertThat(statements).as("sql(..) calls found; the source paths are wrong if none").isGreaterThan(20);
        assertThat(violations).isEmpty();
    }

    @Test
    void theCheckCatchesAValueConcatenatedIntoSql() {
        String source = "class X { Mono<Void> f(String name) { return db.sql(\"SELECT * FROM t WHERE n = '\" + name"
                + " + \"'\").then(); } }";
        String argument = argumentAt(source, source.indexOf(".sql(") + 5);

        assertThat(topLevelOperands(argument)).extracting(operand -> isFixedText(operand, source))
                .containsExactly(true, false, true);
    }

    @Test
    void aColumnNameIsFixedTextOnlyWhenEveryCallerPassesALiteral() {
        String fixed = "class X { Mono<Void> a() { return flip(\"is_on\", 1); }"
                + " private Mono<Void> flip(String column, long id) { return db.sql(\"UPDATE t SET \" + column).then(); } }";
        String open = fixed.replace("flip(\"is_on\", 1)", "flip(userText, 1)");

        assertThat(isFixedText("column", fixed)).isTrue();
        assertThat(isFixedText("column", open)).isFalse();
    }

    private static List<Path> javaFiles() throws IOException {
        List<Path> files = new ArrayList<>();
        for (Path root : SOURCES) {
            try (Stream<Path> walk = Files.walk(root)) {
                walk.filter(path -> path.toString().endsWith(".java")).forEach(files::add);
            }
        }
        return files;
    }

    /** A literal, a text block, a constant of literals, or a helper whose returns are literals only. */
    private static boolean isFixedText(String operand, String source) {
        String trimmed = operand.strip();
        if (isLiteral(trimmed)) {
            return true;
        }
        if (CONSTANT.matcher(trimmed).matches()) {
            Matcher declaration = Pattern.compile("static final String " + trimmed + "\\s*=\\s*(.*?);",
                    Pattern.DOTALL).matcher(source);
            return declaration.find() && topLevelOperands(declaration.group(1)).stream()
                    .allMatch(part -> isLiteral(part.strip()) || isConstantOf(part.strip(), source, trimmed));
        }
        Matcher helper = HELPER_CALL.matcher(trimmed);
        if (helper.matches()) {
            return helperReturnsLiteralsOnly(helper.group(1), source);
        }
        if (PARAMETER.matcher(trimmed).matches()) {
            return literalAtEveryCall(trimmed, source);
        }
        return false;
    }

    /**
     * A {@code String} parameter of a private method that every call in the file passes a literal, e.g. a column
     * name chosen by the caller: {@code toggle("is_voice_trigger", ..)}.
     */
    private static boolean literalAtEveryCall(String parameter, String source) {
        Matcher declaration = Pattern.compile("private (?:static )?[\\w<>\\[\\], ]+ (\\w+)\\(([^)]*)\\)\\s*\\{")
                .matcher(source);
        while (declaration.find()) {
            List<String> parameters = List.of(declaration.group(2).split(","));
            int index = -1;
            for (int i = 0; i < parameters.size(); i++) {
                if (parameters.get(i).strip().equals("String " + parameter)) {
                    index = i;
                }
            }
            if (index < 0) {
                continue;
            }
            String method = declaration.group(1);
            Matcher call = Pattern.compile("\\b" + method + "\\(").matcher(source);
            int calls = 0;
            while (call.find()) {
                if (call.start() == declaration.start(1)) {
                    continue;
                }
                List<String> arguments = topLevelArguments(argumentAt(source, call.end()));
                if (arguments.size() <= index || !isLiteral(arguments.get(index).strip())) {
                    return false;
                }
                calls++;
            }
            return calls > 0;
        }
        return false;
    }

    /** The arguments of a call, split at commas outside strings and parentheses. */
    private static List<String> topLevelArguments(String arguments) {
        List<String> parts = new ArrayList<>();
        int depth = 0;
        int from = 0;
        int i = 0;
        while (i < arguments.length()) {
            char c = arguments.charAt(i);
            if (c == '"') {
                i = endOfString(arguments, i);
                continue;
            }
            if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
            } else if (c == ',' && depth == 0) {
                parts.add(arguments.substring(from, i));
                from = i + 1;
            }
            i++;
        }
        parts.add(arguments.substring(from));
        return parts;
    }

    private static boolean isConstantOf(String part, String source, String declaring) {
        return !part.equals(declaring) && CONSTANT.matcher(part).matches() && isFixedText(part, source);
    }

    /** Every return of the helper is a literal or a choice between literals ({@code cond ? "a" : "b"}). */
    private static boolean helperReturnsLiteralsOnly(String name, String source) {
        Matcher method = Pattern.compile("private static String " + name + "\\([^)]*\\)\\s*\\{(.*?)\\n    \\}",
                Pattern.DOTALL).matcher(source);
        if (!method.find()) {
            return false;
        }
        Matcher returns = Pattern.compile("return (.*?);", Pattern.DOTALL).matcher(method.group(1));
        boolean any = false;
        while (returns.find()) {
            any = true;
            String expression = returns.group(1);
            int question = expression.indexOf('?');
            String choices = question >= 0 ? expression.substring(question + 1) : expression;
            for (String choice : choices.split(":(?=(?:[^\"]*\"[^\"]*\")*[^\"]*$)")) {
                if (!isLiteral(choice.strip())) {
                    return false;
                }
            }
        }
        return any;
    }

    private static boolean isLiteral(String text) {
        if (text.startsWith("\"\"\"") && text.endsWith("\"\"\"")) {
            return true;
        }
        return text.length() >= 2 && text.startsWith("\"") && text.endsWith("\"")
                && !text.substring(1, text.length() - 1).replace("\\\"", "").contains("\"");
    }

    /** The source with comments blanked out (strings and text blocks kept), so that Javadoc is not scanned. */
    private static String withoutComments(String source) {
        StringBuilder code = new StringBuilder(source.length());
        int i = 0;
        while (i < source.length()) {
            if (source.startsWith("\"\"\"", i)) {
                int end = source.indexOf("\"\"\"", i + 3) + 3;
                code.append(source, i, end);
                i = end;
            } else if (source.charAt(i) == '"') {
                int end = endOfString(source, i);
                code.append(source, i, end);
                i = end;
            } else if (source.charAt(i) == '\'') {
                int end = source.indexOf('\'', i + (source.charAt(i + 1) == '\\' ? 3 : 2)) + 1;
                code.append(source, i, end);
                i = end;
            } else if (source.startsWith("//", i)) {
                i = source.indexOf('\n', i);
                i = i < 0 ? source.length() : i;
            } else if (source.startsWith("/*", i)) {
                i = source.indexOf("*/", i + 2) + 2;
            } else {
                code.append(source.charAt(i++));
            }
        }
        return code.toString();
    }

    /** The text of a call's argument list, from just after {@code (} to its matching {@code )}. */
    private static String argumentAt(String source, int start) {
        int depth = 1;
        int i = start;
        while (i < source.length()) {
            if (source.startsWith("\"\"\"", i)) {
                i = source.indexOf("\"\"\"", i + 3) + 3;
                continue;
            }
            char c = source.charAt(i);
            if (c == '"') {
                i = endOfString(source, i);
                continue;
            }
            if (c == '(') {
                depth++;
            } else if (c == ')' && --depth == 0) {
                return source.substring(start, i);
            }
            i++;
        }
        throw new IllegalStateException("unbalanced sql( call at " + start);
    }

    /** The parts joined by {@code +} outside strings and parentheses. */
    private static List<String> topLevelOperands(String expression) {
        List<String> operands = new ArrayList<>();
        int depth = 0;
        int from = 0;
        int i = 0;
        while (i < expression.length()) {
            if (expression.startsWith("\"\"\"", i)) {
                i = expression.indexOf("\"\"\"", i + 3) + 3;
                continue;
            }
            char c = expression.charAt(i);
            if (c == '"') {
                i = endOfString(expression, i);
                continue;
            }
            if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
            } else if (c == '+' && depth == 0) {
                operands.add(expression.substring(from, i));
                from = i + 1;
            }
            i++;
        }
        operands.add(expression.substring(from));
        return operands;
    }

    private static int endOfString(String text, int quote) {
        int i = quote + 1;
        while (i < text.length() && text.charAt(i) != '"') {
            i += text.charAt(i) == '\\' ? 2 : 1;
        }
        return i + 1;
    }
}
