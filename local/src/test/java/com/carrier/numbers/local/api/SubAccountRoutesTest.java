package com.carrier.numbers.local.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.carrier.numbers.local.api.Api.Tenant;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Assigning DIDs to sub-accounts and taking them back through the 15-day cool-off. */
class SubAccountRoutesTest extends RouteTest {

    private static String buy(Tenant master) {
        String n = api.available("512", 1).get(0);
        api.post("/v2/numbers/purchase", master.token(), Map.of("number", n)).expect(201);
        return n;
    }

    @Test
    void aNeverUsedDidGoesBackAtOnce() {
        Tenant master = api.newMaster("10");
        Tenant sub = api.newSub(master, Map.of());
        String n = buy(master);
        var assigned = api.post("/v2/subaccounts/" + sub.id() + "/numbers", master.token(), Map.of("number", n)).expect(200).data();
        assertThat(assigned.get("sub_account_id").asText()).isEqualTo(sub.id());
        // the sub-account now sees it; its sibling does not
        api.get("/v2/accounts/" + sub.id() + "/phone_numbers/" + Api.enc(n), sub.token()).expect(200);
        var back = api.delete("/v2/subaccounts/" + sub.id() + "/numbers/" + Api.enc(n), master.token()).expect(200).data();
        assertThat(back.has("sub_account_id")).isFalse();
        api.get("/v2/accounts/" + sub.id() + "/phone_numbers/" + Api.enc(n), sub.token()).crossbarError(404, "NOT_FOUND");
    }

    @Test
    void aRecentCallBlocksTheUnassignUntilTheCoolOffEnds() {
        Tenant master = api.newMaster("10");
        Tenant sub = api.newSub(master, Map.of());
        String n = buy(master);
        api.post("/v2/subaccounts/" + sub.id() + "/numbers", master.token(), Map.of("number", n)).expect(200);
        Instant call = Instant.now().minus(2, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
        api.post("/v2/admin/call-activity", Api.ADMIN, Map.of("number", n, "at", call.toString())).expect(202);

        var refused = api.delete("/v2/subaccounts/" + sub.id() + "/numbers/" + Api.enc(n), master.token())
                .platformError(409, "did_cool_off_in_effect");
        assertThat(Instant.parse(refused.body().get("error").get("cool_off_until").asText())).isEqualTo(call.plus(15, ChronoUnit.DAYS));
        long remaining = refused.body().get("error").get("cool_off_remaining_seconds").asLong();
        assertThat(remaining).isBetween(13L * 86400 - 120, 13L * 86400);

        // force is admin only: refused, never ignored
        api.delete("/v2/subaccounts/" + sub.id() + "/numbers/" + Api.enc(n) + "?force=true", master.token())
                .platformError(403, "FORBIDDEN");
        api.get("/v2/accounts/" + sub.id() + "/phone_numbers/" + Api.enc(n), sub.token()).expect(200);

        api.delete("/v2/subaccounts/" + sub.id() + "/numbers/" + Api.enc(n) + "?force=true&reason=customer%20request", Api.ADMIN)
                .expect(200);
        var audit = api.get("/v2/admin/audit?number=" + Api.enc(n), Api.ADMIN).expect(200).data().get("records");
        assertThat(audit.toString()).contains("\"forced\":true").contains("cool_off_until");
    }

    @Test
    void onlyTheParentAssignsAndOnlyItsOwnNumbers() {
        Tenant master = api.newMaster("10");
        Tenant sub = api.newSub(master, Map.of());
        Tenant stranger = api.newMaster("10");
        String n = buy(master);
        api.post("/v2/subaccounts/" + sub.id() + "/numbers", stranger.token(), Map.of("number", n)).platformError(403, "FORBIDDEN");
        String strangers = buy(stranger);
        // another tenant's number: not found, its existence is not revealed, and it stays where it was
        api.post("/v2/subaccounts/" + sub.id() + "/numbers", master.token(), Map.of("number", strangers))
                .platformError(404, "NOT_FOUND");
        assertThat(api.get("/v2/numbers", stranger.token()).data().get("total").asLong()).isEqualTo(1);
        api.post("/v2/subaccounts/" + sub.id() + "/numbers", master.token(), Map.of()).platformError(400, "VALIDATION_ERROR");
    }

    @Test
    void aDeferredUnassignDuringTheCoolOffIsScheduledOnce() {
        Tenant master = api.newMaster("10");
        Tenant sub = api.newSub(master, Map.of());
        String n = buy(master);
        String path = "/v2/subaccounts/" + sub.id() + "/numbers/" + Api.enc(n);
        api.post("/v2/subaccounts/" + sub.id() + "/numbers", master.token(), Map.of("number", n)).expect(200);
        Instant call = Instant.now().minus(2, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
        api.post("/v2/admin/call-activity", Api.ADMIN, Map.of("number", n, "at", call.toString())).expect(202);

        api.delete(path + "?defer=soon", master.token()).platformError(400, "VALIDATION_ERROR");
        var scheduled = api.delete(path + "?defer=true", master.token()).expect(202).data();
        assertThat(scheduled.get("number").asText()).isEqualTo(n);
        assertThat(scheduled.get("status").asText()).isEqualTo("scheduled");
        assertThat(Instant.parse(scheduled.get("cool_off_until").asText())).isEqualTo(call.plus(15, ChronoUnit.DAYS));
        var details = api.get("/v2/accounts/" + master.id() + "/phone_numbers/" + Api.enc(n), master.token()).expect(200).data();
        assertThat(details.get("sub_account_id").asText()).as("still the sub-account's during the cool-off").isEqualTo(sub.id());
        assertThat(details.get("unassign_scheduled").get("cool_off_until").asText()).isEqualTo(call.plus(15, ChronoUnit.DAYS).toString());
        assertThat(details.get("unassign_scheduled").get("sub_account_id").asText()).isEqualTo(sub.id());

        var again = api.delete(path + "?defer=true", master.token()).expect(202).data();
        assertThat(again).isEqualTo(scheduled);
        var audit = api.get("/v2/admin/audit?number=" + Api.enc(n), Api.ADMIN).expect(200).data().get("records");
        assertThat(audit.toString().split("unassign_scheduled", -1)).as("one schedule in %s", audit).hasSize(2);
        // the sub-account itself may not ask, nor may another tenant
        api.delete(path + "?defer=true", sub.token()).platformError(403, "FORBIDDEN");
    }

    @Test
    void aDeferredUnassignWithoutACoolOffHappensAtOnce() {
        Tenant master = api.newMaster("10");
        Tenant sub = api.newSub(master, Map.of());
        String n = buy(master);
        api.post("/v2/subaccounts/" + sub.id() + "/numbers", master.token(), Map.of("number", n)).expect(200);
        var back = api.delete("/v2/subaccounts/" + sub.id() + "/numbers/" + Api.enc(n) + "?defer=true", master.token()).expect(200).data();
        assertThat(back.has("sub_account_id")).isFalse();
        assertThat(back.has("unassign_scheduled")).isFalse();
    }
}
