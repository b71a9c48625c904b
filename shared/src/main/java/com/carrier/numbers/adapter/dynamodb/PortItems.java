package com.carrier.numbers.adapter.dynamodb;

import static com.carrier.numbers.adapter.dynamodb.Attrs.n;
import static com.carrier.numbers.adapter.dynamodb.Attrs.s;

import com.carrier.numbers.adapter.carrier.CarrierEventJson;
import com.carrier.numbers.domain.EndUserAddress;
import com.carrier.numbers.domain.Port;
import com.carrier.numbers.domain.PortEvent;
import com.carrier.numbers.domain.PortNumberStatus;
import com.carrier.numbers.domain.PortStatus;
import com.carrier.numbers.domain.PortedNumber;
import com.carrier.numbers.domain.RejectionReason;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The one mapping between {@link Port} and a Ports item. Keys and what conditions and indexes need
 * are attributes ({@code port_id}, {@code account_id}, {@code status}, {@code account_status},
 * {@code created_key}, {@code version}); the rest of the request (numbers, timeline, carrier
 * decision) is one JSON document, read and written whole with the item.
 */
final class PortItems {
    static final String PK = "port_id";
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private PortItems() {
    }

    static Map<String, AttributeValue> key(String id) {
        return Map.of(PK, s(id));
    }

    static Map<String, AttributeValue> toItem(Port p) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put(PK, s(p.id()));
        item.put("account_id", s(p.accountId()));
        item.put("status", s(p.status().wire()));
        item.put("account_status", s(accountStatus(p.accountId(), p.status())));
        item.put("created_key", s(Attrs.time(p.createdAt()) + "#" + p.id()));
        item.put("attempt", n(p.attempt()));
        item.put("version", n(p.version()));
        item.put("doc", s(doc(p).toString()));
        return item;
    }

    static String accountStatus(String accountId, PortStatus status) {
        return accountId + "#" + status.wire();
    }

    private static ObjectNode doc(Port p) {
        ObjectNode o = MAPPER.createObjectNode();
        ArrayNode numbers = o.putArray("numbers");
        for (PortedNumber n : p.numbers()) {
            ObjectNode x = numbers.addObject().put("number", n.number()).put("status", n.status().wire());
            if (n.reason() != null) {
                x.put("reason", n.reason().name());
            }
        }
        put(o, "account_number", p.accountNumber());
        put(o, "account_pin", p.accountPin());
        put(o, "carrier_name", p.carrierName());
        put(o, "billing_phone", p.billingPhone());
        put(o, "end_user_name", p.endUserName());
        EndUserAddress a = p.endUserAddress();
        o.putObject("end_user_address").put("street", a.street()).put("city", a.city()).put("state", a.state())
                .put("postal_code", a.postalCode()).put("country", a.country());
        put(o, "requested_foc_date", p.requestedFocDate());
        put(o, "foc_date", p.focDate());
        put(o, "foc_at", p.focAt());
        put(o, "created_at", p.createdAt());
        put(o, "updated_at", p.updatedAt());
        put(o, "completed_at", p.completedAt());
        put(o, "estimated_completion", p.estimatedCompletion());
        p.messages().forEach(o.withArray("messages")::add);
        ArrayNode events = o.putArray("events");
        for (PortEvent e : p.events()) {
            ObjectNode x = events.addObject().put("at", e.at().toString()).put("status", e.status());
            put(x, "number", e.number());
            put(x, "message", e.message());
        }
        put(o, "task_token", p.taskToken());
        put(o, "task_stage", p.taskStage());
        o.put("submissions", p.submissions());
        if (p.decision() != null) {
            o.set("decision", CarrierEventJson.toJson(p.decision()));
        }
        put(o, "carrier_completed_at", p.carrierCompletedAt());
        p.eventIds().forEach(o.withArray("event_ids")::add);
        if (p.failureReason() != null) {
            o.put("failure_reason", p.failureReason().name());
        }
        return o;
    }

    static Port fromItem(Map<String, AttributeValue> item) {
        JsonNode o;
        try {
            o = MAPPER.readTree(item.get("doc").s());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("port " + item.get(PK).s() + " has a broken document", e);
        }
        List<PortedNumber> numbers = new ArrayList<>();
        for (JsonNode n : o.path("numbers")) {
            numbers.add(new PortedNumber(n.get("number").asText(), PortNumberStatus.fromWire(n.get("status").asText()),
                    n.hasNonNull("reason") ? RejectionReason.valueOf(n.get("reason").asText()) : null));
        }
        JsonNode a = o.path("end_user_address");
        List<String> messages = new ArrayList<>();
        o.path("messages").forEach(m -> messages.add(m.asText()));
        List<PortEvent> events = new ArrayList<>();
        for (JsonNode e : o.path("events")) {
            events.add(new PortEvent(Instant.parse(e.get("at").asText()), e.get("status").asText(), text(e, "number"), text(e, "message")));
        }
        List<String> eventIds = new ArrayList<>();
        o.path("event_ids").forEach(m -> eventIds.add(m.asText()));
        return new Port(item.get(PK).s(), item.get("account_id").s(), PortStatus.fromWire(item.get("status").s()),
                Integer.parseInt(item.get("attempt").n()), numbers, text(o, "account_number"), text(o, "account_pin"),
                text(o, "carrier_name"), text(o, "billing_phone"), text(o, "end_user_name"),
                new EndUserAddress(text(a, "street"), text(a, "city"), text(a, "state"), text(a, "postal_code"), text(a, "country")),
                date(o, "requested_foc_date"), date(o, "foc_date"), instant(o, "foc_at"), instant(o, "created_at"),
                instant(o, "updated_at"), instant(o, "completed_at"), instant(o, "estimated_completion"), messages, events,
                text(o, "task_token"), text(o, "task_stage"), o.path("submissions").asInt(0),
                o.hasNonNull("decision") ? CarrierEventJson.read(o.get("decision")) : null, instant(o, "carrier_completed_at"),
                eventIds, o.hasNonNull("failure_reason") ? RejectionReason.valueOf(o.get("failure_reason").asText()) : null,
                Long.parseLong(item.get("version").n()));
    }

    private static void put(ObjectNode o, String field, Object v) {
        if (v != null) {
            o.put(field, v.toString());
        }
    }

    private static String text(JsonNode o, String field) {
        JsonNode v = o.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }

    private static Instant instant(JsonNode o, String field) {
        String v = text(o, field);
        return v == null ? null : Instant.parse(v);
    }

    private static LocalDate date(JsonNode o, String field) {
        String v = text(o, field);
        return v == null ? null : LocalDate.parse(v);
    }
}
