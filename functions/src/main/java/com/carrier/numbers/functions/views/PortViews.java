package com.carrier.numbers.functions.views;

import com.carrier.numbers.domain.EndUserAddress;
import com.carrier.numbers.domain.Port;
import com.carrier.numbers.domain.PortEvent;
import com.carrier.numbers.domain.PortedNumber;
import com.carrier.numbers.functions.http.Json;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * Ports as the API shows them (seed 003): the creation answer, and the full document of GET,
 * DELETE and PATCH. The account PIN is never shown; unset fields are omitted.
 */
public final class PortViews {
    private PortViews() {
    }

    /** The 201 answer of POST /v2/ports. */
    public static ObjectNode created(Port p) {
        ObjectNode o = Json.object();
        o.put("id", p.id());
        o.put("number", p.number());
        numbers(o, p);
        o.put("status", p.status().wire());
        o.put("carrier_status", p.carrierStatus());
        time(o, "created_at", p.createdAt());
        time(o, "estimated_completion", p.estimatedCompletion());
        return o;
    }

    /** GET /v2/ports/{id}, and the answer of DELETE and PATCH. */
    public static ObjectNode port(Port p) {
        ObjectNode o = created(p);
        o.put("account_id", p.accountId());
        time(o, "updated_at", p.updatedAt());
        if (p.requestedFocDate() != null) {
            o.put("requested_foc_date", p.requestedFocDate().toString());
        }
        if (p.focDate() != null) {
            o.put("foc_date", p.focDate().toString());
        }
        time(o, "completed_at", p.completedAt());
        o.put("account_number", p.accountNumber());
        if (p.carrierName() != null) {
            o.put("carrier_name", p.carrierName());
        }
        o.put("billing_phone", p.billingPhone());
        o.put("end_user_name", p.endUserName());
        EndUserAddress a = p.endUserAddress();
        o.putObject("end_user_address").put("street", a.street()).put("city", a.city()).put("state", a.state())
                .put("postal_code", a.postalCode()).put("country", a.country());
        o.put("attempt", p.attempt());
        ArrayNode messages = o.putArray("messages");
        p.messages().forEach(messages::add);
        ArrayNode events = o.putArray("events");
        for (PortEvent e : p.events()) {
            ObjectNode x = events.addObject();
            time(x, "at", e.at());
            x.put("status", e.status());
            if (e.number() != null) {
                x.put("number", e.number());
            }
            if (e.message() != null) {
                x.put("message", e.message());
            }
        }
        return o;
    }

    private static void numbers(ObjectNode o, Port p) {
        ArrayNode list = o.putArray("numbers");
        for (PortedNumber n : p.numbers()) {
            ObjectNode x = list.addObject().put("number", n.number()).put("status", n.status().wire());
            if (n.reason() != null) {
                x.put("reason", n.reason().name());
            }
        }
    }

    private static void time(ObjectNode o, String field, Instant t) {
        if (t != null) {
            o.put(field, t.truncatedTo(ChronoUnit.SECONDS).toString());
        }
    }
}
