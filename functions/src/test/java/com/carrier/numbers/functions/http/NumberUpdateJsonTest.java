package com.carrier.numbers.functions.http;

import static com.carrier.numbers.functions.http.FieldsTest.json;
import static com.carrier.numbers.functions.http.FieldsTest.refused;
import static org.assertj.core.api.Assertions.assertThat;

import com.carrier.numbers.domain.Assignment;
import com.carrier.numbers.domain.Cnam;
import com.carrier.numbers.domain.E911Address;
import com.carrier.numbers.domain.NumberUpdate;
import com.carrier.numbers.domain.Prepend;
import java.util.Set;
import org.junit.jupiter.api.Test;

class NumberUpdateJsonTest {

    @Test
    void readsEveryConfigurableField() {
        NumberUpdate u = NumberUpdateJson.parse(json("""
                {"friendly_name":"Main line","used_by":"callflow",
                 "cnam":{"display_name":"ACME","inbound_lookup":true},
                 "e911":{"street_address":"1 Main St","extended_address":"Ste 2","locality":"SF","region":"CA",
                         "postal_code":"94105","caller_name":"Acme"},
                 "assigned_to":{"type":"user","id":"u1"},
                 "prepend":{"enabled":true,"name":"VIP","number":"+1"}}"""), NumberUpdate.FIELDS);
        assertThat(u).isEqualTo(new NumberUpdate("Main line", new Cnam("ACME", true),
                new E911Address("1 Main St", "Ste 2", "SF", "CA", "94105", "Acme"), "callflow", new Assignment("user", "u1"),
                new Prepend(true, "VIP", "+1"), Set.of()));
    }

    @Test
    void jsonNullClearsAFieldAndAbsentLeavesIt() {
        NumberUpdate u = NumberUpdateJson.parse(json("{\"cnam\":null,\"e911\":null,\"used_by\":\"x\"}"), NumberUpdate.FIELDS);
        assertThat(u.cleared()).containsExactlyInAnyOrder("cnam", "e911");
        assertThat(u.cnam()).isNull();
        assertThat(u.usedBy()).isEqualTo("x");
        assertThat(NumberUpdateJson.parse(json("{}"), NumberUpdate.FIELDS).isEmpty()).isTrue();
    }

    @Test
    void refusesFieldsOutsideTheOperationAndUnknownNestedFields() {
        refused(() -> NumberUpdateJson.parse(json("{\"used_by\":\"x\"}"), Set.of("cnam")), "data.used_by",
                "unknown field data.used_by (expected one of [cnam])");
        refused(() -> NumberUpdateJson.parse(json("{\"cnam\":{\"name\":\"x\"}}"), NumberUpdate.FIELDS), "cnam.name",
                "unknown field cnam.name (expected one of [display_name, inbound_lookup])");
        refused(() -> NumberUpdateJson.parse(json("{\"e911\":{\"street\":\"x\"}}"), NumberUpdate.FIELDS), "e911.street",
                "unknown field e911.street (expected one of [caller_name, extended_address, locality, postal_code, region, street_address])");
        refused(() -> NumberUpdateJson.parse(json("{\"prepend\":{\"on\":true}}"), NumberUpdate.FIELDS), "prepend.on",
                "unknown field prepend.on (expected one of [enabled, name, number])");
        refused(() -> NumberUpdateJson.parse(json("{\"assigned_to\":{\"kind\":\"x\"}}"), NumberUpdate.FIELDS), "assigned_to.kind",
                "unknown field assigned_to.kind (expected one of [id, type])");
    }

    @Test
    void wrongTypesNameTheNestedField() {
        refused(() -> NumberUpdateJson.parse(json("{\"cnam\":{\"inbound_lookup\":\"yes\"}}"), NumberUpdate.FIELDS),
                "cnam.inbound_lookup", "cnam.inbound_lookup must be true or false");
        refused(() -> NumberUpdateJson.parse(json("{\"e911\":{\"postal_code\":94105}}"), NumberUpdate.FIELDS),
                "e911.postal_code", "e911.postal_code must be a string");
        refused(() -> NumberUpdateJson.parse(json("{\"assigned_to\":{\"type\":\"user\"}}"), NumberUpdate.FIELDS),
                "assigned_to.id", "assigned_to.id is required");
        refused(() -> NumberUpdateJson.parse(json("{\"assigned_to\":{\"id\":\"u\"}}"), NumberUpdate.FIELDS),
                "assigned_to.type", "assigned_to.type is required");
        refused(() -> NumberUpdateJson.parse(json("{\"friendly_name\":1}"), NumberUpdate.FIELDS),
                "friendly_name", "friendly_name must be a string");
        refused(() -> NumberUpdateJson.parse(json("{\"prepend\":\"on\"}"), NumberUpdate.FIELDS),
                "prepend", "prepend must be a JSON object");
    }
}
