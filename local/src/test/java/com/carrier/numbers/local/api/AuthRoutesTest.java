package com.carrier.numbers.local.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.carrier.numbers.local.api.Api.Tenant;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Authentication and tenancy over real HTTP: 401 in the route's envelope, 403 across tenants, 404 hides numbers. */
class AuthRoutesTest extends RouteTest {
    static Tenant master;
    static Tenant sub1;
    static Tenant sub2;
    static Tenant stranger;
    static String owned;

    @BeforeAll
    static void tenants() {
        master = api.newMaster("50");
        sub1 = api.newSub(master, Map.of());
        sub2 = api.newSub(master, Map.of());
        stranger = api.newMaster("50");
        owned = api.available("212", 1).get(0);
        api.put("/v2/accounts/" + master.id() + "/phone_numbers/" + Api.enc(owned), master.token(), Map.of("data", Map.of())).expect(201);
    }

    @Test
    void missingTokenIs401InEachFamily() {
        api.get("/v2/phone_numbers?prefix=415", null).crossbarError(401, "UNAUTHORIZED");
        api.get("/v2/numbers", null).platformError(401, "UNAUTHORIZED");
    }

    @Test
    void unknownTokenIs401() {
        api.get("/v2/accounts/" + master.id() + "/phone_numbers", "not-a-real-token").crossbarError(401, "UNAUTHORIZED");
        api.get("/v2/accounts/" + master.id(), "not-a-real-token").platformError(401, "UNAUTHORIZED");
    }

    @Test
    void authIdMustBelongToTheToken() {
        api.call("GET", "/v2/accounts/" + master.id(), master.token(), null, Map.of("X-Auth-ID", sub1.authId()))
                .platformError(401, "UNAUTHORIZED");
        api.call("GET", "/v2/accounts/" + master.id(), master.token(), null, Map.of("X-Auth-ID", master.authId()))
                .expect(200);
    }

    @Test
    void crossbarSuccessEchoesTheCallersToken() {
        var r = api.get("/v2/phone_numbers?prefix=415&quantity=2", master.token()).expect(200);
        assertThat(r.body().get("auth_token").asText()).isEqualTo(master.token());
        assertThat(r.body().get("status").asText()).isEqualTo("success");
        assertThat(r.body().get("request_id").asText()).startsWith("req_");
    }

    @Test
    void siblingAndStrangerAccountsAreForbidden() {
        api.get("/v2/accounts/" + sub2.id() + "/phone_numbers", sub1.token()).crossbarError(403, "FORBIDDEN");
        api.get("/v2/accounts/" + master.id(), sub1.token()).platformError(403, "FORBIDDEN");
        api.get("/v2/accounts/" + master.id() + "/phone_numbers", stranger.token()).crossbarError(403, "FORBIDDEN");
        api.get("/v2/accounts/" + master.id() + "/ledger", stranger.token()).platformError(403, "FORBIDDEN");
        // a master reaches its sub-accounts
        api.get("/v2/accounts/" + sub1.id(), master.token()).expect(200);
    }

    @Test
    void anotherTenantsNumberIsNotFoundById() {
        String id = api.get("/v2/accounts/" + master.id() + "/phone_numbers/" + Api.enc(owned), master.token())
                .expect(200).data().get("id").asText();
        api.get("/v2/numbers/" + id, master.token()).expect(200);
        api.get("/v2/numbers/" + id, stranger.token()).platformError(404, "NOT_FOUND");
        api.delete("/v2/numbers/" + id, stranger.token()).platformError(404, "NOT_FOUND");
        // and it is still the master's
        api.get("/v2/numbers/" + id, master.token()).expect(200);
    }

    @Test
    void adminOnlyRoutesRefuseUsers() {
        api.post("/v2/accounts/" + master.id() + "/credits", master.token(), Map.of("amount", 5)).platformError(403, "FORBIDDEN");
        api.get("/v2/admin/audit?number=" + Api.enc(owned), master.token()).platformError(403, "FORBIDDEN");
        api.post("/v2/admin/call-activity", master.token(), Map.of("number", owned)).platformError(403, "FORBIDDEN");
        api.put("/v2/accounts/MA_x" + System.nanoTime(), master.token(), Map.of("name", "x")).platformError(403, "FORBIDDEN");
    }

    @Test
    void unknownRouteIs404InThePlatformEnvelope() {
        api.get("/v2/nothing-here", master.token()).platformError(404, "NOT_FOUND");
    }
}
