package com.carrier.numbers.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.carrier.numbers.local.stepfunctions.StepFunctionsEngine.ExecutionView;
import com.carrier.numbers.local.stepfunctions.WorkflowStatus;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 9 end to end, over HTTP, on the local runtime with its in-JVM engine running the very
 * definitions of statemachines/ and the template's task handlers: a released number ages and can
 * be bought again; a deferred unassign in cool-off answers 202 and the DID is back in the master's
 * pool once the cool-off is over; a call reported during the wait pushes it back. Its own runtime,
 * with waits scaled so a day passes in 0.4 s (45 days in 18 s, a 15-day cool-off in 6 s), so the
 * test takes seconds; the README's default (a day in 2 s) was tried by hand.
 */
class AgingOnTheLocalRuntimeTest {
    private static final double SCALE = 216_000;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private static LocalRuntime runtime;

    @BeforeAll
    static void start() {
        runtime = LocalRuntime.start(LocalRuntime.Options.defaults().withPort(0).withAccessLog(false).withTimeScale(SCALE));
    }

    @AfterAll
    static void stop() {
        if (runtime != null) {
            runtime.close();
        }
    }

    @Test
    void aReleasedNumberAgesBackIntoSearchAndCanBeBoughtAgain() throws Exception {
        String n = send("GET", "/v2/phone_numbers?prefix=512&quantity=1", LocalApi.DEMO_MASTER, null).path("data").get(0).asText();
        send("PUT", "/v2/accounts/MA_demo/phone_numbers/" + enc(n), LocalApi.DEMO_MASTER, "{\"data\":{}}");
        JsonNode released = send("DELETE", "/v2/accounts/MA_demo/phone_numbers/" + enc(n), LocalApi.DEMO_MASTER, null).path("data");
        assertThat(released.path("state").asText()).isEqualTo("released");
        Instant availableAt = Instant.parse(released.path("available_at").asText());
        assertThat(availableAt).isAfter(Instant.now().plus(Duration.ofDays(44)));
        long t0 = System.nanoTime();

        // 45 days in 18 s: not back before, back after (then bought by another customer)
        assertThat(inSearch(n)).as("right after the release").isFalse();
        await(Duration.ofSeconds(60), () -> inSearch(n));
        double took = (System.nanoTime() - t0) / 1e9;
        System.out.printf("released number back in search after %.1f s (45 days at scale %.0f = %.1f s)%n", took, SCALE, 45 * 86400 / SCALE);
        assertThat(took).as("the wait is scaled, not skipped").isGreaterThan(45 * 86400 / SCALE * 0.8);
        JsonNode bought = send("PUT", "/v2/accounts/MA_other/phone_numbers/" + enc(n), LocalApi.OTHER_MASTER, "{\"data\":{}}");
        assertThat(bought.path("data").path("state").asText()).isEqualTo("in_service");
        JsonNode audit = send("GET", "/v2/admin/audit?number=" + enc(n), LocalApi.ADMIN, null).path("data").path("records");
        assertThat(audit.toString()).contains("\"age_out\"");
        assertThat(ended("aging-" + n.substring(1) + "-").visitedStates()).containsExactly("WaitUntilAvailable", "AgeOut", "AgedOutOrSuperseded", "BackInInventory");
    }

    @Test
    void aDeferredUnassignEndsWithTheDidBackInThePoolAndACallDuringTheWaitPushesItBack() throws Exception {
        String quiet = buyAndAssign();
        String called = buyAndAssign();
        Instant firstCall = Instant.now().truncatedTo(ChronoUnit.SECONDS).minus(Duration.ofDays(1));
        reportCall(quiet, firstCall);
        reportCall(called, firstCall);

        JsonNode q = send("DELETE", "/v2/subaccounts/SA_demo1/numbers/" + enc(quiet) + "?defer=true", LocalApi.DEMO_MASTER, null);
        JsonNode c = send("DELETE", "/v2/subaccounts/SA_demo1/numbers/" + enc(called) + "?defer=true", LocalApi.DEMO_MASTER, null);
        assertThat(q.path("data").path("status").asText()).isEqualTo("scheduled");
        assertThat(c.path("data").path("cool_off_until").asText()).isEqualTo(firstCall.plus(Duration.ofDays(15)).toString());
        Instant secondCall = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        reportCall(called, secondCall); // during the wait (14 days = 5.6 s here)

        await(Duration.ofSeconds(60), () -> !assignedToSub(quiet));
        await(Duration.ofSeconds(60), () -> !assignedToSub(called));
        JsonNode calledAudit = send("GET", "/v2/admin/audit?number=" + enc(called), LocalApi.ADMIN, null).path("data").path("records");
        JsonNode deferred = last(calledAudit, r -> "deferred_unassign".equals(r.path("action").asText()));
        assertThat(deferred).as("audit of %s", called).isNotNull();
        assertThat(deferred.path("cool_off_until").asText()).as("the second wait ran to the new end")
                .isEqualTo(secondCall.plus(Duration.ofDays(15)).toString());
        JsonNode quietAudit = send("GET", "/v2/admin/audit?number=" + enc(quiet), LocalApi.ADMIN, null).path("data").path("records");
        assertThat(last(quietAudit, r -> "deferred_unassign".equals(r.path("action").asText())).path("cool_off_until").asText())
                .isEqualTo(firstCall.plus(Duration.ofDays(15)).toString());
        // back in MA_demo's pool: the master holds it, unassigned, and may hand it out again
        JsonNode details = send("GET", "/v2/accounts/MA_demo/phone_numbers/" + enc(quiet), LocalApi.DEMO_MASTER, null).path("data");
        assertThat(details.has("sub_account_id")).isFalse();
        assertThat(details.has("unassign_scheduled")).isFalse();
        send("POST", "/v2/subaccounts/SA_demo2/numbers", LocalApi.DEMO_MASTER, "{\"number\":\"" + quiet + "\"}");

        // the engine's executions did it (not the overdue sweep), along the paths the definition draws
        assertThat(execution(quiet).visitedStates()).containsExactly("WaitForCoolOff", "CheckCallsAndUnassign", "CallDuringWait",
                "BackInParentPool");
        assertThat(execution(called).visitedStates()).containsExactly("WaitForCoolOff", "CheckCallsAndUnassign", "CallDuringWait",
                "WaitForCoolOff", "CheckCallsAndUnassign", "CallDuringWait", "BackInParentPool");
    }

    private static ExecutionView execution(String number) throws Exception {
        return ended("unassign-" + number.substring(1) + "-");
    }

    /** The one execution whose name starts so, once it has ended (the task's write comes just before the end). */
    private static ExecutionView ended(String namePrefix) throws Exception {
        await(Duration.ofSeconds(30), () -> runtime.workflows().engine().executions().stream()
                .anyMatch(e -> e.name().startsWith(namePrefix) && e.status() != WorkflowStatus.RUNNING));
        var found = runtime.workflows().engine().executions().stream().filter(e -> e.name().startsWith(namePrefix)).toList();
        assertThat(found).as("executions %s*: %s", namePrefix, found).hasSize(1);
        assertThat(found.get(0).status()).isEqualTo(WorkflowStatus.SUCCEEDED);
        return found.get(0);
    }

    private String buyAndAssign() throws Exception {
        String n = send("GET", "/v2/phone_numbers?prefix=212&quantity=1", LocalApi.DEMO_MASTER, null).path("data").get(0).asText();
        send("PUT", "/v2/accounts/MA_demo/phone_numbers/" + enc(n), LocalApi.DEMO_MASTER, "{\"data\":{}}");
        send("POST", "/v2/subaccounts/SA_demo1/numbers", LocalApi.DEMO_MASTER, "{\"number\":\"" + n + "\"}");
        return n;
    }

    private void reportCall(String n, Instant at) throws Exception {
        send("POST", "/v2/admin/call-activity", LocalApi.ADMIN, "{\"number\":\"" + n + "\",\"at\":\"" + at + "\"}");
    }

    private boolean assignedToSub(String n) throws Exception {
        return send("GET", "/v2/accounts/MA_demo/phone_numbers/" + enc(n), LocalApi.DEMO_MASTER, null).path("data").has("sub_account_id");
    }

    private boolean inSearch(String n) throws Exception {
        String prefix = n.substring(0, n.length() - 1); // the ten numbers around n
        JsonNode found = send("GET", "/v2/phone_numbers?prefix=" + enc(prefix) + "&quantity=100", LocalApi.DEMO_MASTER, null).path("data");
        for (JsonNode x : found) {
            if (x.asText().equals(n)) {
                return true;
            }
        }
        return false;
    }

    private static JsonNode last(JsonNode records, Predicate<JsonNode> p) {
        JsonNode out = null;
        for (JsonNode r : records) {
            if (p.test(r)) {
                out = r;
            }
        }
        return out;
    }

    interface Check {
        boolean ok() throws Exception;
    }

    private static void await(Duration max, Check check) throws Exception {
        long end = System.nanoTime() + max.toNanos();
        while (!check.ok()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("not within " + max);
            }
            Thread.sleep(200);
        }
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static JsonNode send(String method, String path, String token, String body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(runtime.baseUrl() + path)).header("X-Auth-Token", token)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            b.header("Content-Type", "application/json");
        }
        HttpResponse<String> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as("%s %s -> %s", method, path, r.body()).isBetween(200, 299);
        return JSON.readTree(r.body());
    }
}
