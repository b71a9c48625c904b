package com.carrier.numbers.local.stepfunctions;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.jayway.jsonpath.Configuration;
import com.jayway.jsonpath.InvalidPathException;
import com.jayway.jsonpath.JsonPath;
import com.jayway.jsonpath.PathNotFoundException;
import com.jayway.jsonpath.spi.json.JacksonJsonNodeJsonProvider;
import com.jayway.jsonpath.spi.mapper.JacksonMappingProvider;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The JSONPath side of the Amazon States Language, evaluated by Jayway json-path: paths on the
 * state input ({@code $...}) and on the context object ({@code $$...}), payload templates
 * ({@code Parameters}, {@code ResultSelector}, keys ending in {@code .$}) and {@code ResultPath}.
 */
final class AslPaths {
    static final ObjectMapper JSON = new ObjectMapper();
    private static final Configuration CONF = Configuration.builder()
            .jsonProvider(new JacksonJsonNodeJsonProvider(JSON))
            .mappingProvider(new JacksonMappingProvider(JSON))
            .build();
    /** A reference path as ResultPath allows it: {@code $}, {@code $.a.b}, {@code $['a'].b}, {@code $.a[0]}. */
    private static final Pattern SEGMENT = Pattern.compile("\\.([A-Za-z_$][\\w$-]*)|\\['([^']*)'\\]|\\[(\\d+)\\]");

    private AslPaths() {
    }

    /** Throws a {@link DefinitionException} if {@code path} is not a JSONPath (or {@code $$.} context path). */
    static void validate(String path, String where) {
        if (path == null || !path.startsWith("$")) {
            throw new DefinitionException(where + ": not a path: " + path);
        }
        try {
            JsonPath.compile(path.startsWith("$$") ? path.substring(1) : path);
        } catch (InvalidPathException e) {
            throw new DefinitionException(where + ": invalid path " + path + " (" + e.getMessage() + ")");
        }
    }

    static void validateReferencePath(String path, String where) {
        validate(path, where);
        if (!path.equals("$") && segments(path) == null) {
            throw new DefinitionException(where + ": ResultPath must be a reference path ($.a.b, $['a'], $.a[0]), got " + path);
        }
    }

    /** Reads a path; {@code $$...} reads the context object. Missing -> States.Runtime (as Step Functions fails a state). */
    static JsonNode read(String path, JsonNode input, JsonNode context) {
        JsonNode value = readOrNull(path, input, context);
        if (value == null) {
            throw StatesError.runtime("The JSONPath '" + path + "' could not be found in the input '" + input + "'");
        }
        return value;
    }

    /** Reads a path, answering Java null when nothing is there (IsPresent false). */
    static JsonNode readOrNull(String path, JsonNode input, JsonNode context) {
        JsonNode doc = input;
        String p = path;
        if (path.startsWith("$$")) {
            doc = context;
            p = path.substring(1);
        }
        if (p.equals("$")) {
            return doc;
        }
        try {
            Object v = JsonPath.using(CONF).parse(doc).read(p);
            return v instanceof JsonNode n ? n : JSON.valueToTree(v);
        } catch (PathNotFoundException e) {
            return null;
        } catch (RuntimeException e) {
            throw StatesError.runtime("cannot evaluate " + path + ": " + e.getMessage());
        }
    }

    /** InputPath / OutputPath: null discards the input ({} goes on), {@code $} keeps it. */
    static JsonNode select(String path, boolean present, JsonNode input, JsonNode context) {
        if (!present) {
            return input;
        }
        if (path == null) {
            return JSON.createObjectNode();
        }
        return read(path, input, context);
    }

    /** Applies a payload template: keys ending in {@code .$} take a path's value or an intrinsic function's result. */
    static JsonNode template(JsonNode template, JsonNode input, JsonNode context) {
        if (template.isObject()) {
            ObjectNode out = JSON.createObjectNode();
            for (Iterator<Map.Entry<String, JsonNode>> it = template.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> f = it.next();
                if (f.getKey().endsWith(".$")) {
                    String expr = f.getValue().asText();
                    String key = f.getKey().substring(0, f.getKey().length() - 2);
                    out.set(key, expr.startsWith("States.") ? Intrinsics.evaluate(expr, input, context) : read(expr, input, context));
                } else {
                    out.set(f.getKey(), template(f.getValue(), input, context));
                }
            }
            return out;
        }
        if (template.isArray()) {
            var out = JSON.createArrayNode();
            template.forEach(e -> out.add(template(e, input, context)));
            return out;
        }
        return template.deepCopy();
    }

    /** Checks every {@code .$} entry of a payload template at load time. */
    static void validateTemplate(JsonNode template, String where) {
        if (template.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = template.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> f = it.next();
                if (f.getKey().endsWith(".$")) {
                    if (!f.getValue().isTextual()) {
                        throw new DefinitionException(where + "." + f.getKey() + ": a .$ field must be a path or an intrinsic function");
                    }
                    String expr = f.getValue().asText();
                    if (expr.startsWith("States.")) {
                        Intrinsics.validate(expr, where + "." + f.getKey());
                    } else {
                        validate(expr, where + "." + f.getKey());
                    }
                } else {
                    validateTemplate(f.getValue(), where + "." + f.getKey());
                }
            }
        } else if (template.isArray()) {
            for (JsonNode e : template) {
                validateTemplate(e, where + "[]");
            }
        }
    }

    /** ResultPath: absent = {@code $} (result replaces input), null = input kept, else the result is placed into a copy of the input. */
    static JsonNode placeResult(String resultPath, boolean present, JsonNode input, JsonNode result) {
        if (!present || "$".equals(resultPath)) {
            return result;
        }
        if (resultPath == null) {
            return input;
        }
        List<Object> segs = segments(resultPath);
        if (!input.isObject()) {
            throw new StatesError("States.ResultPathMatchFailure", "ResultPath " + resultPath + " cannot be applied to input " + input);
        }
        JsonNode root = input.deepCopy();
        JsonNode node = root;
        for (int i = 0; i < segs.size(); i++) {
            Object seg = segs.get(i);
            boolean last = i == segs.size() - 1;
            if (seg instanceof String key) {
                if (!node.isObject()) {
                    throw new StatesError("States.ResultPathMatchFailure", "ResultPath " + resultPath + " meets a non-object in " + input);
                }
                ObjectNode obj = (ObjectNode) node;
                if (last) {
                    obj.set(key, result);
                } else {
                    JsonNode child = obj.get(key);
                    if (child == null || !child.isContainerNode()) {
                        child = obj.putObject(key);
                    }
                    node = child;
                }
            } else {
                int index = (Integer) seg;
                if (!node.isArray() || node.size() <= index) {
                    throw new StatesError("States.ResultPathMatchFailure", "ResultPath " + resultPath + " names a missing array element in " + input);
                }
                var arr = (com.fasterxml.jackson.databind.node.ArrayNode) node;
                if (last) {
                    arr.set(index, result);
                } else {
                    node = arr.get(index);
                }
            }
        }
        return root;
    }

    /** The segments of a reference path ({@code String} keys, {@code Integer} indexes), or null if it is not one. */
    private static List<Object> segments(String path) {
        if (!path.startsWith("$") || path.startsWith("$$")) {
            return null;
        }
        List<Object> out = new ArrayList<>();
        Matcher m = SEGMENT.matcher(path);
        int at = 1;
        while (at < path.length()) {
            if (!m.find(at) || m.start() != at) {
                return null;
            }
            out.add(m.group(1) != null ? m.group(1) : m.group(2) != null ? m.group(2) : (Object) Integer.parseInt(m.group(3)));
            at = m.end();
        }
        return out;
    }

    static JsonNode nullToJson(JsonNode n) {
        return n == null ? NullNode.getInstance() : n;
    }

    static JsonNodeFactory nodes() {
        return JSON.getNodeFactory();
    }
}
