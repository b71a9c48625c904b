package com.carrier.numbers.local.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.carrier.numbers.local.LocalApi;
import com.carrier.numbers.local.api.Api.Tenant;
import com.carrier.numbers.template.SamTemplate;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Error paths over real HTTP: idempotent 4xx replays, the key's length, hold bounds, what a stored replay keeps. */
class HttpErrorPathsTest {
    private final LocalApi local = LocalApi.shared();
    private final Api api = new Api(local);

    private String path(Tenant t, String n) {
        return "/v2/accounts/" + t.id() + "/phone_numbers/" + Api.enc(n);
    }

    private BigDecimal balance(Tenant t) {
        return new BigDecimal(api.get("/v2/accounts/" + t.id(), t.token()).expect(200).data().get("balance").asText());
    }

    @Test
    void aRefusalIsReplayedForItsKeyEvenAfterTheCauseIsGone() {
        Tenant t = api.newMaster("1.00");
        String n = api.available("415", 1).get(0);
        Map<String, String> key = Map.of("Idempotency-Key", "poor-order-1");
        api.call("PUT", path(t, n), t.token(), Map.of("data", Map.of()), key).crossbarError(402, "INSUFFICIENT_CREDIT");
        api.post("/v2/accounts/" + t.id() + "/credits", Api.ADMIN, Map.of("amount", 5)).expect(200);

        // the same key: the stored 402 again, the purchase not run a second time
        api.call("PUT", path(t, n), t.token(), Map.of("data", Map.of()), key).crossbarError(402, "INSUFFICIENT_CREDIT");
        assertThat(balance(t)).isEqualByComparingTo("6.00");
        assertThat(api.available(n.substring(2), 1)).containsExactly(n);
        // a new key runs it
        api.call("PUT", path(t, n), t.token(), Map.of("data", Map.of()), Map.of("Idempotency-Key", "poor-order-2")).expect(201);
        assertThat(balance(t)).isEqualByComparingTo("4.01");
    }

    @Test
    void anIdempotencyKeyOver255CharactersIsRefusedAndChangesNothing() {
        Tenant t = api.newMaster("5");
        String n = api.available("415", 1).get(0);
        api.call("POST", "/v2/numbers/purchase", t.token(), Map.of("number", n), Map.of("Idempotency-Key", "k".repeat(256)))
                .platformError(400, "VALIDATION_ERROR");
        assertThat(balance(t)).isEqualByComparingTo("5");
        assertThat(api.available(n.substring(2), 1)).containsExactly(n);
        api.call("POST", "/v2/numbers/purchase", t.token(), Map.of("number", n), Map.of("Idempotency-Key", "k".repeat(255))).expect(201);
    }

    @Test
    void holdMinutesOutside1To1440AreRefusedAndTheBoundsHoldExactly() {
        Tenant t = api.newMaster("5");
        var numbers = api.available("415", 2);
        String n = numbers.get(0);
        for (int bad : new int[] {0, -1, 1441}) {
            var r = api.put(path(t, n) + "/reserve", t.token(), Map.of("data", Map.of("hold_minutes", bad))).crossbarError(400, "VALIDATION_ERROR");
            assertThat(r.body().toString()).contains("hold_minutes");
        }
        assertThat(api.available(n.substring(2), 1)).containsExactly(n);
        for (Object[] c : new Object[][] {{n, 1}, {numbers.get(1), 1440}}) {
            Instant before = Instant.now().truncatedTo(ChronoUnit.SECONDS);
            var held = api.put(path(t, (String) c[0]) + "/reserve", t.token(), Map.of("data", Map.of("hold_minutes", c[1]))).expect(200).data();
            Instant after = Instant.now();
            Duration hold = Duration.ofMinutes((Integer) c[1]);
            assertThat(Instant.parse(held.get("reserved_until").asText())).isBetween(before.plus(hold), after.plus(hold));
        }
    }

    @Test
    void aStoredReplayNeverHoldsTheCallersToken() {
        Tenant t = api.newMaster("5");
        String n = api.available("415", 1).get(0);
        Map<String, String> key = Map.of("Idempotency-Key", "token-check");
        var first = api.call("PUT", path(t, n), t.token(), Map.of("data", Map.of()), key).expect(201);
        assertThat(first.body().path("auth_token").asText()).isEqualTo(t.token()); // the envelope echoes it
        String table = SamTemplate.load().localTableNames().idempotency();
        var items = local.runtime().dynamoDb().scanPaginator(b -> b.tableName(table)).items().stream().map(Object::toString).toList();
        assertThat(items).as("stored idempotent answers").isNotEmpty().noneMatch(i -> i.contains(t.token()));
        // the replay carries the token of the request that replays it
        var replay = api.call("PUT", path(t, n), t.token(), Map.of("data", Map.of()), key).expect(201);
        assertThat(replay.body().path("auth_token").asText()).isEqualTo(t.token());
        assertThat(replay.data()).isEqualTo(first.data());
    }
}
