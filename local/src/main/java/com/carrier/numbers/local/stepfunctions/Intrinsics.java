package com.carrier.numbers.local.stepfunctions;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

/**
 * The intrinsic functions of the Amazon States Language ({@code "Key.$": "States.Format('{}', $.a)"}):
 * arguments are string literals in single quotes, numbers, booleans, null, paths and nested calls.
 */
final class Intrinsics {
    static final Set<String> SUPPORTED = Set.of("States.Format", "States.StringToJson", "States.JsonToString",
            "States.Array", "States.ArrayPartition", "States.ArrayContains", "States.ArrayRange", "States.ArrayGetItem",
            "States.ArrayLength", "States.ArrayUnique", "States.Base64Encode", "States.Base64Decode", "States.Hash",
            "States.JsonMerge", "States.MathRandom", "States.MathAdd", "States.StringSplit", "States.UUID");
    private static final SecureRandom RANDOM = new SecureRandom();

    private Intrinsics() {
    }

    /** A parsed argument or call. */
    private sealed interface Expr permits Literal, Path, Call {
    }

    private record Literal(JsonNode value) implements Expr {
    }

    private record Path(String path) implements Expr {
    }

    private record Call(String name, List<Expr> args) implements Expr {
    }

    static void validate(String expression, String where) {
        try {
            check(parse(expression), where);
        } catch (StatesError e) {
            throw new DefinitionException(where + ": " + e.causeText());
        }
    }

    private static void check(Expr e, String where) {
        if (e instanceof Call c) {
            if (!SUPPORTED.contains(c.name())) {
                throw new DefinitionException(where + ": unsupported intrinsic function " + c.name());
            }
            c.args().forEach(a -> check(a, where));
        } else if (e instanceof Path p) {
            AslPaths.validate(p.path(), where);
        }
    }

    static JsonNode evaluate(String expression, JsonNode input, JsonNode context) {
        return eval(parse(expression), input, context);
    }

    private static JsonNode eval(Expr e, JsonNode input, JsonNode context) {
        return switch (e) {
            case Literal l -> l.value();
            case Path p -> AslPaths.read(p.path(), input, context);
            case Call c -> call(c.name(), c.args().stream().map(a -> eval(a, input, context)).toList());
        };
    }

    private static JsonNode call(String name, List<JsonNode> args) {
        var nodes = AslPaths.nodes();
        switch (name) {
            case "States.Format" -> {
                String template = text(args, 0, name);
                StringBuilder out = new StringBuilder();
                int next = 1;
                for (int i = 0; i < template.length(); i++) {
                    char ch = template.charAt(i);
                    if (ch == '\\' && i + 1 < template.length()) {
                        out.append(template.charAt(++i));
                    } else if (ch == '{' && i + 1 < template.length() && template.charAt(i + 1) == '}') {
                        if (next >= args.size()) {
                            throw invalid(name, "more {} than arguments");
                        }
                        JsonNode a = args.get(next++);
                        if (a.isContainerNode()) {
                            throw invalid(name, "an argument is not a string, number, boolean or null");
                        }
                        out.append(a.isTextual() ? a.asText() : a.toString());
                        i++;
                    } else {
                        out.append(ch);
                    }
                }
                if (next != args.size()) {
                    throw invalid(name, "fewer {} than arguments");
                }
                return TextNode.valueOf(out.toString());
            }
            case "States.StringToJson" -> {
                try {
                    return AslPaths.JSON.readTree(text(args, 0, name));
                } catch (JsonProcessingException ex) {
                    throw invalid(name, "not JSON: " + args.get(0));
                }
            }
            case "States.JsonToString" -> {
                arity(args, 1, name);
                return TextNode.valueOf(args.get(0).toString());
            }
            case "States.Array" -> {
                ArrayNode a = nodes.arrayNode();
                args.forEach(a::add);
                return a;
            }
            case "States.ArrayPartition" -> {
                ArrayNode array = array(args, 0, name);
                int size = integer(args, 1, name);
                if (size <= 0) {
                    throw invalid(name, "chunk size must be positive");
                }
                ArrayNode out = nodes.arrayNode();
                ArrayNode chunk = null;
                for (int i = 0; i < array.size(); i++) {
                    if (i % size == 0) {
                        chunk = out.addArray();
                    }
                    chunk.add(array.get(i));
                }
                return out;
            }
            case "States.ArrayContains" -> {
                ArrayNode array = array(args, 0, name);
                for (JsonNode e : array) {
                    if (e.equals(args.get(1))) {
                        return nodes.booleanNode(true);
                    }
                }
                return nodes.booleanNode(false);
            }
            case "States.ArrayRange" -> {
                int from = integer(args, 0, name);
                int to = integer(args, 1, name);
                int step = integer(args, 2, name);
                if (step == 0) {
                    throw invalid(name, "step must not be 0");
                }
                ArrayNode out = nodes.arrayNode();
                for (int i = from; step > 0 ? i <= to : i >= to; i += step) {
                    out.add(i);
                    if (out.size() > 1000) {
                        throw invalid(name, "more than 1000 elements");
                    }
                }
                return out;
            }
            case "States.ArrayGetItem" -> {
                ArrayNode array = array(args, 0, name);
                int index = integer(args, 1, name);
                if (index < 0 || index >= array.size()) {
                    throw invalid(name, "index " + index + " out of bounds");
                }
                return array.get(index);
            }
            case "States.ArrayLength" -> {
                return nodes.numberNode(array(args, 0, name).size());
            }
            case "States.ArrayUnique" -> {
                ArrayNode out = nodes.arrayNode();
                new LinkedHashSet<JsonNode>(toList(array(args, 0, name))).forEach(out::add);
                return out;
            }
            case "States.Base64Encode" -> {
                return TextNode.valueOf(Base64.getEncoder().encodeToString(text(args, 0, name).getBytes(StandardCharsets.UTF_8)));
            }
            case "States.Base64Decode" -> {
                try {
                    return TextNode.valueOf(new String(Base64.getDecoder().decode(text(args, 0, name)), StandardCharsets.UTF_8));
                } catch (IllegalArgumentException ex) {
                    throw invalid(name, "not base64");
                }
            }
            case "States.Hash" -> {
                String algorithm = text(args, 1, name).toUpperCase(Locale.ROOT);
                if (!Set.of("MD5", "SHA-1", "SHA-256", "SHA-384", "SHA-512").contains(algorithm)) {
                    throw invalid(name, "unsupported algorithm " + algorithm);
                }
                JsonNode data = args.get(0);
                try {
                    byte[] digest = MessageDigest.getInstance(algorithm)
                            .digest((data.isTextual() ? data.asText() : data.toString()).getBytes(StandardCharsets.UTF_8));
                    return TextNode.valueOf(HexFormat.of().formatHex(digest));
                } catch (NoSuchAlgorithmException ex) {
                    throw invalid(name, ex.getMessage());
                }
            }
            case "States.JsonMerge" -> {
                arity(args, 3, name);
                if (!args.get(0).isObject() || !args.get(1).isObject()) {
                    throw invalid(name, "arguments must be objects");
                }
                if (args.get(2).asBoolean()) {
                    throw invalid(name, "deep merge is not supported by Step Functions (false only)");
                }
                ObjectNode out = args.get(0).deepCopy();
                out.setAll((ObjectNode) args.get(1).deepCopy());
                return out;
            }
            case "States.MathRandom" -> {
                int from = integer(args, 0, name);
                int to = integer(args, 1, name);
                return nodes.numberNode(from + RANDOM.nextInt(Math.max(1, to - from)));
            }
            case "States.MathAdd" -> {
                arity(args, 2, name);
                if (!args.get(0).isNumber() || !args.get(1).isNumber()) {
                    throw invalid(name, "arguments must be numbers");
                }
                if (args.get(0).canConvertToLong() && args.get(1).canConvertToLong() && args.get(0).isIntegralNumber()
                        && args.get(1).isIntegralNumber()) {
                    return nodes.numberNode(args.get(0).asLong() + args.get(1).asLong());
                }
                return nodes.numberNode(args.get(0).decimalValue().add(args.get(1).decimalValue()));
            }
            case "States.StringSplit" -> {
                String s = text(args, 0, name);
                String delimiters = text(args, 1, name);
                ArrayNode out = nodes.arrayNode();
                StringBuilder part = new StringBuilder();
                for (char ch : s.toCharArray()) {
                    if (delimiters.indexOf(ch) >= 0) {
                        if (!part.isEmpty()) {
                            out.add(part.toString());
                        }
                        part.setLength(0);
                    } else {
                        part.append(ch);
                    }
                }
                if (!part.isEmpty()) {
                    out.add(part.toString());
                }
                return out;
            }
            case "States.UUID" -> {
                arity(args, 0, name);
                return TextNode.valueOf(UUID.randomUUID().toString());
            }
            default -> throw invalid(name, "unsupported intrinsic function");
        }
    }

    private static List<JsonNode> toList(ArrayNode a) {
        List<JsonNode> out = new ArrayList<>();
        a.forEach(out::add);
        return out;
    }

    private static StatesError invalid(String name, String why) {
        return new StatesError("States.IntrinsicFailure", name + ": " + why);
    }

    private static void arity(List<JsonNode> args, int n, String name) {
        if (args.size() != n) {
            throw invalid(name, "takes " + n + " argument(s), got " + args.size());
        }
    }

    private static String text(List<JsonNode> args, int i, String name) {
        if (args.size() <= i || !args.get(i).isTextual()) {
            throw invalid(name, "argument " + (i + 1) + " must be a string");
        }
        return args.get(i).asText();
    }

    private static int integer(List<JsonNode> args, int i, String name) {
        if (args.size() <= i || !args.get(i).isNumber()) {
            throw invalid(name, "argument " + (i + 1) + " must be a number");
        }
        return args.get(i).asInt();
    }

    private static ArrayNode array(List<JsonNode> args, int i, String name) {
        if (args.size() <= i || !(args.get(i) instanceof ArrayNode a)) {
            throw invalid(name, "argument " + (i + 1) + " must be an array");
        }
        return a;
    }

    // ---- parsing ----

    private static Expr parse(String s) {
        Parser p = new Parser(s);
        Expr e = p.call();
        p.skipSpace();
        if (p.at != s.length()) {
            throw invalid("intrinsic", "unexpected text at " + p.at + " in " + s);
        }
        return e;
    }

    private static final class Parser {
        private final String s;
        private int at;

        Parser(String s) {
            this.s = s;
        }

        void skipSpace() {
            while (at < s.length() && Character.isWhitespace(s.charAt(at))) {
                at++;
            }
        }

        Call call() {
            skipSpace();
            int open = s.indexOf('(', at);
            if (open < 0) {
                throw invalid("intrinsic", "not a function call: " + s);
            }
            String name = s.substring(at, open).trim();
            if (!name.matches("States\\.[A-Za-z0-9]+")) {
                throw invalid("intrinsic", "not a function name: " + name);
            }
            at = open + 1;
            List<Expr> args = new ArrayList<>();
            skipSpace();
            if (at < s.length() && s.charAt(at) == ')') {
                at++;
                return new Call(name, args);
            }
            while (true) {
                args.add(argument());
                skipSpace();
                if (at >= s.length()) {
                    throw invalid(name, "missing )");
                }
                char ch = s.charAt(at++);
                if (ch == ')') {
                    return new Call(name, args);
                }
                if (ch != ',') {
                    throw invalid(name, "expected , or ) at " + (at - 1));
                }
            }
        }

        Expr argument() {
            skipSpace();
            if (at >= s.length()) {
                throw invalid("intrinsic", "missing argument");
            }
            char ch = s.charAt(at);
            if (ch == '\'') {
                StringBuilder out = new StringBuilder();
                at++;
                while (at < s.length() && s.charAt(at) != '\'') {
                    char c = s.charAt(at++);
                    if (c == '\\' && at < s.length()) {
                        char escaped = s.charAt(at++);
                        // \{ and \} stay escaped for States.Format; \' and \\ are plain characters
                        if (escaped == '{' || escaped == '}') {
                            out.append('\\');
                        }
                        out.append(escaped);
                    } else {
                        out.append(c);
                    }
                }
                if (at >= s.length()) {
                    throw invalid("intrinsic", "unterminated string in " + s);
                }
                at++;
                return new Literal(TextNode.valueOf(out.toString()));
            }
            if (ch == '$') {
                int start = at;
                int depth = 0;
                boolean quoted = false;
                while (at < s.length()) {
                    char c = s.charAt(at);
                    if (c == '\'' ) {
                        quoted = !quoted;
                    } else if (!quoted && (c == '[' || c == '(')) {
                        depth++;
                    } else if (!quoted && (c == ']' || c == ')')) {
                        if (depth == 0) {
                            break;
                        }
                        depth--;
                    } else if (!quoted && depth == 0 && c == ',') {
                        break;
                    }
                    at++;
                }
                return new Path(s.substring(start, at).trim());
            }
            if (s.startsWith("States.", at)) {
                return call();
            }
            int start = at;
            while (at < s.length() && s.charAt(at) != ',' && s.charAt(at) != ')') {
                at++;
            }
            String token = s.substring(start, at).trim();
            switch (token) {
                case "true" -> { return new Literal(AslPaths.nodes().booleanNode(true)); }
                case "false" -> { return new Literal(AslPaths.nodes().booleanNode(false)); }
                case "null" -> { return new Literal(NullNode.getInstance()); }
                default -> {
                    JsonNode number;
                    try {
                        number = AslPaths.JSON.readTree(token);
                    } catch (JsonProcessingException | RuntimeException e) {
                        number = null;
                    }
                    if (number == null || !number.isNumber()) {
                        throw invalid("intrinsic", "bad argument " + token);
                    }
                    return new Literal(number);
                }
            }
        }
    }
}
