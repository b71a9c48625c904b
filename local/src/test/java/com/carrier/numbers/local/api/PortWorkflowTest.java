package com.carrier.numbers.local.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.carrier.numbers.local.api.Api.Tenant;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/**
 * Ports end to end on the local runtime: the API, the port lifecycle state machine on the in-JVM
 * engine with the template's task handlers, the simulated carrier's own state machine posting
 * signed events to the callback route, all at the default time scale (a day of waiting in two
 * seconds). The scenarios start together and are awaited together.
 */
class PortWorkflowTest extends RouteTest {
    private static final Duration LIMIT = Duration.ofMinutes(2);

    private static JsonNode awaitPort(Tenant t, String id, Predicate<JsonNode> done) throws InterruptedException {
        Instant until = Instant.now().plus(LIMIT);
        JsonNode port;
        do {
            port = api.get("/v2/ports/" + id, t.token()).expect(200).data();
            if (done.test(port)) {
                return port;
            }
            Thread.sleep(250);
        } while (Instant.now().isBefore(until));
        throw new AssertionError("port " + id + " did not get there within " + LIMIT + ": " + port);
    }

    private static boolean terminal(JsonNode p) {
        return List.of("completed", "failed", "cancelled").contains(p.get("status").asText());
    }

    private static String create(Tenant t, Map<String, Object> body) {
        return api.post("/v2/ports", t.token(), body).expect(201).data().get("id").asText();
    }

    @Test
    void theCarrierScenariosEndToEnd() throws Exception {
        Tenant happy = api.newMaster("10");
        Tenant rejected = api.newMaster("10");
        Tenant partial = api.newMaster("10");
        Tenant flaky = api.newMaster("10");
        Tenant silent = api.newMaster("10");
        Tenant cancelling = api.newMaster("10");

        String seedNumber = PortRoutesTest.freshNumber();
        long t0 = System.nanoTime();
        String happyId = create(happy, PortRoutesTest.seedBody(seedNumber, "123456789"));
        String rejectedNumber = PortRoutesTest.freshNumber();
        String rejectedId = create(rejected, PortRoutesTest.seedBody(rejectedNumber, "999123"));
        String keep = PortRoutesTest.freshNumber();
        String notPortable = keep.substring(0, 8) + "0000";
        var two = PortRoutesTest.seedBody(keep, "123456789");
        two.remove("number");
        two.put("numbers", List.of(keep, notPortable));
        String partialId = create(partial, two);
        String flakyId = create(flaky, PortRoutesTest.seedBody(PortRoutesTest.freshNumber(), "997123"));
        String silentId = create(silent, PortRoutesTest.seedBody(PortRoutesTest.freshNumber(), "998123"));
        String cancelNumber = PortRoutesTest.freshNumber();
        String cancelId = create(cancelling, PortRoutesTest.seedBody(cancelNumber, "123456789"));

        // cancel while pending: cancelled, its number gone, and nothing moves it afterwards
        JsonNode cancelled = api.delete("/v2/ports/" + cancelId, cancelling.token()).expect(200).data();
        assertThat(cancelled.get("status").asText()).isEqualTo("cancelled");
        assertThat(api.get("/v2/numbers?status=porting", cancelling.token()).expect(200).data().get("total").asInt()).isZero();

        // the seed's example: completes, its number in service on the account, rent started
        JsonNode done = awaitPort(happy, happyId, PortWorkflowTest::terminal);
        double seconds = (System.nanoTime() - t0) / 1e9;
        System.out.printf("seed example port completed in %.1f s%n", seconds);
        assertThat(done.get("status").asText()).as("%s", done).isEqualTo("completed");
        assertThat(done.get("carrier_status").asText()).isEqualTo("ported");
        assertThat(done.get("messages").get(0).asText()).isEqualTo("Number successfully transferred to Audian");
        assertThat(done.has("completed_at") && done.has("foc_date")).isTrue();
        assertThat(done.get("events").toString()).contains("cutover_soon", "in_progress", "authorized");
        JsonNode number = api.get("/v2/accounts/" + happy.id() + "/phone_numbers/" + Api.enc(seedNumber), happy.token()).expect(200).data();
        assertThat(number.get("state").asText()).isEqualTo("in_service");
        assertThat(api.get("/v2/accounts/" + happy.id(), happy.token()).expect(200).data().get("balance").decimalValue())
                .isEqualByComparingTo("9.01");

        // 999: rejected ENTITY_NAME_MISMATCH; corrected with PATCH, it completes
        JsonNode failed = awaitPort(rejected, rejectedId, PortWorkflowTest::terminal);
        assertThat(failed.get("status").asText()).as("%s", failed).isEqualTo("failed");
        assertThat(failed.get("numbers").get(0).get("reason").asText()).isEqualTo("ENTITY_NAME_MISMATCH");
        assertThat(failed.get("messages").toString()).contains("ENTITY_NAME_MISMATCH");
        JsonNode resubmitted = api.call("PATCH", "/v2/ports/" + rejectedId, rejected.token(), Map.of("account_number", "123456789"))
                .expect(200).data();
        assertThat(resubmitted.get("status").asText()).isEqualTo("pending");
        assertThat(resubmitted.get("attempt").asInt()).isEqualTo(2);
        JsonNode fixed = awaitPort(rejected, rejectedId, PortWorkflowTest::terminal);
        assertThat(fixed.get("status").asText()).as("%s", fixed).isEqualTo("completed");

        // a two-number port with one ...0000 number completes with that one rejected
        JsonNode mixed = awaitPort(partial, partialId, PortWorkflowTest::terminal);
        assertThat(mixed.get("status").asText()).as("%s", mixed).isEqualTo("completed");
        assertThat(mixed.get("numbers").toString()).contains("\"number\":\"" + notPortable + "\",\"status\":\"rejected\",\"reason\":\"NUMBER_NOT_PORTABLE\"");
        assertThat(mixed.get("numbers").toString()).contains("\"number\":\"" + keep + "\",\"status\":\"ported\"");

        // 997: two transient submission failures, retried, then the usual path
        assertThat(awaitPort(flaky, flakyId, PortWorkflowTest::terminal).get("status").asText()).isEqualTo("completed");

        // 998: never answers; the 7-day wait (14 s scaled) fails it CARRIER_TIMEOUT
        JsonNode timedOut = awaitPort(silent, silentId, PortWorkflowTest::terminal);
        assertThat(timedOut.get("status").asText()).as("%s", timedOut).isEqualTo("failed");
        assertThat(timedOut.get("numbers").get(0).get("reason").asText()).isEqualTo("CARRIER_TIMEOUT");

        JsonNode stillCancelled = api.get("/v2/ports/" + cancelId, cancelling.token()).expect(200).data();
        assertThat(stillCancelled.get("status").asText()).isEqualTo("cancelled");
        api.get("/v2/accounts/" + cancelling.id() + "/phone_numbers/" + Api.enc(cancelNumber), cancelling.token())
                .crossbarError(404, "NOT_FOUND");
    }
}
