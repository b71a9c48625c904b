package com.carrier.numbers.adapter.carrier;

import com.carrier.numbers.domain.CarrierEvent;
import com.carrier.numbers.domain.PlatformException;
import com.carrier.numbers.domain.RejectionReason;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The carrier callback's body, both ways:
 * <pre>{"event_id": "evt_1", "type": "authorized" | "rejected" | "completed", "foc_date": "2026-12-09",
 *  "numbers": [{"number": "+14155550000", "status": "authorized" | "rejected", "reason": "NUMBER_NOT_PORTABLE"}],
 *  "reason": "ENTITY_NAME_MISMATCH", "message": "...", "occurred_at": "2026-12-01T10:00:00Z"}</pre>
 * A body that does not parse is a 400 naming the field.
 */
public final class CarrierEventJson {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Set<String> FIELDS = Set.of("event_id", "type", "foc_date", "numbers", "reason", "message", "occurred_at");

    private CarrierEventJson() {
    }

    public static ObjectNode toJson(CarrierEvent e) {
        ObjectNode o = MAPPER.createObjectNode();
        o.put("event_id", e.eventId());
        o.put("type", e.type().name().toLowerCase(Locale.ROOT));
        if (e.focDate() != null) {
            o.put("foc_date", e.focDate().toString());
        }
        if (!e.numbers().isEmpty()) {
            ArrayNode a = o.putArray("numbers");
            for (CarrierEvent.NumberDecision n : e.numbers()) {
                ObjectNode x = a.addObject();
                x.put("number", n.number());
                x.put("status", n.rejected() ? "rejected" : "authorized");
                if (n.reason() != null) {
                    x.put("reason", n.reason().name());
                }
            }
        }
        if (e.reason() != null) {
            o.put("reason", e.reason().name());
        }
        if (e.message() != null) {
            o.put("message", e.message());
        }
        if (e.occurredAt() != null) {
            o.put("occurred_at", e.occurredAt().toString());
        }
        return o;
    }

    public static String write(CarrierEvent e) {
        return toJson(e).toString();
    }

    public static CarrierEvent read(JsonNode o) {
        if (o == null || !o.isObject()) {
            throw PlatformException.validation("body", "the event must be a JSON object");
        }
        for (Iterator<String> it = o.fieldNames(); it.hasNext(); ) {
            String f = it.next();
            if (!FIELDS.contains(f)) {
                throw PlatformException.validation(f, "unknown field " + f);
            }
        }
        String id = text(o, "event_id", true);
        if (id.length() > 128) {
            throw PlatformException.validation("event_id", "event_id is at most 128 characters");
        }
        CarrierEvent.Type type;
        try {
            type = CarrierEvent.Type.valueOf(text(o, "type", true).toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw PlatformException.validation("type", "type must be authorized, rejected or completed");
        }
        LocalDate foc = null;
        String focText = text(o, "foc_date", false);
        if (focText != null) {
            try {
                foc = LocalDate.parse(focText);
            } catch (DateTimeException e) {
                throw PlatformException.validation("foc_date", "foc_date must be YYYY-MM-DD");
            }
        }
        List<CarrierEvent.NumberDecision> numbers = new ArrayList<>();
        JsonNode list = o.get("numbers");
        if (list != null && !list.isNull()) {
            if (!list.isArray()) {
                throw PlatformException.validation("numbers", "numbers must be a list");
            }
            int i = 0;
            for (JsonNode n : list) {
                String where = "numbers[" + i++ + "]";
                if (!n.isObject()) {
                    throw PlatformException.validation(where, where + " must be an object");
                }
                String number = text(n, "number", true);
                String status = text(n, "status", true);
                if (!status.equals("rejected") && !status.equals("authorized")) {
                    throw PlatformException.validation(where + ".status", "status must be authorized or rejected");
                }
                numbers.add(new CarrierEvent.NumberDecision(number, status.equals("rejected"), reason(n, where + ".reason")));
            }
        }
        Instant at = null;
        String atText = text(o, "occurred_at", false);
        if (atText != null) {
            try {
                at = Instant.parse(atText);
            } catch (DateTimeException e) {
                throw PlatformException.validation("occurred_at", "occurred_at must be an ISO-8601 instant");
            }
        }
        return new CarrierEvent(id, type, foc, numbers, reason(o, "reason"), text(o, "message", false), at);
    }

    private static RejectionReason reason(JsonNode o, String field) {
        String leaf = field.contains(".") ? field.substring(field.lastIndexOf('.') + 1) : field;
        String v = text(o, leaf, false);
        if (v == null) {
            return null;
        }
        RejectionReason r = RejectionReason.fromWire(v);
        if (r == null) {
            throw PlatformException.validation(field, field + " must be one of ENTITY_NAME_MISMATCH, ACCOUNT_NUMBER_INVALID, PIN_INVALID, NUMBER_NOT_PORTABLE, CARRIER_TIMEOUT");
        }
        return r;
    }

    private static String text(JsonNode o, String field, boolean required) {
        JsonNode v = o.get(field);
        if (v == null || v.isNull()) {
            if (required) {
                throw PlatformException.validation(field, field + " is required");
            }
            return null;
        }
        if (!v.isTextual() || (required && v.asText().isBlank())) {
            throw PlatformException.validation(field, field + " must be a non-empty string");
        }
        return v.asText();
    }
}
