package com.carrier.numbers.local.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.carrier.numbers.local.api.Api.Tenant;
import java.math.BigDecimal;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Accounts, credit, ledger and credentials over real HTTP. */
class AccountRoutesTest extends RouteTest {

    @Test
    void adminCreatesAMasterWithZeroBalanceAndAFirstCredential() {
        String id = "MA_acc" + System.nanoTime();
        var created = api.put("/v2/accounts/" + id, Api.ADMIN, Map.of("name", "Acme")).expect(201);
        assertThat(created.data().get("token").asText()).hasSizeGreaterThanOrEqualTo(40);
        assertThat(created.data().get("auth_id").asText()).isNotBlank();
        var account = api.get("/v2/accounts/" + id, created.data().get("token").asText()).expect(200).data();
        assertThat(account.get("id").asText()).isEqualTo(id);
        assertThat(account.get("type").asText()).isEqualTo("master");
        assertThat(account.get("balance").decimalValue()).isEqualByComparingTo("0");
        assertThat(account.get("balance").isNumber()).isTrue();
        assertThat(account.get("currency").asText()).isEqualTo("USD");
        assertThat(account.has("parent_id")).isFalse();
    }

    @Test
    void accountIdsOtherThanMaOrSaAre400() {
        api.put("/v2/accounts/XX_1", Api.ADMIN, Map.of("name", "x")).platformError(400, "VALIDATION_ERROR");
        api.put("/v2/accounts/MA_" + "a".repeat(41), Api.ADMIN, Map.of("name", "x")).platformError(400, "VALIDATION_ERROR");
    }

    @Test
    void subAccountsAreCreatedUnderTheCallerAndCreateNothing() {
        Tenant master = api.newMaster("0");
        Tenant sub = api.newSub(master, Map.of());
        var account = api.get("/v2/accounts/" + sub.id(), sub.token()).expect(200).data();
        assertThat(account.get("type").asText()).isEqualTo("sub");
        assertThat(account.get("parent_id").asText()).isEqualTo(master.id());
        api.put("/v2/accounts/SA_n" + System.nanoTime(), sub.token(), Map.of("name", "x")).platformError(403, "FORBIDDEN");
        Tenant other = api.newMaster("0");
        api.put("/v2/accounts/SA_n" + System.nanoTime(), other.token(), Map.of("name", "x", "parent_id", master.id()))
                .platformError(403, "FORBIDDEN");
    }

    @Test
    void creditIsAdminOnlyPositiveWithTwoDecimalsAndLandsInTheLedger() {
        Tenant t = api.newMaster("0");
        String credits = "/v2/accounts/" + t.id() + "/credits";
        api.post(credits, Api.ADMIN, Map.of("amount", new BigDecimal("1.234"))).platformError(400, "VALIDATION_ERROR");
        api.post(credits, Api.ADMIN, Map.of("amount", -5)).platformError(400, "VALIDATION_ERROR");
        api.post(credits, Api.ADMIN, Map.of("amount", "25.00")).platformError(400, "VALIDATION_ERROR");
        api.post(credits, Api.ADMIN, "{not json").platformError(400, "VALIDATION_ERROR");
        var r = api.post(credits, Api.ADMIN, Map.of("amount", new BigDecimal("25.50"))).expect(200);
        assertThat(r.data().get("balance").decimalValue()).isEqualByComparingTo("25.50");
        var ledger = api.get("/v2/accounts/" + t.id() + "/ledger", t.token()).expect(200).data();
        assertThat(ledger.get("entries")).hasSize(1);
        assertThat(ledger.get("entries").get(0).get("amount").decimalValue()).isEqualByComparingTo("25.50");
        api.get("/v2/accounts/" + t.id() + "/ledger?limit=0", t.token()).platformError(400, "VALIDATION_ERROR");
    }

    @Test
    void credentialsAreListedWithoutSecretsAndRevokedTokensStopWorking() {
        Tenant t = api.newMaster("0");
        var created = api.post("/v2/accounts/" + t.id() + "/credentials", t.token(), Map.of("name", "ci")).expect(201).data();
        String token = created.get("token").asText();
        String authId = created.get("auth_id").asText();
        var list = api.get("/v2/accounts/" + t.id() + "/credentials", t.token()).expect(200);
        assertThat(list.data()).hasSize(2);
        assertThat(list.body().toString()).doesNotContain(token).doesNotContain(t.token());
        api.post("/v2/accounts/" + t.id() + "/credentials", t.token(), Map.of("role", "admin")).platformError(403, "FORBIDDEN");
        api.delete("/v2/accounts/" + t.id() + "/credentials/" + authId, t.token()).expect(200);
        // never used before revocation, so no authorizer cache can still hold it
        api.get("/v2/accounts/" + t.id(), token).platformError(401, "UNAUTHORIZED");
        api.get("/v2/accounts/" + t.id(), t.token()).expect(200);
    }
}
