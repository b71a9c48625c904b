package com.carrier.numbers.functions.lifecycle;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One AWS SDK call a function made, as {@link AwsCallRecorder} saw it on the wire: the lifecycle
 * phase (init, beforeCheckpoint, afterRestore, request), the service and operation, the request's
 * resource fields (TableName, IndexName, QueueUrl, StateMachineArn, ...), the elements of a
 * transaction or batch (kind and table), and the access key the request was signed with.
 */
public record AwsCall(String phase, String service, String operation, Map<String, String> fields, List<Item> items,
                      String accessKeyId, boolean sessionToken) {

    /** One element of a TransactWriteItems / TransactGetItems / batch: Put, Update, Delete, ConditionCheck, Get; its table. */
    public record Item(String kind, String table) {
    }

    public static AwsCall fromJson(JsonNode n) {
        Map<String, String> fields = new LinkedHashMap<>();
        n.path("fields").fields().forEachRemaining(e -> fields.put(e.getKey(), e.getValue().asText()));
        List<Item> items = new ArrayList<>();
        n.path("items").forEach(i -> items.add(new Item(i.path("kind").asText(), i.path("table").asText())));
        return new AwsCall(n.path("phase").asText(), n.path("service").asText(), n.path("operation").asText(), fields, items,
                n.path("accessKeyId").asText(null), n.path("sessionToken").asBoolean());
    }

    public String describe() {
        StringBuilder b = new StringBuilder(service + "." + operation);
        fields.forEach((k, v) -> b.append(' ').append(k).append('=').append(v));
        items.forEach(i -> b.append(" [").append(i.kind()).append(' ').append(i.table()).append(']'));
        return b.append(" (").append(phase).append(')').toString();
    }
}
