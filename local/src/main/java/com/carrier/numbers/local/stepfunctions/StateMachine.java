package com.carrier.numbers.local.stepfunctions;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * A parsed and checked state machine definition. Everything the engine cannot run as written is
 * refused here, at load, with a message naming the state and the state type, field, resource or
 * intrinsic function: a definition never fails half-way through an execution for lack of support.
 */
public final class StateMachine {
    static final String LAMBDA_INVOKE = "arn:aws:states:::lambda:invoke";
    static final String LAMBDA_INVOKE_TOKEN = "arn:aws:states:::lambda:invoke.waitForTaskToken";
    /** A plain Lambda function ARN as Resource (the legacy form): the payload is the effective input, the result the function's output. */
    private static final String FUNCTION_ARN = "arn:aws[a-z-]*:lambda:[a-z0-9-]+:\\d{12}:function:[A-Za-z0-9_-]+(:[A-Za-z0-9_$-]+)?";

    private static final Set<String> COMMON = Set.of("Type", "Comment", "Next", "End", "InputPath", "OutputPath");
    private static final Map<String, Set<String>> FIELDS = Map.of(
            "Pass", union(COMMON, "Result", "ResultPath", "Parameters"),
            "Task", union(COMMON, "Resource", "Parameters", "ResultSelector", "ResultPath", "Retry", "Catch",
                    "TimeoutSeconds", "TimeoutSecondsPath", "HeartbeatSeconds", "HeartbeatSecondsPath"),
            "Choice", Set.of("Type", "Comment", "Choices", "Default", "InputPath", "OutputPath"),
            "Wait", union(COMMON, "Seconds", "SecondsPath", "Timestamp", "TimestampPath"),
            "Succeed", Set.of("Type", "Comment", "InputPath", "OutputPath"),
            "Fail", Set.of("Type", "Comment", "Error", "Cause", "ErrorPath", "CausePath"));
    private static final Set<String> RETRY_FIELDS = Set.of("ErrorEquals", "IntervalSeconds", "MaxAttempts", "BackoffRate",
            "MaxDelaySeconds", "JitterStrategy", "Comment");
    private static final Set<String> CATCH_FIELDS = Set.of("ErrorEquals", "Next", "ResultPath", "Comment");

    /** One state of the definition. */
    public record State(String name, String type, JsonNode node) {
        boolean has(String field) {
            return node.has(field);
        }

        JsonNode get(String field) {
            return node.get(field);
        }

        String text(String field) {
            JsonNode v = node.get(field);
            return v == null || v.isNull() ? null : v.asText();
        }

        boolean end() {
            return node.path("End").asBoolean(false);
        }
    }

    private final String name;
    private final JsonNode definition;
    private final String startAt;
    private final Map<String, State> states;
    private final Integer timeoutSeconds;

    private StateMachine(String name, JsonNode definition) {
        this.name = name;
        this.definition = definition;
        for (Iterator<String> it = definition.fieldNames(); it.hasNext(); ) {
            String f = it.next();
            if (!Set.of("StartAt", "States", "Comment", "TimeoutSeconds", "Version", "QueryLanguage").contains(f)) {
                throw new DefinitionException(name + ": unsupported top-level field " + f);
            }
        }
        if (definition.has("QueryLanguage") && !"JSONPath".equals(definition.get("QueryLanguage").asText())) {
            throw new DefinitionException(name + ": unsupported QueryLanguage " + definition.get("QueryLanguage").asText() + " (JSONPath only)");
        }
        this.startAt = definition.path("StartAt").asText(null);
        this.timeoutSeconds = definition.has("TimeoutSeconds") ? definition.get("TimeoutSeconds").asInt() : null;
        Map<String, State> map = new LinkedHashMap<>();
        JsonNode statesNode = definition.path("States");
        if (!statesNode.isObject() || statesNode.isEmpty()) {
            throw new DefinitionException(name + ": States must be a non-empty object");
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = statesNode.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String type = e.getValue().path("Type").asText("");
            map.put(e.getKey(), new State(e.getKey(), type, e.getValue()));
        }
        this.states = Map.copyOf(map);
        if (startAt == null || !states.containsKey(startAt)) {
            throw new DefinitionException(name + ": StartAt names no state: " + startAt);
        }
        map.values().forEach(this::check);
    }

    /** Parses and checks a definition (JSON text, with any DefinitionSubstitutions already applied). */
    public static StateMachine parse(String name, String definitionJson) {
        try {
            return new StateMachine(name, AslPaths.JSON.readTree(definitionJson));
        } catch (JsonProcessingException e) {
            throw new DefinitionException(name + ": not JSON: " + e.getOriginalMessage());
        }
    }

    public String name() {
        return name;
    }

    public String startAt() {
        return startAt;
    }

    public State state(String stateName) {
        State s = states.get(stateName);
        if (s == null) {
            throw StatesError.runtime("no state " + stateName);
        }
        return s;
    }

    public Integer timeoutSeconds() {
        return timeoutSeconds;
    }

    public String definitionJson() {
        return definition.toString();
    }

    private void check(State s) {
        String where = name + ": state " + s.name() + " (" + s.type() + ")";
        Set<String> allowed = FIELDS.get(s.type());
        if (allowed == null) {
            throw new DefinitionException(name + ": state " + s.name() + ": unsupported state type " + (s.type().isEmpty() ? "(none)" : s.type()));
        }
        for (Iterator<String> it = s.node().fieldNames(); it.hasNext(); ) {
            String f = it.next();
            if (!allowed.contains(f)) {
                throw new DefinitionException(where + ": unsupported field " + f);
            }
        }
        boolean terminal = s.type().equals("Succeed") || s.type().equals("Fail") || s.type().equals("Choice");
        if (!terminal) {
            if (s.has("Next") == s.end()) {
                throw new DefinitionException(where + ": needs exactly one of Next or End: true");
            }
            if (s.has("Next")) {
                target(s.text("Next"), where + ".Next");
            }
        }
        for (String pathField : new String[]{"InputPath", "OutputPath"}) {
            if (s.has(pathField) && !s.get(pathField).isNull()) {
                AslPaths.validate(s.text(pathField), where + "." + pathField);
            }
        }
        if (s.has("ResultPath") && !s.get("ResultPath").isNull()) {
            AslPaths.validateReferencePath(s.text("ResultPath"), where + ".ResultPath");
        }
        if (s.has("Parameters")) {
            AslPaths.validateTemplate(s.get("Parameters"), where + ".Parameters");
        }
        if (s.has("ResultSelector")) {
            AslPaths.validateTemplate(s.get("ResultSelector"), where + ".ResultSelector");
        }
        switch (s.type()) {
            case "Task" -> checkTask(s, where);
            case "Wait" -> {
                int forms = 0;
                for (String f : new String[]{"Seconds", "SecondsPath", "Timestamp", "TimestampPath"}) {
                    forms += s.has(f) ? 1 : 0;
                }
                if (forms != 1) {
                    throw new DefinitionException(where + ": needs exactly one of Seconds, SecondsPath, Timestamp, TimestampPath");
                }
                if (s.has("SecondsPath")) {
                    AslPaths.validate(s.text("SecondsPath"), where + ".SecondsPath");
                }
                if (s.has("TimestampPath")) {
                    AslPaths.validate(s.text("TimestampPath"), where + ".TimestampPath");
                }
                if (s.has("Timestamp") && ChoiceRules.timestamp(s.text("Timestamp")) == null) {
                    throw new DefinitionException(where + ".Timestamp: not an ISO-8601 timestamp: " + s.text("Timestamp"));
                }
            }
            case "Choice" -> {
                JsonNode choices = s.get("Choices");
                if (choices == null || !choices.isArray() || choices.isEmpty()) {
                    throw new DefinitionException(where + ": Choices must be a non-empty array");
                }
                int i = 0;
                for (JsonNode rule : choices) {
                    ChoiceRules.validate(rule, true, where + ".Choices[" + i++ + "]");
                    target(rule.get("Next").asText(), where + ".Choices.Next");
                }
                if (s.has("Default")) {
                    target(s.text("Default"), where + ".Default");
                }
            }
            case "Fail" -> {
                if (s.has("ErrorPath")) {
                    AslPaths.validate(s.text("ErrorPath"), where + ".ErrorPath");
                }
                if (s.has("CausePath")) {
                    AslPaths.validate(s.text("CausePath"), where + ".CausePath");
                }
            }
            default -> { }
        }
    }

    private void checkTask(State s, String where) {
        String resource = s.text("Resource");
        if (resource == null) {
            throw new DefinitionException(where + ": Resource is required");
        }
        if (resource.equals(LAMBDA_INVOKE) || resource.equals(LAMBDA_INVOKE_TOKEN)) {
            JsonNode params = s.get("Parameters");
            if (params == null || !(params.has("FunctionName") || params.has("FunctionName.$"))) {
                throw new DefinitionException(where + ": " + resource + " needs Parameters.FunctionName");
            }
            for (Iterator<String> it = params.fieldNames(); it.hasNext(); ) {
                String f = it.next().replaceFirst("\\.\\$$", "");
                if (!Set.of("FunctionName", "Payload", "Qualifier", "InvocationType", "ClientContext", "LogType").contains(f)) {
                    throw new DefinitionException(where + ": unsupported lambda:invoke parameter " + f);
                }
            }
            if (resource.equals(LAMBDA_INVOKE_TOKEN) && !params.toString().contains("$$.Task.Token")) {
                throw new DefinitionException(where + ": a .waitForTaskToken task must pass $$.Task.Token in its Parameters");
            }
        } else if (!resource.matches(FUNCTION_ARN)) {
            throw new DefinitionException(where + ": unsupported Resource " + resource
                    + " (supported: " + LAMBDA_INVOKE + ", " + LAMBDA_INVOKE_TOKEN + ", a Lambda function ARN)");
        }
        if (s.has("TimeoutSeconds") && s.has("TimeoutSecondsPath") || s.has("HeartbeatSeconds") && s.has("HeartbeatSecondsPath")) {
            throw new DefinitionException(where + ": TimeoutSeconds/HeartbeatSeconds and their Path form are exclusive");
        }
        for (String f : new String[]{"TimeoutSeconds", "HeartbeatSeconds"}) {
            if (s.has(f) && (!s.get(f).canConvertToInt() || s.get(f).asInt() <= 0)) {
                throw new DefinitionException(where + "." + f + ": must be a positive integer");
            }
            if (s.has(f + "Path")) {
                AslPaths.validate(s.text(f + "Path"), where + "." + f + "Path");
            }
        }
        if (s.has("Retry")) {
            int i = 0;
            for (JsonNode r : s.get("Retry")) {
                String w = where + ".Retry[" + i++ + "]";
                fields(r, RETRY_FIELDS, w);
                errorEquals(r, w);
                if (r.has("JitterStrategy") && !Set.of("FULL", "NONE").contains(r.get("JitterStrategy").asText())) {
                    throw new DefinitionException(w + ": unsupported JitterStrategy " + r.get("JitterStrategy").asText());
                }
                if (r.has("BackoffRate") && r.get("BackoffRate").asDouble() < 1) {
                    throw new DefinitionException(w + ".BackoffRate: must be at least 1.0");
                }
            }
        }
        if (s.has("Catch")) {
            int i = 0;
            for (JsonNode c : s.get("Catch")) {
                String w = where + ".Catch[" + i++ + "]";
                fields(c, CATCH_FIELDS, w);
                errorEquals(c, w);
                target(c.path("Next").asText(null), w + ".Next");
                if (c.has("ResultPath") && !c.get("ResultPath").isNull()) {
                    AslPaths.validateReferencePath(c.get("ResultPath").asText(), w + ".ResultPath");
                }
            }
        }
    }

    private static void fields(JsonNode node, Set<String> allowed, String where) {
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String f = it.next();
            if (!allowed.contains(f)) {
                throw new DefinitionException(where + ": unsupported field " + f);
            }
        }
    }

    private static void errorEquals(JsonNode node, String where) {
        JsonNode e = node.get("ErrorEquals");
        if (e == null || !e.isArray() || e.isEmpty()) {
            throw new DefinitionException(where + ": ErrorEquals must be a non-empty array");
        }
        Set<String> seen = new HashSet<>();
        e.forEach(x -> seen.add(x.asText()));
        if (seen.contains("States.ALL") && e.size() > 1) {
            throw new DefinitionException(where + ": States.ALL must appear alone in ErrorEquals");
        }
    }

    private void target(String next, String where) {
        if (next == null || !states.containsKey(next)) {
            throw new DefinitionException(where + ": names no state: " + next);
        }
    }

    private static Set<String> union(Set<String> a, String... more) {
        Set<String> s = new HashSet<>(a);
        s.addAll(Set.of(more));
        return Set.copyOf(s);
    }
}
