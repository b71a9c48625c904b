package com.carrier.numbers.local.stepfunctions;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Iterator;
import java.util.Set;

/** Choice state rules: every comparison operator (and its {@code ...Path} form), And / Or / Not, the type tests. */
final class ChoiceRules {
    private static final Set<String> COMPARISONS = Set.of(
            "StringEquals", "StringLessThan", "StringGreaterThan", "StringLessThanEquals", "StringGreaterThanEquals",
            "StringMatches",
            "NumericEquals", "NumericLessThan", "NumericGreaterThan", "NumericLessThanEquals", "NumericGreaterThanEquals",
            "BooleanEquals",
            "TimestampEquals", "TimestampLessThan", "TimestampGreaterThan", "TimestampLessThanEquals", "TimestampGreaterThanEquals");
    private static final Set<String> TESTS = Set.of("IsNull", "IsPresent", "IsNumeric", "IsString", "IsBoolean", "IsTimestamp");

    private ChoiceRules() {
    }

    /** Checks a rule at load time; {@code top} rules carry Next, nested ones do not. */
    static void validate(JsonNode rule, boolean top, String where) {
        if (!rule.isObject()) {
            throw new DefinitionException(where + ": a choice rule must be an object");
        }
        int operators = 0;
        for (Iterator<String> it = rule.fieldNames(); it.hasNext(); ) {
            String f = it.next();
            switch (f) {
                case "Next" -> {
                    if (!top) {
                        throw new DefinitionException(where + ": Next is only allowed on a top-level choice rule");
                    }
                }
                case "Comment" -> { }
                case "Variable" -> AslPaths.validate(rule.get(f).asText(), where + ".Variable");
                case "And", "Or" -> {
                    operators++;
                    if (!rule.get(f).isArray() || rule.get(f).isEmpty()) {
                        throw new DefinitionException(where + "." + f + ": must be a non-empty array of rules");
                    }
                    for (JsonNode r : rule.get(f)) {
                        validate(r, false, where + "." + f);
                    }
                }
                case "Not" -> {
                    operators++;
                    validate(rule.get(f), false, where + ".Not");
                }
                default -> {
                    String op = f.endsWith("Path") && COMPARISONS.contains(f.substring(0, f.length() - 4)) ? f.substring(0, f.length() - 4) : f;
                    if (!COMPARISONS.contains(op) && !TESTS.contains(op)) {
                        throw new DefinitionException(where + ": unsupported choice operator " + f);
                    }
                    if (op.equals("StringMatches") && f.endsWith("Path")) {
                        throw new DefinitionException(where + ": unsupported choice operator " + f);
                    }
                    operators++;
                    if (f.endsWith("Path")) {
                        AslPaths.validate(rule.get(f).asText(), where + "." + f);
                    }
                    if (!rule.has("Variable")) {
                        throw new DefinitionException(where + ": " + f + " needs a Variable");
                    }
                }
            }
        }
        if (operators != 1) {
            throw new DefinitionException(where + ": a choice rule needs exactly one operator");
        }
        if (top && !rule.has("Next")) {
            throw new DefinitionException(where + ": a top-level choice rule needs Next");
        }
    }

    static boolean matches(JsonNode rule, JsonNode input, JsonNode context) {
        if (rule.has("And")) {
            for (JsonNode r : rule.get("And")) {
                if (!matches(r, input, context)) {
                    return false;
                }
            }
            return true;
        }
        if (rule.has("Or")) {
            for (JsonNode r : rule.get("Or")) {
                if (matches(r, input, context)) {
                    return true;
                }
            }
            return false;
        }
        if (rule.has("Not")) {
            return !matches(rule.get("Not"), input, context);
        }
        String variablePath = rule.get("Variable").asText();
        for (Iterator<String> it = rule.fieldNames(); it.hasNext(); ) {
            String f = it.next();
            if (f.equals("Variable") || f.equals("Next") || f.equals("Comment")) {
                continue;
            }
            JsonNode variable = AslPaths.readOrNull(variablePath, input, context);
            if (TESTS.contains(f)) {
                boolean expected = rule.get(f).asBoolean();
                boolean actual = switch (f) {
                    case "IsPresent" -> variable != null;
                    case "IsNull" -> variable != null && variable.isNull();
                    case "IsNumeric" -> variable != null && variable.isNumber();
                    case "IsString" -> variable != null && variable.isTextual();
                    case "IsBoolean" -> variable != null && variable.isBoolean();
                    default -> variable != null && variable.isTextual() && timestamp(variable.asText()) != null;
                };
                return actual == expected;
            }
            if (variable == null) {
                throw StatesError.runtime("Invalid path '" + variablePath + "': The choice state's condition path references an invalid value.");
            }
            boolean isPath = f.endsWith("Path");
            String op = isPath ? f.substring(0, f.length() - 4) : f;
            JsonNode expected = isPath ? AslPaths.read(rule.get(f).asText(), input, context) : rule.get(f);
            return compare(op, variable, expected);
        }
        throw StatesError.runtime("choice rule without operator");
    }

    private static boolean compare(String op, JsonNode v, JsonNode e) {
        if (op.startsWith("String")) {
            if (!v.isTextual() || !e.isTextual()) {
                return false;
            }
            if (op.equals("StringMatches")) {
                return wildcard(v.asText(), e.asText());
            }
            return order(op.substring(6), v.asText().compareTo(e.asText()));
        }
        if (op.startsWith("Numeric")) {
            if (!v.isNumber() || !e.isNumber()) {
                return false;
            }
            return order(op.substring(7), v.decimalValue().compareTo(e.decimalValue()));
        }
        if (op.equals("BooleanEquals")) {
            return v.isBoolean() && e.isBoolean() && v.asBoolean() == e.asBoolean();
        }
        // Timestamp*
        OffsetDateTime a = v.isTextual() ? timestamp(v.asText()) : null;
        OffsetDateTime b = e.isTextual() ? timestamp(e.asText()) : null;
        if (a == null || b == null) {
            return false;
        }
        return order(op.substring(9), a.toInstant().compareTo(b.toInstant()));
    }

    private static boolean order(String relation, int c) {
        return switch (relation) {
            case "Equals" -> c == 0;
            case "LessThan" -> c < 0;
            case "GreaterThan" -> c > 0;
            case "LessThanEquals" -> c <= 0;
            case "GreaterThanEquals" -> c >= 0;
            default -> throw StatesError.runtime("unknown comparison " + relation);
        };
    }

    static OffsetDateTime timestamp(String s) {
        try {
            return OffsetDateTime.parse(s);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** StringMatches: {@code *} matches any run of characters; {@code \*} and {@code \\} are literal. */
    private static boolean wildcard(String value, String pattern) {
        StringBuilder regex = new StringBuilder();
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (c == '\\' && i + 1 < pattern.length()) {
                regex.append(java.util.regex.Pattern.quote(String.valueOf(pattern.charAt(++i))));
            } else if (c == '*') {
                regex.append(".*");
            } else {
                regex.append(java.util.regex.Pattern.quote(String.valueOf(c)));
            }
        }
        return value.matches("(?s)" + regex);
    }
}
