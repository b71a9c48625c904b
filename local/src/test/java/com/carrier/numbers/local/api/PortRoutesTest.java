package com.carrier.numbers.local.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.carrier.numbers.domain.CallbackSignature;
import com.carrier.numbers.domain.E164;
import com.carrier.numbers.domain.PlatformException;
import com.carrier.numbers.functions.Platform;
import com.carrier.numbers.local.api.Api.Tenant;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;

/**
 * The ports routes and the carrier callback over real HTTP, every error code included. (The ports'
 * journeys through the state machine are the lifecycle scenarios; here a port stays where a route
 * puts it, or is moved by signed callbacks.)
 */
class PortRoutesTest extends RouteTest {
    private static final CallbackSignature CARRIER = new CallbackSignature(Platform.LOCAL_CALLBACK_SECRET);

    /** A valid NANP number no one has: 415, an exchange outside the demo inventory's. */
    static String freshNumber() {
        while (true) {
            String n = "+1415" + ThreadLocalRandom.current().nextInt(300, 999) + String.format("%04d", ThreadLocalRandom.current().nextInt(1, 9999));
            try {
                E164.parse(n, "n");
                if (!n.startsWith("+1415555")) {
                    return n;
                }
            } catch (PlatformException invalid) {
                // try another
            }
        }
    }

    static Map<String, Object> seedBody(String number, String accountNumber) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("number", number);
        body.put("account_number", accountNumber);
        body.put("carrier_name", "Previous Provider");
        body.put("billing_phone", "+14155551234");
        body.put("end_user_name", "John Doe");
        body.put("end_user_address", Map.of("street", "123 Main St", "city", "San Francisco", "state", "CA",
                "postal_code", "94102", "country", "US"));
        return body;
    }

    /** A port that stays pending a while: the 998 carrier never answers (until the 7-day timeout). */
    static String pendingPort(Tenant t, String number) {
        return api.post("/v2/ports", t.token(), seedBody(number, "998000" + number.substring(5))).expect(201).data().get("id").asText();
    }

    Api.Response carrierEvent(String portId, Object event, long timestamp, String signature) {
        String body = event instanceof String s ? s : Api.JSON.valueToTree(event).toString();
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put(CallbackSignature.TIMESTAMP_HEADER, Long.toString(timestamp));
        if (signature != null) {
            headers.put(CallbackSignature.SIGNATURE_HEADER, signature);
        }
        return api.call("POST", "/v2/carrier/ports/" + portId + "/events", null, body, headers);
    }

    Api.Response signedEvent(String portId, Object event) {
        String body = Api.JSON.valueToTree(event).toString();
        long now = Instant.now().getEpochSecond();
        return carrierEvent(portId, body, now, CARRIER.sign(now, body));
    }

    @Test
    void theSeedExampleBodyWorksAsWritten() {
        Tenant t = api.newMaster("10");
        String number = freshNumber();
        JsonNode data = api.post("/v2/ports", t.token(), seedBody(number, "123456789")).expect(201).data();
        assertThat(data.get("id").asText()).matches("port_[0-9a-f]{20}");
        assertThat(data.get("number").asText()).isEqualTo(number);
        assertThat(data.get("status").asText()).isEqualTo("pending");
        assertThat(data.get("carrier_status").asText()).isEqualTo("pending_transfer");
        assertThat(data.get("numbers").get(0).get("status").asText()).isEqualTo("pending");
        Instant created = Instant.parse(data.get("created_at").asText());
        assertThat(Instant.parse(data.get("estimated_completion").asText())).isAfter(created.plusSeconds(5 * 86400 - 1));
        JsonNode got = api.get("/v2/ports/" + data.get("id").asText(), t.token()).expect(200).data();
        assertThat(got.get("end_user_address").get("postal_code").asText()).isEqualTo("94102");
        assertThat(got.has("account_pin")).isFalse();
        assertThat(got.get("events").size()).isPositive();
        // the number is on the account, porting
        JsonNode mine = api.get("/v2/numbers?status=porting", t.token()).expect(200).data();
        assertThat(mine.get("numbers").get(0).get("number").asText()).isEqualTo(number);
    }

    @Test
    void aPinIsStoredButNeverShown() {
        Tenant t = api.newMaster("0");
        Map<String, Object> body = seedBody(freshNumber(), "998111");
        body.put("account_pin", "4321");
        JsonNode created = api.post("/v2/ports", t.token(), body).expect(201).data();
        assertThat(created.toString()).doesNotContain("4321");
        assertThat(api.get("/v2/ports/" + created.get("id").asText(), t.token()).expect(200).body().toString()).doesNotContain("4321");
    }

    @Test
    void idempotencyKeyReplaysAndRefusesAnotherBody() {
        Tenant t = api.newMaster("0");
        String n = freshNumber();
        var first = api.call("POST", "/v2/ports", t.token(), seedBody(n, "998222"), Map.of("Idempotency-Key", "port-1")).expect(201);
        var replay = api.call("POST", "/v2/ports", t.token(), seedBody(n, "998222"), Map.of("Idempotency-Key", "port-1")).expect(201);
        assertThat(replay.data().get("id")).isEqualTo(first.data().get("id"));
        api.call("POST", "/v2/ports", t.token(), seedBody(freshNumber(), "998222"), Map.of("Idempotency-Key", "port-1"))
                .platformError(409, "IDEMPOTENCY_KEY_REUSED");
        assertThat(api.get("/v2/ports", t.token()).expect(200).data().get("total").asInt()).isEqualTo(1);
    }

    @Test
    void validationNamesTheFieldAndChangesNothing() {
        Tenant t = api.newMaster("0");
        String n = freshNumber();
        Map<String, Object> noName = seedBody(n, "1");
        noName.remove("end_user_name");
        assertThat(api.post("/v2/ports", t.token(), noName).platformError(400, "VALIDATION_ERROR").body()
                .get("error").get("field").asText()).isEqualTo("end_user_name");
        assertThat(api.post("/v2/ports", t.token(), seedBody("+442079460000", "1")).platformError(400, "VALIDATION_ERROR")
                .body().get("error").get("field").asText()).as("only NANP numbers").isEqualTo("number");
        assertThat(api.post("/v2/ports", t.token(), seedBody("14155550100", "1")).platformError(400, "VALIDATION_ERROR")
                .body().get("error").get("field").asText()).isEqualTo("number");
        Map<String, Object> both = seedBody(n, "1");
        both.put("numbers", List.of(n));
        api.post("/v2/ports", t.token(), both).platformError(400, "VALIDATION_ERROR");
        Map<String, Object> typo = seedBody(n, "1");
        typo.put("acount_number", "1");
        assertThat(api.post("/v2/ports", t.token(), typo).platformError(400, "VALIDATION_ERROR").body()
                .get("error").get("field").asText()).isEqualTo("acount_number");
        Map<String, Object> weekend = seedBody(n, "1");
        LocalDate saturday = LocalDate.now().plusDays(14).with(java.time.temporal.TemporalAdjusters.next(java.time.DayOfWeek.SATURDAY));
        weekend.put("requested_foc_date", saturday.toString());
        assertThat(api.post("/v2/ports", t.token(), weekend).platformError(400, "VALIDATION_ERROR").body()
                .get("error").get("field").asText()).isEqualTo("requested_foc_date");
        Map<String, Object> tooFar = seedBody(n, "1");
        tooFar.put("requested_foc_date", LocalDate.now().plusDays(45).toString());
        api.post("/v2/ports", t.token(), tooFar).platformError(400, "VALIDATION_ERROR");
        api.post("/v2/ports", t.token(), "{not json").platformError(400, "VALIDATION_ERROR");
        assertThat(api.get("/v2/ports", t.token()).expect(200).data().get("total").asInt()).as("nothing was created").isZero();
        api.get("/v2/ports?limit=0", t.token()).platformError(400, "VALIDATION_ERROR");
        api.get("/v2/ports?limit=101", t.token()).platformError(400, "VALIDATION_ERROR");
        api.get("/v2/ports?offset=-1", t.token()).platformError(400, "VALIDATION_ERROR");
        api.get("/v2/ports?status=done", t.token()).platformError(400, "VALIDATION_ERROR");
    }

    @Test
    void unavailableNumbersAndRegions() {
        Tenant t = api.newMaster("0");
        String inInventory = api.available("415", 1).get(0);
        api.post("/v2/ports", t.token(), seedBody(inInventory, "1")).platformError(409, "NUMBER_UNAVAILABLE");
        String n = freshNumber();
        pendingPort(t, n);
        Tenant other = api.newMaster("0");
        api.post("/v2/ports", other.token(), seedBody(n, "1")).platformError(409, "NUMBER_UNAVAILABLE");
        String id = "MA_ny" + Long.toString(ThreadLocalRandom.current().nextLong(Long.MAX_VALUE), 36);
        String token = api.put("/v2/accounts/" + id, Api.ADMIN, Map.of("name", "NY only", "allowed_regions", List.of("US-NY")))
                .expect(201).data().get("token").asText();
        api.post("/v2/ports", token, seedBody(freshNumber(), "1")).platformError(403, "INVALID_REGION");
    }

    @Test
    void authAndTenancy() {
        Tenant master = api.newMaster("0");
        Tenant sub = api.newSub(master, Map.of());
        Tenant stranger = api.newMaster("0");
        String id = pendingPort(sub, freshNumber());
        api.post("/v2/ports", null, seedBody(freshNumber(), "1")).platformError(401, "UNAUTHORIZED");
        api.post("/v2/ports", "not-a-token", seedBody(freshNumber(), "1")).platformError(401, "UNAUTHORIZED");
        api.get("/v2/ports/" + id, null).platformError(401, "UNAUTHORIZED");
        api.get("/v2/ports/" + id, stranger.token()).platformError(404, "NOT_FOUND");
        api.delete("/v2/ports/" + id, stranger.token()).platformError(404, "NOT_FOUND");
        api.call("PATCH", "/v2/ports/" + id, stranger.token(), Map.of("account_number", "1")).platformError(404, "NOT_FOUND");
        api.get("/v2/ports/port_0000000000000000000f", master.token()).platformError(404, "NOT_FOUND");
        api.get("/v2/ports/../etc", master.token()).platformError(404, "NOT_FOUND");
        assertThat(api.get("/v2/ports/" + id, master.token()).expect(200).data().get("status").asText()).as("a master sees its sub's port")
                .isEqualTo("pending");
        assertThat(api.get("/v2/ports", stranger.token()).expect(200).data().get("total").asInt()).isZero();
        JsonNode list = api.get("/v2/ports?status=pending", master.token()).expect(200).data();
        assertThat(list.get("total").asInt()).isEqualTo(1);
        assertThat(list.get("limit").asInt()).isEqualTo(20);
        assertThat(list.get("offset").asInt()).isZero();
        assertThat(list.get("ports").get(0).get("id").asText()).isEqualTo(id);
        assertThat(api.get("/v2/ports?status=completed", master.token()).expect(200).data().get("total").asInt()).isZero();
        assertThat(api.get("/v2/ports/" + id, sub.token()).expect(200).data().get("id").asText()).isEqualTo(id);
    }

    @Test
    void listingPagesNewestFirst() {
        Tenant t = api.newMaster("0");
        String a = pendingPort(t, freshNumber());
        String b = pendingPort(t, freshNumber());
        String c = pendingPort(t, freshNumber());
        JsonNode page = api.get("/v2/ports?limit=2", t.token()).expect(200).data();
        assertThat(page.get("total").asInt()).isEqualTo(3);
        assertThat(page.get("ports").size()).isEqualTo(2);
        JsonNode rest = api.get("/v2/ports?limit=2&offset=2", t.token()).expect(200).data();
        assertThat(rest.get("ports").size()).isEqualTo(1);
        List<String> all = new java.util.ArrayList<>();
        page.get("ports").forEach(p -> all.add(p.get("id").asText()));
        rest.get("ports").forEach(p -> all.add(p.get("id").asText()));
        assertThat(all).containsExactlyInAnyOrder(a, b, c);
    }

    @Test
    void cancelWhilePendingThenItIsNotCancellable() {
        Tenant t = api.newMaster("0");
        String n = freshNumber();
        String id = pendingPort(t, n);
        JsonNode cancelled = api.delete("/v2/ports/" + id, t.token()).expect(200).data();
        assertThat(cancelled.get("status").asText()).isEqualTo("cancelled");
        assertThat(cancelled.get("numbers").get(0).get("status").asText()).isEqualTo("cancelled");
        assertThat(api.get("/v2/numbers?status=porting", t.token()).expect(200).data().get("total").asInt()).as("its number is gone").isZero();
        api.delete("/v2/ports/" + id, t.token()).platformError(409, "PORT_NOT_CANCELLABLE");
        api.call("PATCH", "/v2/ports/" + id, t.token(), Map.of("account_number", "1")).platformError(409, "PORT_NOT_CORRECTABLE");
        // the number is free again: another port may take it
        api.post("/v2/ports", t.token(), seedBody(n, "998333")).expect(201);
    }

    @Test
    void cancelWithin48HoursOfTheRequestedFocIsRefused() {
        Tenant t = api.newMaster("0");
        Map<String, Object> body = seedBody(freshNumber(), "998444");
        // the earliest FOC allowed: 3 business days ahead (US Eastern); cancel is allowed until 48 h before it
        LocalDate foc = com.carrier.numbers.domain.BusinessCalendar.plusBusinessDays(
                com.carrier.numbers.domain.BusinessCalendar.today(Instant.now()), 3);
        body.put("requested_foc_date", foc.toString());
        String id = api.post("/v2/ports", t.token(), body).expect(201).data().get("id").asText();
        Instant cutover = com.carrier.numbers.domain.BusinessCalendar.cutover(foc);
        if (Instant.now().plusSeconds(48 * 3600).isBefore(cutover)) {
            api.delete("/v2/ports/" + id, t.token()).expect(200);
        } else {
            api.delete("/v2/ports/" + id, t.token()).platformError(409, "PORT_NOT_CANCELLABLE");
        }
    }

    @Test
    void theCallbackNeedsAFreshCorrectSignatureNotACustomerToken() {
        Tenant t = api.newMaster("0");
        String id = pendingPort(t, freshNumber());
        Map<String, Object> event = Map.of("event_id", "evt_sig_" + id, "type", "rejected", "reason", "PIN_INVALID");
        String body = Api.JSON.valueToTree(event).toString();
        long now = Instant.now().getEpochSecond();
        carrierEvent(id, body, now, null).platformError(401, "UNAUTHORIZED");
        carrierEvent(id, body, now, "v1=" + "0".repeat(64)).platformError(401, "UNAUTHORIZED");
        carrierEvent(id, body, now - 600, CARRIER.sign(now - 600, body)).platformError(401, "UNAUTHORIZED");
        carrierEvent(id, body, now, new CallbackSignature("someone-else's-secret!").sign(now, body)).platformError(401, "UNAUTHORIZED");
        // a customer's token is no substitute
        api.call("POST", "/v2/carrier/ports/" + id + "/events", t.token(), body).platformError(401, "UNAUTHORIZED");
        assertThat(api.get("/v2/ports/" + id, t.token()).expect(200).data().get("status").asText()).isEqualTo("pending");
        // bad bodies, correctly signed, are 400; unknown ports 404
        String bad = "{\"event_id\":\"e\",\"type\":\"exploded\"}";
        carrierEvent(id, bad, now, CARRIER.sign(now, bad)).platformError(400, "VALIDATION_ERROR");
        signedEvent("port_0000000000000000000f", event).platformError(404, "NOT_FOUND");
        // a good one applies once; its repeat changes nothing
        JsonNode applied = signedEvent(id, event).expect(200).data();
        assertThat(applied.get("applied").asBoolean()).isTrue();
        JsonNode repeat = signedEvent(id, event).expect(200).data();
        assertThat(repeat.get("applied").asBoolean()).isFalse();
    }

    @Test
    void anEventForACancelledPortChangesNothing() {
        Tenant t = api.newMaster("0");
        String id = pendingPort(t, freshNumber());
        api.delete("/v2/ports/" + id, t.token()).expect(200);
        JsonNode answer = signedEvent(id, Map.of("event_id", "evt_late_" + id, "type", "authorized", "foc_date",
                LocalDate.now().plusDays(7).toString())).expect(200).data();
        assertThat(answer.get("applied").asBoolean()).isFalse();
        assertThat(answer.get("status").asText()).isEqualTo("cancelled");
        assertThat(api.get("/v2/ports/" + id, t.token()).expect(200).data().get("status").asText()).isEqualTo("cancelled");
    }
}
