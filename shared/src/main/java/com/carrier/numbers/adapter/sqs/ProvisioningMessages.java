package com.carrier.numbers.adapter.sqs;

import com.carrier.numbers.domain.Assignment;
import com.carrier.numbers.domain.Cnam;
import com.carrier.numbers.domain.E911Address;
import com.carrier.numbers.domain.InventoryNumber;
import com.carrier.numbers.domain.JobOperation;
import com.carrier.numbers.domain.NumberUpdate;
import com.carrier.numbers.domain.Prepend;
import com.carrier.numbers.port.ProvisioningTask;
import com.carrier.numbers.port.ProvisioningTask.InventoryChunk;
import com.carrier.numbers.port.ProvisioningTask.JobItemTask;
import com.carrier.numbers.port.ProvisioningTask.RenewalDue;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The provisioning queue's message bodies (JSON; the README documents them for operators who put
 * inventory loads on the queue themselves): {@code job_item}, {@code inventory_load}, {@code renewal}.
 */
public final class ProvisioningMessages {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A body that is not a message of this queue; {@code jobId}/{@code firstIndex}/{@code count} say which job items it carried, if readable. */
    public static final class Malformed extends IllegalArgumentException {
        private final String jobId;
        private final int firstIndex;
        private final int count;

        Malformed(String message, String jobId, int firstIndex, int count) {
            super(message);
            this.jobId = jobId;
            this.firstIndex = firstIndex;
            this.count = count;
        }

        public String jobId() { return jobId; }
        public int firstIndex() { return firstIndex; }
        public int count() { return count; }
    }

    private ProvisioningMessages() {
    }

    public static String encode(ProvisioningTask task) {
        ObjectNode o = JSON.createObjectNode();
        switch (task) {
            case JobItemTask t -> {
                o.put("type", "job_item").put("job_id", t.jobId()).put("account_id", t.accountId()).put("index", t.index());
                o.set("operation", operation(t.operation()));
            }
            case InventoryChunk c -> {
                o.put("type", "inventory_load");
                if (c.jobId() != null) {
                    o.put("job_id", c.jobId());
                }
                o.put("first_index", c.firstIndex());
                ArrayNode numbers = o.putArray("numbers");
                for (InventoryNumber n : c.numbers()) {
                    ObjectNode e = numbers.addObject().put("number", n.number());
                    putText(e, "city", n.city());
                    putText(e, "state", n.region());
                    putText(e, "country", n.country());
                    putText(e, "type", n.type());
                }
            }
            case RenewalDue r -> o.put("type", "renewal").put("number", r.number()).put("account_id", r.accountId())
                    .put("due", r.due().toString());
        }
        try {
            return JSON.writeValueAsString(o);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public static ProvisioningTask decode(String body) {
        JsonNode o;
        try {
            o = JSON.readTree(body);
        } catch (JsonProcessingException e) {
            throw new Malformed("not JSON: " + e.getOriginalMessage(), null, 0, 0);
        }
        if (o == null || !o.isObject()) {
            throw new Malformed("not a JSON object", null, 0, 0);
        }
        String jobId = text(o, "job_id");
        String type = text(o, "type");
        try {
            return switch (type == null ? "" : type) {
                case "job_item" -> new JobItemTask(required(o, "job_id"), required(o, "account_id"), o.path("index").asInt(-1),
                        operation(o.path("operation")));
                case "inventory_load" -> new InventoryChunk(jobId, o.path("first_index").asInt(0), numbers(o.path("numbers")));
                case "renewal" -> new RenewalDue(required(o, "number"), required(o, "account_id"), Instant.parse(required(o, "due")));
                default -> throw new IllegalArgumentException("unknown message type " + type);
            };
        } catch (RuntimeException e) {
            int first = "inventory_load".equals(type) ? o.path("first_index").asInt(0) : o.path("index").asInt(0);
            int count = "inventory_load".equals(type) ? Math.max(1, o.path("numbers").size()) : 1;
            throw new Malformed(e.getMessage(), jobId, first, count);
        }
    }

    private static ObjectNode operation(JobOperation op) {
        ObjectNode o = JSON.createObjectNode().put("action", op.action().wire());
        putText(o, "number", op.number());
        putText(o, "prefix", op.prefix());
        putText(o, "city", op.city());
        putText(o, "state", op.state());
        putText(o, "sub_account_id", op.subAccountId());
        if (op.update() != null && !op.update().isEmpty()) {
            o.set("update", update(op.update()));
        }
        return o;
    }

    private static JobOperation operation(JsonNode o) {
        if (!o.isObject()) {
            throw new IllegalArgumentException("operation is missing");
        }
        return new JobOperation(JobOperation.Action.fromWire(required(o, "action")), text(o, "number"), text(o, "prefix"),
                text(o, "city"), text(o, "state"), text(o, "sub_account_id"), o.has("update") ? update(o.get("update")) : null);
    }

    private static ObjectNode update(NumberUpdate u) {
        ObjectNode o = JSON.createObjectNode();
        putText(o, "friendly_name", u.friendlyName());
        if (u.cnam() != null) {
            ObjectNode c = o.putObject("cnam");
            putText(c, "display_name", u.cnam().displayName());
            if (u.cnam().inboundLookup() != null) c.put("inbound_lookup", u.cnam().inboundLookup());
        }
        if (u.e911() != null) {
            ObjectNode e = o.putObject("e911");
            putText(e, "street_address", u.e911().streetAddress());
            putText(e, "extended_address", u.e911().extendedAddress());
            putText(e, "locality", u.e911().locality());
            putText(e, "region", u.e911().region());
            putText(e, "postal_code", u.e911().postalCode());
            putText(e, "caller_name", u.e911().callerName());
        }
        putText(o, "used_by", u.usedBy());
        if (u.assignedTo() != null) {
            o.putObject("assigned_to").put("type", u.assignedTo().type()).put("id", u.assignedTo().id());
        }
        if (u.prepend() != null) {
            ObjectNode p = o.putObject("prepend");
            if (u.prepend().enabled() != null) p.put("enabled", u.prepend().enabled());
            putText(p, "name", u.prepend().name());
            putText(p, "number", u.prepend().number());
        }
        if (!u.cleared().isEmpty()) {
            ArrayNode cleared = o.putArray("cleared");
            u.cleared().stream().sorted().forEach(cleared::add);
        }
        return o;
    }

    private static NumberUpdate update(JsonNode o) {
        Set<String> cleared = new HashSet<>();
        o.path("cleared").forEach(c -> cleared.add(c.asText()));
        JsonNode c = o.path("cnam");
        JsonNode e = o.path("e911");
        JsonNode a = o.path("assigned_to");
        JsonNode p = o.path("prepend");
        return new NumberUpdate(text(o, "friendly_name"),
                c.isObject() ? new Cnam(text(c, "display_name"), bool(c, "inbound_lookup")) : null,
                e.isObject() ? new E911Address(text(e, "street_address"), text(e, "extended_address"), text(e, "locality"),
                        text(e, "region"), text(e, "postal_code"), text(e, "caller_name")) : null,
                text(o, "used_by"),
                a.isObject() ? new Assignment(text(a, "type"), text(a, "id")) : null,
                p.isObject() ? new Prepend(bool(p, "enabled"), text(p, "name"), text(p, "number")) : null,
                Set.copyOf(cleared));
    }

    private static List<InventoryNumber> numbers(JsonNode list) {
        if (!list.isArray() || list.isEmpty() || list.size() > InventoryChunk.MAX) {
            throw new IllegalArgumentException("numbers must be a list of 1 to " + InventoryChunk.MAX + " entries");
        }
        List<InventoryNumber> out = new ArrayList<>(list.size());
        for (JsonNode n : list) {
            out.add(new InventoryNumber(text(n, "number"), text(n, "city"), text(n, "state"), text(n, "country"),
                    text(n, "type"), null, null));
        }
        return out;
    }

    private static void putText(ObjectNode o, String name, String value) {
        if (value != null) {
            o.put(name, value);
        }
    }

    private static String text(JsonNode o, String name) {
        JsonNode v = o.get(name);
        return v == null || v.isNull() ? null : v.asText();
    }

    private static Boolean bool(JsonNode o, String name) {
        JsonNode v = o.get(name);
        return v == null || v.isNull() ? null : v.asBoolean();
    }

    private static String required(JsonNode o, String name) {
        String v = text(o, name);
        if (v == null || v.isBlank()) {
            throw new IllegalArgumentException(name + " is required");
        }
        return v;
    }
}
