package com.carrier.numbers.local.stepfunctions;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import com.fasterxml.jackson.databind.node.TextNode;

/** How a scenario ended on one engine: states visited in order, functions called in order, status, error, output. */
public record ScenarioResult(String engine, List<String> visitedStates, List<String> calledFunctions, WorkflowStatus status,
                             String error, JsonNode output, Map<String, String> resolvedInput) {

    /** The part both engines must agree on (see {@link WorkflowScenario} for the two moto differences removed). */
    public Comparable comparable() {
        return new Comparable(visitedStates, calledFunctions, status, error, output == null ? null : normalized(output.deepCopy(), resolvedInput));
    }

    public record Comparable(List<String> visitedStates, List<String> calledFunctions, WorkflowStatus status, String error,
                             JsonNode output) {
    }

    private static JsonNode normalized(JsonNode node, Map<String, String> resolvedInput) {
        if (node instanceof ObjectNode o) {
            o.properties().forEach(e -> {
                if (e.getValue().isTextual() && resolvedInput.containsKey(e.getValue().asText())) {
                    e.setValue(TextNode.valueOf(resolvedInput.get(e.getValue().asText())));
                }
            });
            if (o.has("Error") && o.has("Cause") && o.size() == 2) {
                o.remove("Cause");
            }
            if (o.has("StatusCode") && o.has("Payload")) {
                o.remove(List.of("SdkHttpMetadata", "SdkResponseMetadata", "ExecutedVersion"));
            }
            o.forEach(n -> normalized(n, resolvedInput));
        } else if (node.isArray()) {
            node.forEach(n -> normalized(n, resolvedInput));
        }
        return node;
    }
}
