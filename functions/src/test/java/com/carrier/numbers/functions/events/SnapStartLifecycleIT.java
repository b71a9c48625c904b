package com.carrier.numbers.functions.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.carrier.numbers.functions.lifecycle.AwsCall;
import com.carrier.numbers.functions.lifecycle.ContainerCredentialsEndpoint;
import com.carrier.numbers.template.SamTemplate;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Issue 7: every function of template.yaml survives the SnapStart lifecycle as Lambda runs it, on
 * the packaged jar, in a fresh JVM with a SnapStart function's environment ({@link LambdaLifecycle}):
 * init, the registered beforeCheckpoint hooks (a hook that throws would fail the snapshot, so the
 * deploy), afterRestore, then its events/ request, which succeeds; and every AWS call it made was
 * signed with credentials from the container credentials endpoint (there are no others to find).
 */
class SnapStartLifecycleIT {

    @TestFactory
    Stream<DynamicTest> everyFunctionSurvivesSnapshotAndRestoreAndAnswersItsEvent() throws Exception {
        Map<String, LambdaLifecycle.Run> runs = LambdaLifecycle.runs();
        System.out.printf("%-32s %8s %8s %8s %12s%n", "function", "priming", "request", "JVM ms", "credentials");
        runs.values().forEach(r -> System.out.printf("%-32s %8d %8d %8d %12d%n", r.function().logicalId(),
                r.calls().stream().filter(c -> c.phase().equals("beforeCheckpoint")).count(),
                r.calls().stream().filter(c -> c.phase().equals("request")).count(), r.millis(), r.grant().served().get()));
        return runs.values().stream().map(r -> DynamicTest.dynamicTest(r.function().logicalId(), () -> {
            assertThat(r.error()).as(r.describe()).isNull();
            switch (r.function().kind()) {
                case HTTP_API -> assertThat(r.output().path("statusCode").asInt()).as(r.describe()).isBetween(200, 299);
                case AUTHORIZER -> {
                    assertThat(r.output().path("isAuthorized").asBoolean()).as(r.describe()).isTrue();
                    assertThat(r.output().path("context").path("account_id").asText()).as("the token was recognised: %s", r.describe())
                            .isEqualTo(DemoWorld.MASTER);
                }
                case SCHEDULE -> {
                    // the renewal run queues what is due, the sweep ages out or unassigns what is overdue: work done, none failed
                    assertThat(r.output().path("failed").asInt(0)).as(r.describe()).isZero();
                    int done = 0;
                    for (String work : List.of("queued", "charged", "aged_out", "unassigned")) {
                        done += r.output().path(work).asInt(0);
                    }
                    assertThat(done).as("the seeded due work was done: %s", r.describe()).isPositive();
                }
                default -> assertThat(r.output()).as(r.describe()).isNotNull();
            }
            ContainerCredentialsEndpoint.Grant grant = r.grant();
            assertThat(r.calls()).as("%s made no AWS call: nothing shows where its credentials came from", r.function().logicalId())
                    .isNotEmpty();
            assertThat(grant.served().get()).as("credentials fetched from the container endpoint by %s", r.function().logicalId())
                    .isPositive();
            assertThat(grant.refused().get()).as("fetches with a wrong authorization token by %s", r.function().logicalId()).isZero();
            for (AwsCall c : r.calls()) {
                assertThat(c.accessKeyId()).as("%s: %s signed with the endpoint's key", r.function().logicalId(), c.describe())
                        .isEqualTo(grant.accessKeyId());
                assertThat(c.sessionToken()).as("%s: %s carries the endpoint's session token", r.function().logicalId(), c.describe())
                        .isTrue();
            }
        }));
    }

    /** The hooks really ran through Lambda's CRaC context: the authorizer's priming read went out before the "snapshot". */
    @Test
    void primingRunsBeforeTheSnapshotWithTheFunctionsOwnRead() throws Exception {
        LambdaLifecycle.Run authorizer = LambdaLifecycle.runs().values().stream()
                .filter(r -> r.function().kind() == SamTemplate.Kind.AUTHORIZER).findFirst().orElseThrow();
        assertThat(authorizer.calls()).as(authorizer.describe())
                .anySatisfy(c -> {
                    assertThat(c.phase()).isEqualTo("beforeCheckpoint");
                    assertThat(c.operation()).isEqualTo("GetItem");
                    assertThat(authorizer.logicalId(c.fields().get("TableName"))).isEqualTo("CredentialsTable");
                });
    }

    /** The stand-in endpoint checks its token as Lambda's does: without it, no credentials. */
    @Test
    void theCredentialsEndpointRefusesAWrongToken() throws Exception {
        try (ContainerCredentialsEndpoint endpoint = new ContainerCredentialsEndpoint()) {
            ContainerCredentialsEndpoint.Grant g = endpoint.grant("Probe");
            HttpClient http = HttpClient.newHttpClient();
            var wrong = http.send(HttpRequest.newBuilder(URI.create(g.uri())).header("Authorization", "not-" + g.token()).build(),
                    HttpResponse.BodyHandlers.ofString());
            var right = http.send(HttpRequest.newBuilder(URI.create(g.uri())).header("Authorization", g.token()).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(wrong.statusCode()).isEqualTo(401);
            assertThat(right.statusCode()).isEqualTo(200);
            assertThat(right.body()).contains("\"AccessKeyId\":\"" + g.accessKeyId() + "\"", "\"Token\"", "\"Expiration\"");
            assertThat(g.refused().get()).isEqualTo(1);
            assertThat(g.served().get()).isEqualTo(1);
        }
    }
}
