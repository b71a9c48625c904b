package com.carrier.numbers.functions.http;

import com.carrier.numbers.domain.Assignment;
import com.carrier.numbers.domain.Cnam;
import com.carrier.numbers.domain.E911Address;
import com.carrier.numbers.domain.NumberUpdate;
import com.carrier.numbers.domain.Prepend;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashSet;
import java.util.Set;

/** Reads the configurable fields of a number (cnam, e911, used_by, assigned_to, prepend, friendly_name) from a request. */
public final class NumberUpdateJson {
    private NumberUpdateJson() {
    }

    /** Parses {@code data}; fields outside {@code allowed} are refused; JSON null clears a field. */
    public static NumberUpdate parse(JsonNode data, Set<String> allowed) {
        Fields.onlyKnown(data, "data", allowed);
        Set<String> cleared = new HashSet<>();
        for (String f : NumberUpdate.FIELDS) {
            if (Fields.isExplicitNull(data, f)) {
                cleared.add(f);
            }
        }
        return new NumberUpdate(
                Fields.text(data, "friendly_name", "friendly_name"),
                cnam(Fields.object(data, "cnam", "cnam")),
                e911(Fields.object(data, "e911", "e911")),
                Fields.text(data, "used_by", "used_by"),
                assignment(Fields.object(data, "assigned_to", "assigned_to")),
                prepend(Fields.object(data, "prepend", "prepend")),
                Set.copyOf(cleared));
    }

    private static Cnam cnam(JsonNode c) {
        if (c == null) {
            return null;
        }
        Fields.onlyKnown(c, "cnam", Set.of("display_name", "inbound_lookup"));
        return new Cnam(Fields.text(c, "display_name", "cnam.display_name"), Fields.bool(c, "inbound_lookup", "cnam.inbound_lookup"));
    }

    private static E911Address e911(JsonNode e) {
        if (e == null) {
            return null;
        }
        Fields.onlyKnown(e, "e911", Set.of("street_address", "extended_address", "locality", "region", "postal_code", "caller_name"));
        return new E911Address(
                Fields.text(e, "street_address", "e911.street_address"),
                Fields.text(e, "extended_address", "e911.extended_address"),
                Fields.text(e, "locality", "e911.locality"),
                Fields.text(e, "region", "e911.region"),
                Fields.text(e, "postal_code", "e911.postal_code"),
                Fields.text(e, "caller_name", "e911.caller_name"));
    }

    private static Assignment assignment(JsonNode a) {
        if (a == null) {
            return null;
        }
        Fields.onlyKnown(a, "assigned_to", Set.of("type", "id"));
        return new Assignment(Fields.requiredText(a, "type", "assigned_to.type"), Fields.requiredText(a, "id", "assigned_to.id"));
    }

    private static Prepend prepend(JsonNode p) {
        if (p == null) {
            return null;
        }
        Fields.onlyKnown(p, "prepend", Set.of("enabled", "name", "number"));
        return new Prepend(Fields.bool(p, "enabled", "prepend.enabled"), Fields.text(p, "name", "prepend.name"),
                Fields.text(p, "number", "prepend.number"));
    }
}
