package com.carrier.numbers.functions.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.carrier.numbers.domain.Caller;
import com.carrier.numbers.domain.ErrorCode;
import com.carrier.numbers.domain.PlatformException;
import com.carrier.numbers.domain.Role;
import com.carrier.numbers.testing.PlatformFixture;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Idempotent replays through the shared handler on the real idempotency store (DynamoDB Local):
 * the first reply, success or refusal, comes back unchanged for the same key and body, and the
 * operation runs once. Only data and error details are stored, so a replay is wrapped in the
 * envelope of the request that replays it.
 */
class IdempotentReplayTest {
    private static PlatformFixture fixture;

    @BeforeAll
    static void platform() {
        fixture = PlatformFixture.create();
    }

    /** A handler whose operation is idempotent under the key the request carries, counting its runs. */
    static final class Counting extends ApiHandler {
        final AtomicInteger runs = new AtomicInteger();
        private final Supplier<Reply> operation;

        Counting(Supplier<Reply> operation) {
            super(fixture.platform, Envelope.PLATFORM, Priming.Read.NONE);
            this.operation = operation;
        }

        @Override
        protected Reply handle(ApiRequest request) {
            return idempotent(request, new Caller("MA_replay", "a1", Role.USER), "things", () -> {
                runs.incrementAndGet();
                return operation.get();
            });
        }
    }

    private static APIGatewayV2HTTPEvent post(String key, String body, String requestId) {
        return APIGatewayV2HTTPEvent.builder().withRouteKey("POST /v1/things").withBody(body)
                .withHeaders(Map.of("Idempotency-Key", key, "Authorization", "Bearer tok_secret_of_the_caller"))
                .withRequestContext(APIGatewayV2HTTPEvent.RequestContext.builder().withRequestId(requestId)
                        .withAuthorizer(APIGatewayV2HTTPEvent.RequestContext.Authorizer.builder()
                                .withLambda(Map.of("account_id", "MA_replay", "auth_id", "a1", "role", "user")).build())
                        .build())
                .build();
    }

    private static JsonNode call(ApiHandler h, APIGatewayV2HTTPEvent event, int status) throws Exception {
        APIGatewayV2HTTPResponse r = h.handleRequest(event, new ApiHandlerTest.CapturingContext());
        assertThat(r.getStatusCode()).as(r.getBody()).isEqualTo(status);
        return Json.read(r.getBody());
    }

    @Test
    void aReplayAnswersTheFirstSuccessAgainWithoutRunningItTwice() throws Exception {
        String key = "k".repeat(255); // the longest key allowed
        Counting h = new Counting(() -> Reply.ok(Json.object().put("id", "thing_1").put("n", 7),
                Map.of("next_start_key", Json.object().put("after", "x"))));
        JsonNode first = call(h, post(key, "{\"a\":1}", "gw-1"), 200);
        JsonNode replay = call(h, post(key, "{\"a\":1}", "gw-2"), 200);

        assertThat(h.runs).hasValue(1);
        assertThat(replay.path("data")).isEqualTo(first.path("data"));
        assertThat(replay.path("data").path("n").asInt()).isEqualTo(7);
        assertThat(replay.path("next_start_key").path("after").asText()).isEqualTo("x");
        assertThat(replay.path("request_id").asText()).as("the replaying request's envelope").isEqualTo("req_gw2");
    }

    @Test
    void aRefusalIsReplayedWithItsStatusCodeMessageAndDetails() throws Exception {
        Counting h = new Counting(() -> {
            throw new PlatformException(ErrorCode.INSUFFICIENT_CREDIT, "top up first", Map.of("balance", "0.50"));
        });
        JsonNode first = call(h, post("refused-1", "{\"a\":2}", "gw-3"), 402);
        JsonNode replay = call(h, post("refused-1", "{\"a\":2}", "gw-4"), 402);

        assertThat(h.runs).hasValue(1);
        assertThat(replay.path("success").asBoolean(true)).isFalse();
        assertThat(replay.path("error").path("code").asText()).isEqualTo(first.path("error").path("code").asText())
                .isEqualTo("INSUFFICIENT_CREDIT");
        assertThat(replay.path("error").path("message").asText()).isEqualTo("top up first");
        assertThat(replay.path("error").path("balance").asText()).isEqualTo("0.50");
        assertThat(replay.toString()).doesNotContain("tok_secret_of_the_caller");
    }

    @Test
    void theSameKeyWithAnotherBodyIsAConflictAndRunsNothing() throws Exception {
        Counting h = new Counting(() -> Reply.created(Json.object().put("id", "thing_2")));
        call(h, post("reused-1", "{\"a\":3}", "gw-5"), 201);
        JsonNode conflict = call(h, post("reused-1", "{\"a\":4}", "gw-6"), 409);

        assertThat(h.runs).hasValue(1);
        assertThat(conflict.path("error").path("code").asText()).isEqualTo("IDEMPOTENCY_KEY_REUSED");
    }
}
