package com.carrier.numbers.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The real template, handlers and demo data through {@link LocalApi}. Skipped while the domain
 * (shared/) or the handlers (functions/) are still stubs or absent; runs as soon as they land.
 */
class LocalApiSmokeTest {
    private static LocalApi api;

    @BeforeEach
    void api() {
        api = LocalApi.shared();
    }

    @Test
    void unknownRouteIs404InThePlatformEnvelope() {
        HttpResponse<String> r = api.get("/v2/nothing-here", LocalApi.DEMO_MASTER);
        assertThat(r.statusCode()).isEqualTo(404);
        assertThat(LocalApi.json(r).path("error").path("code").asText()).isEqualTo("NOT_FOUND");
    }

    @Test
    void searchServesTheSeededInventory() {
        HttpResponse<String> r = api.get("/v2/phone_numbers?prefix=415&quantity=3", LocalApi.DEMO_MASTER);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        JsonNode data = LocalApi.json(r).path("data");
        assertThat(data.size()).isEqualTo(3);
        data.forEach(n -> assertThat(n.asText()).startsWith("+1415"));
    }

    @Test
    void missingTokenIs401InTheRoutesEnvelope() {
        HttpResponse<String> r = api.get("/v2/numbers/inventory?prefix=212&limit=2", null);
        assertThat(r.statusCode()).isEqualTo(401);
        assertThat(LocalApi.json(r).path("request_id").asText()).isNotBlank();
    }

    @Test
    void demoAccountsStartWithAHundred() {
        HttpResponse<String> r = api.get("/v2/accounts/MA_demo", LocalApi.DEMO_MASTER);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(LocalApi.json(r).path("data").path("balance").decimalValue()).isEqualByComparingTo("100.00");
    }
}
