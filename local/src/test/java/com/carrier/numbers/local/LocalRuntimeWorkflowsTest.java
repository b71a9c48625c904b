package com.carrier.numbers.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.carrier.numbers.local.stepfunctions.LocalWorkflows;
import com.carrier.numbers.local.stepfunctions.WorkflowTime;
import org.junit.jupiter.api.Test;

/** The local runtime hands the in-JVM Step Functions engine to the domain, on the scale its flag sets. */
class LocalRuntimeWorkflowsTest {

    @Test
    void timeScaleFlag() {
        assertThat(LocalRuntime.Options.parse(new String[]{}).timeScale()).isEqualTo(WorkflowTime.DEFAULT_SCALE);
        assertThat(LocalRuntime.Options.parse(new String[]{"--time-scale", "1"}).timeScale()).isEqualTo(1.0);
        assertThat(LocalRuntime.Options.parse(new String[]{"--time-scale", "86400"}).timeScale()).isEqualTo(86_400.0);
        assertThatThrownBy(() -> LocalRuntime.Options.parse(new String[]{"--time-scale", "0"}))
                .hasMessageContaining("time scale must be a positive number");
        assertThatThrownBy(() -> LocalRuntime.Options.parse(new String[]{"--time-scale"})).hasMessageContaining("needs a value");
    }

    @Test
    void defaultScaleIsADayInTwoSeconds() {
        WorkflowTime time = new WorkflowTime(WorkflowTime.DEFAULT_SCALE);
        assertThat(time.realDelay(java.time.Duration.ofDays(1))).isEqualTo(java.time.Duration.ofSeconds(2));
        java.time.Instant entered = java.time.Instant.parse("2026-01-01T00:00:00Z");
        assertThat(time.realDeadline(entered, entered.plus(java.time.Duration.ofDays(3)))).isEqualTo(entered.plusSeconds(6));
        assertThat(time.realDeadline(entered, entered.minusSeconds(60))).isEqualTo(entered); // a past timestamp: no wait
        assertThat(WorkflowTime.realTime().realMillis(1.5)).isEqualTo(1500);
    }

    @Test
    void thePlatformGetsTheLocalWorkflowsAdapter() {
        try (LocalRuntime runtime = LocalRuntime.start(LocalRuntime.Options.defaults().withPort(0).withSeed(false)
                .withAccessLog(false).withTimeScale(86_400))) {
            assertThat(runtime.workflows()).isInstanceOf(LocalWorkflows.class);
            assertThat(runtime.platform().workflows()).isSameAs(runtime.workflows());
            assertThat(runtime.workflows().engine().time().scale()).isEqualTo(86_400.0);
            assertThat(WorkflowTime.local().scale()).isEqualTo(86_400.0);
        }
    }

    /**
     * Two runtimes in one JVM (as the test suite has): the second installs its own platform for
     * no-argument constructors, then stops. The first one's workflow tasks keep its platform and its
     * callback URL (built at its start), so its port still completes.
     */
    @Test
    void aRuntimesWorkflowTasksKeepItsPlatformWhenAnotherRuntimeComesAndGoes() throws Exception {
        try (LocalRuntime first = LocalRuntime.start(LocalRuntime.Options.defaults().withPort(0).withAccessLog(false))) {
            try (LocalRuntime second = LocalRuntime.start(LocalRuntime.Options.defaults().withPort(0).withSeed(false).withAccessLog(false))) {
                assertThat(second.platform()).isNotSameAs(first.platform());
            }
            var http = java.net.http.HttpClient.newHttpClient();
            String body = "{\"number\": \"+14155551234\", \"account_number\": \"123456789\", \"carrier_name\": \"Previous Provider\","
                    + " \"billing_phone\": \"+14155551234\", \"end_user_name\": \"John Doe\", \"end_user_address\": {\"street\": \"123 Main St\","
                    + " \"city\": \"San Francisco\", \"state\": \"CA\", \"postal_code\": \"94102\", \"country\": \"US\"}}";
            var created = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(first.baseUrl() + "/v2/ports"))
                    .header("X-Auth-Token", "demo-master-token").header("Content-Type", "application/json")
                    .POST(java.net.http.HttpRequest.BodyPublishers.ofString(body)).build(), java.net.http.HttpResponse.BodyHandlers.ofString());
            assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
            String id = new com.fasterxml.jackson.databind.ObjectMapper().readTree(created.body()).path("data").path("id").asText();
            String status = "";
            long until = System.nanoTime() + java.time.Duration.ofMinutes(2).toNanos();
            while (System.nanoTime() < until && !status.equals("completed") && !status.equals("failed")) {
                Thread.sleep(250);
                var got = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(first.baseUrl() + "/v2/ports/" + id))
                        .header("X-Auth-Token", "demo-master-token").build(), java.net.http.HttpResponse.BodyHandlers.ofString());
                status = new com.fasterxml.jackson.databind.ObjectMapper().readTree(got.body()).path("data").path("status").asText();
            }
            assertThat(status).isEqualTo("completed");
        }
    }
}
