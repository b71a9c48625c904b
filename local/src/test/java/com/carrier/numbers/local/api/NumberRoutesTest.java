package com.carrier.numbers.local.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.carrier.numbers.local.api.Api.Tenant;
import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Search, browse, purchase, details, update, reserve, list and release over real HTTP. */
class NumberRoutesTest extends RouteTest {

    private static String path(Tenant t, String number) {
        return "/v2/accounts/" + t.id() + "/phone_numbers/" + Api.enc(number);
    }

    private static BigDecimal balance(Tenant t) {
        return api.get("/v2/accounts/" + t.id(), t.token()).expect(200).data().get("balance").decimalValue();
    }

    @Test
    void searchAnswersExactlyTheQuantityAsE164Strings() {
        Tenant t = api.newMaster("0");
        var r = api.get("/v2/phone_numbers?prefix=415&quantity=7", t.token()).expect(200);
        assertThat(r.data()).hasSize(7).allSatisfy(n -> assertThat(n.asText()).startsWith("+1415"));
        var byState = api.get("/v2/phone_numbers?state=TX&quantity=3", t.token()).expect(200);
        assertThat(byState.data()).hasSize(3).allSatisfy(n -> assertThat(n.asText()).startsWith("+1512"));
        var byCity = api.get("/v2/phone_numbers?city=New%20York&quantity=3", t.token()).expect(200);
        assertThat(byCity.data()).hasSize(3).allSatisfy(n -> assertThat(n.asText()).startsWith("+1212"));
    }

    @Test
    void searchesSpreadOverTheMatches() {
        Set<String> firsts = new HashSet<>();
        for (int i = 0; i < 5; i++) {
            firsts.add(api.get("/v2/phone_numbers?prefix=415&quantity=10", Api.ADMIN).expect(200).data().get(0).asText());
        }
        assertThat(firsts).hasSizeGreaterThan(1);
    }

    @Test
    void badQuantitiesAndLimitsAre400NeverClamped() {
        for (String q : List.of("0", "101", "abc", "-1", "1.5")) {
            api.get("/v2/phone_numbers?prefix=415&quantity=" + q, Api.ADMIN).crossbarError(400, "VALIDATION_ERROR");
            api.get("/v2/numbers/inventory?prefix=415&limit=" + q, Api.ADMIN).platformError(400, "VALIDATION_ERROR");
            api.get("/v2/numbers?limit=" + q, Api.ADMIN).platformError(400, "VALIDATION_ERROR");
        }
        api.get("/v2/numbers?offset=-1", Api.ADMIN).platformError(400, "VALIDATION_ERROR");
        api.get("/v2/numbers?offset=10001", Api.ADMIN).platformError(400, "VALIDATION_ERROR");
    }

    @Test
    void inventoryShowsWhatAPurchaseDebits() {
        Tenant t = api.newMaster("10");
        var inv = api.get("/v2/numbers/inventory?prefix=512&limit=3", t.token()).expect(200).data();
        assertThat(inv.get("limit").asInt()).isEqualTo(3);
        JsonNode first = inv.get("numbers").get(0);
        assertThat(first.get("setup_fee").decimalValue()).isEqualByComparingTo("1.00");
        assertThat(first.get("monthly_cost").decimalValue()).isEqualByComparingTo("0.99");
        assertThat(first.get("state").asText()).isEqualTo("TX");
        var bought = api.post("/v2/numbers/purchase", t.token(),
                Map.of("number", first.get("number").asText(), "friendly_name", "Support Line")).expect(201).data();
        assertThat(bought.get("id").asText()).startsWith("num_");
        assertThat(bought.get("status").asText()).isEqualTo("active");
        assertThat(bought.get("friendly_name").asText()).isEqualTo("Support Line");
        assertThat(bought.get("billing").get("monthly_cost").decimalValue()).isEqualByComparingTo("0.99");
        assertThat(bought.get("billing").has("next_charge")).isTrue();
        assertThat(bought.has("expires_at")).isTrue();
        assertThat(balance(t)).isEqualByComparingTo("8.01");
        // it is gone from inventory and the second buyer is told so
        Tenant late = api.newMaster("10");
        api.post("/v2/numbers/purchase", late.token(), Map.of("number", first.get("number").asText()))
                .platformError(409, "NUMBER_UNAVAILABLE");
        assertThat(balance(late)).isEqualByComparingTo("10");
    }

    @Test
    void crossbarPurchaseDetailsUpdateAndRelease() {
        Tenant t = api.newMaster("20");
        String n = api.available("415", 1).get(0);
        var bought = api.put(path(t, n), t.token(), Map.of("data", Map.of())).expect(201);
        assertThat(bought.body().get("status").asText()).isEqualTo("success");
        assertThat(bought.data().get("state").asText()).isEqualTo("in_service");

        var updated = api.post(path(t, n), t.token(), Map.of("data", Map.of(
                "cnam", Map.of("display_name", "Acme Corp"),
                "e911", Map.of("street_address", "123 Main St", "extended_address", "Suite 100", "locality", "San Francisco",
                        "region", "CA", "postal_code", "94105", "caller_name", "Acme Corp"),
                "assigned_to", Map.of("type", "callflow", "id", "callflow_abc123")))).expect(200).data();
        assertThat(updated.get("features")).extracting(JsonNode::asText).contains("cnam", "e911");
        assertThat(updated.get("cnam").get("display_name").asText()).isEqualTo("Acme Corp");
        // merge: a later update of one field keeps the others
        var merged = api.post(path(t, n), t.token(), Map.of("data", Map.of("used_by", "callflow"))).expect(200).data();
        assertThat(merged.get("used_by").asText()).isEqualTo("callflow");
        assertThat(merged.get("e911").get("postal_code").asText()).isEqualTo("94105");

        var details = api.get(path(t, n), t.token()).expect(200).data();
        assertThat(details.get("assigned_to").get("id").asText()).isEqualTo("callflow_abc123");

        var list = api.get("/v2/accounts/" + t.id() + "/phone_numbers?paginate=false", t.token()).expect(200).data();
        assertThat(list.get(n).get("state").asText()).isEqualTo("in_service");
        assertThat(list.get(n).get("features")).extracting(JsonNode::asText).contains("cnam", "e911");

        var released = api.delete(path(t, n), t.token()).expect(200).data();
        assertThat(released.get("state").asText()).isEqualTo("released");
        assertThat(released.has("available_at")).isTrue();
        api.get(path(t, n), t.token()).crossbarError(404, "NOT_FOUND");
        assertThat(api.get("/v2/accounts/" + t.id() + "/phone_numbers?paginate=false", t.token()).data().has(n)).isFalse();
    }

    @Test
    void invalidUpdatesAre400AndChangeNothing() {
        Tenant t = api.newMaster("5");
        String n = api.available("415", 1).get(0);
        api.put(path(t, n), t.token(), Map.of("data", Map.of("cnam", Map.of("display_name", "Good")))).expect(201);
        api.post(path(t, n), t.token(), Map.of("data", Map.of("cnam", Map.of("display_name", "This name is far too long"))))
                .crossbarError(400, "VALIDATION_ERROR");
        api.post(path(t, n), t.token(), Map.of("data", Map.of("e911", Map.of("street_address", "1 Main St"))))
                .crossbarError(400, "VALIDATION_ERROR");
        api.post(path(t, n), t.token(), Map.of("data", Map.of("cnam", "Acme"))).crossbarError(400, "VALIDATION_ERROR");
        api.post(path(t, n), t.token(), Map.of("data", Map.of("colour", "blue"))).crossbarError(400, "VALIDATION_ERROR");
        api.post(path(t, n), t.token(), "{\"data\": ").crossbarError(400, "VALIDATION_ERROR");
        var details = api.get(path(t, n), t.token()).expect(200).data();
        assertThat(details.get("cnam").get("display_name").asText()).isEqualTo("Good");
        assertThat(details.has("e911")).isFalse();
    }

    @Test
    void numbersInPathsMayBeEncodedAndMustBeValid() {
        Tenant t = api.newMaster("5");
        String n = api.available("212", 1).get(0);
        api.put("/v2/accounts/" + t.id() + "/phone_numbers/" + n, t.token(), Map.of("data", Map.of())).expect(201); // literal +
        api.get("/v2/accounts/" + t.id() + "/phone_numbers/" + Api.enc(n), t.token()).expect(200);
        for (String bad : List.of("12345", "%2B1555", "%2B99999999999999999", "abc", "%2B1212000000")) {
            api.get("/v2/accounts/" + t.id() + "/phone_numbers/" + bad, t.token()).crossbarError(400, "VALIDATION_ERROR");
        }
        api.post("/v2/numbers/purchase", t.token(), Map.of("number", "4155550100")).platformError(400, "VALIDATION_ERROR");
    }

    @Test
    void purchaseChecksNumberThenRegionThenBalance() {
        Tenant master = api.newMaster("0");
        Tenant californian = api.newSub(master, Map.of("allowed_regions", List.of("US-CA")));
        String ny = api.available("212", 1).get(0);
        String sf = api.available("415", 1).get(0);
        // region before balance: a NY number is refused for region even with no money
        api.put(path(californian, ny), californian.token(), Map.of("data", Map.of())).crossbarError(403, "INVALID_REGION");
        // in region but no money
        api.put(path(californian, sf), californian.token(), Map.of("data", Map.of())).crossbarError(402, "INSUFFICIENT_CREDIT");
        // a number nobody can buy is 409 before anything else, never 404
        api.put(path(californian, "+14155550100"), californian.token(), Map.of("data", Map.of()))
                .crossbarError(409, "NUMBER_UNAVAILABLE");
        var ledger = api.get("/v2/accounts/" + californian.id() + "/ledger", californian.token()).expect(200).data();
        assertThat(ledger.get("entries")).isEmpty();
    }

    @Test
    void idempotencyKeyReplaysTheFirstAnswerAndChargesOnce() {
        Tenant t = api.newMaster("10");
        String n = api.available("512", 1).get(0);
        Map<String, String> key = Map.of("Idempotency-Key", "order-" + System.nanoTime());
        var first = api.call("POST", "/v2/numbers/purchase", t.token(), Map.of("number", n), key).expect(201);
        var again = api.call("POST", "/v2/numbers/purchase", t.token(), Map.of("number", n), key).expect(201);
        assertThat(again.data()).isEqualTo(first.data());
        assertThat(balance(t)).isEqualByComparingTo("8.01");
        String other = api.available("512", 1).get(0);
        api.call("POST", "/v2/numbers/purchase", t.token(), Map.of("number", other), key).platformError(409, "IDEMPOTENCY_KEY_REUSED");
        assertThat(balance(t)).isEqualByComparingTo("8.01");
    }

    @Test
    void reserveHoldsANumberAgainstOthers() {
        Tenant holder = api.newMaster("5");
        Tenant other = api.newMaster("5");
        String n = api.available("415", 1).get(0);
        java.time.Instant before = java.time.Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        var held = api.put(path(holder, n) + "/reserve", holder.token(), Map.of("data", Map.of("hold_minutes", 30))).expect(200).data();
        java.time.Instant after = java.time.Instant.now();
        assertThat(held.get("state").asText()).isEqualTo("reserved");
        // hold_minutes 30 fixes the value: 30 minutes after the request
        assertThat(java.time.Instant.parse(held.get("reserved_until").asText()))
                .isBetween(before.plus(java.time.Duration.ofMinutes(30)), after.plus(java.time.Duration.ofMinutes(30)));
        api.put(path(other, n), other.token(), Map.of("data", Map.of())).crossbarError(409, "NUMBER_UNAVAILABLE");
        api.put(path(other, n) + "/reserve", other.token(), null).crossbarError(409, "NUMBER_UNAVAILABLE");
        api.put(path(holder, n), holder.token(), Map.of("data", Map.of())).expect(201);
    }

    @Test
    void listsPaginateAndCountFromCounters() {
        Tenant t = api.newMaster("20");
        List<String> mine = new ArrayList<>(api.available("212", 5));
        for (String n : mine) {
            api.put(path(t, n), t.token(), Map.of("data", Map.of())).expect(201);
        }
        // key-based pages through the crossbar list
        Set<String> seen = new HashSet<>();
        String start = null;
        int pages = 0;
        do {
            var page = api.get("/v2/accounts/" + t.id() + "/phone_numbers?page_size=2" + (start == null ? "" : "&start_key=" + start), t.token()).expect(200);
            page.data().fieldNames().forEachRemaining(seen::add);
            start = page.body().has("next_start_key") ? page.body().get("next_start_key").asText() : null;
            pages++;
        } while (start != null && pages < 10);
        assertThat(seen).containsExactlyInAnyOrderElementsOf(mine);
        assertThat(pages).isGreaterThanOrEqualTo(3);
        // offset pages through the purchase-document list
        var first = api.get("/v2/numbers?limit=2&offset=0", t.token()).expect(200).data();
        assertThat(first.get("total").asLong()).isEqualTo(5);
        assertThat(first.get("numbers")).hasSize(2);
        var last = api.get("/v2/numbers?limit=2&offset=4", t.token()).expect(200).data();
        assertThat(last.get("numbers")).hasSize(1);
        assertThat(api.get("/v2/numbers?status=active", t.token()).data().get("total").asLong()).isEqualTo(5);
        api.get("/v2/numbers?status=bogus", t.token()).platformError(400, "VALIDATION_ERROR");
        api.get("/v2/accounts/" + t.id() + "/phone_numbers?page_size=101", t.token()).crossbarError(400, "VALIDATION_ERROR");
    }

    @Test
    void unrentByIdReleasesTheNumberAndTakesItOffTheAccount() {
        Tenant t = api.newMaster("5");
        String n = api.available("415", 1).get(0);
        String id = api.post("/v2/numbers/purchase", t.token(), Map.of("number", n)).expect(201).data().get("id").asText();
        var released = api.delete("/v2/numbers/" + id, t.token()).expect(200).data();
        assertThat(released.get("status").asText()).isEqualTo("released");
        assertThat(api.get("/v2/numbers", t.token()).data().get("total").asLong()).isZero();
        api.get("/v2/numbers/num_doesnotexist", t.token()).platformError(404, "NOT_FOUND");
    }

    @Test
    void oversizedBodiesAre413InTheRoutesEnvelopeAndChangeNothing() {
        Tenant t = api.newMaster("5");
        String n = api.available("415", 1).get(0);
        String big = "x".repeat(70_000);
        api.put(path(t, n), t.token(), Map.of("data", Map.of("friendly_name", big))).crossbarError(413, "PAYLOAD_TOO_LARGE");
        api.post("/v2/numbers/purchase", t.token(), Map.of("number", n, "friendly_name", big)).platformError(413, "PAYLOAD_TOO_LARGE");
        assertThat(balance(t)).isEqualByComparingTo("5");
        assertThat(api.available("415", 100)).isNotEmpty();
        api.get(path(t, n), t.token()).crossbarError(404, "NOT_FOUND");
    }
}
