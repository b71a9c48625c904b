package com.carrier.numbers.functions.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.carrier.numbers.domain.ErrorCode;
import com.carrier.numbers.domain.PlatformException;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * The shared handler shape without a platform: every outcome becomes the route's envelope with the
 * right status, headers and one structured log line; an unexpected exception is a 500 without internals.
 */
class ApiHandlerTest {

    /** A Lambda context whose logger keeps the lines, so the log can be read back. */
    record CapturingContext(List<String> lines) implements Context {
        CapturingContext() {
            this(new ArrayList<>());
        }

        JsonNode line(int i) throws Exception {
            return Json.read(lines.get(i));
        }

        @Override public String getAwsRequestId() { return "req"; }
        @Override public String getLogGroupName() { return "g"; }
        @Override public String getLogStreamName() { return "s"; }
        @Override public String getFunctionName() { return "f"; }
        @Override public String getFunctionVersion() { return "$LATEST"; }
        @Override public String getInvokedFunctionArn() { return "arn"; }
        @Override public CognitoIdentity getIdentity() { return null; }
        @Override public ClientContext getClientContext() { return null; }
        @Override public int getRemainingTimeInMillis() { return 1000; }
        @Override public int getMemoryLimitInMB() { return 512; }
        @Override public LambdaLogger getLogger() {
            return new LambdaLogger() {
                @Override public void log(String message) { lines.add(message); }
                @Override public void log(byte[] message) { lines.add(new String(message, StandardCharsets.UTF_8)); }
            };
        }
    }

    static final class TestHandler extends ApiHandler {
        private final Function<ApiRequest, Reply> operation;
        private final int maxBody;

        TestHandler(Envelope envelope, Function<ApiRequest, Reply> operation) {
            this(envelope, operation, ApiRequest.MAX_BODY_BYTES);
        }

        TestHandler(Envelope envelope, Function<ApiRequest, Reply> operation, int maxBody) {
            super(null, envelope, Priming.Read.NONE);
            this.operation = operation;
            this.maxBody = maxBody;
        }

        @Override
        protected Reply handle(ApiRequest request) {
            return operation.apply(request);
        }

        Reply idempotentHere(ApiRequest request, java.util.function.Supplier<Reply> action) {
            return idempotent(request, new com.carrier.numbers.domain.Caller("MA_1", "a1", com.carrier.numbers.domain.Role.USER),
                    "scope", action);
        }
    }

    private static APIGatewayV2HTTPEvent event(String body, Map<String, String> headers, boolean authenticated) {
        return APIGatewayV2HTTPEvent.builder().withRouteKey("POST /v1/things").withBody(body).withHeaders(headers)
                .withRequestContext(APIGatewayV2HTTPEvent.RequestContext.builder().withRequestId("gw-1")
                        .withAuthorizer(authenticated
                                ? APIGatewayV2HTTPEvent.RequestContext.Authorizer.builder()
                                        .withLambda(Map.of("account_id", "MA_demo", "auth_id", "a1", "role", "user")).build()
                                : null)
                        .build())
                .build();
    }

    private static JsonNode body(APIGatewayV2HTTPResponse r) throws Exception {
        return Json.read(r.getBody());
    }

    @Test
    void successIsThePlatformEnvelopeWithRequestIdHeaderAndOneLogLine() throws Exception {
        CapturingContext ctx = new CapturingContext();
        APIGatewayV2HTTPResponse r = new TestHandler(Envelope.PLATFORM, req -> Reply.created(Json.object().put("id", "x1")))
                .handleRequest(event(null, null, true), ctx);
        assertThat(r.getStatusCode()).isEqualTo(201);
        assertThat(r.getHeaders()).containsEntry("Content-Type", "application/json").containsEntry("X-Request-Id", "req_gw1");
        JsonNode b = body(r);
        assertThat(b.path("success").asBoolean()).isTrue();
        assertThat(b.path("data").path("id").asText()).isEqualTo("x1");
        assertThat(b.path("request_id").asText()).isEqualTo("req_gw1");
        assertThat(ctx.lines()).hasSize(1);
        JsonNode line = ctx.line(0);
        assertThat(line.path("level").asText()).isEqualTo("INFO");
        assertThat(line.path("message").asText()).isEqualTo("request");
        assertThat(line.path("status").asInt()).isEqualTo(201);
        assertThat(line.path("request_id").asText()).isEqualTo("req_gw1");
        assertThat(line.path("route").asText()).isEqualTo("POST /v1/things");
        assertThat(line.path("account_id").asText()).isEqualTo("MA_demo");
        assertThat(line.has("error")).isFalse();
        assertThat(line.path("duration_ms").isIntegralNumber()).isTrue();
    }

    @Test
    void refusalIsItsStatusInTheCrossbarEnvelopeAndLoggedWithItsCode() throws Exception {
        CapturingContext ctx = new CapturingContext();
        APIGatewayV2HTTPResponse r = new TestHandler(Envelope.CROSSBAR, req -> {
            throw PlatformException.notFound("number +14155550100");
        }).handleRequest(event(null, Map.of("X-Auth-Token", "tok"), false), ctx);
        assertThat(r.getStatusCode()).isEqualTo(404);
        JsonNode b = body(r);
        assertThat(b.path("status").asText()).isEqualTo("error");
        assertThat(b.path("error").asText()).isEqualTo("404");
        assertThat(b.path("message").asText()).isEqualTo("NOT_FOUND");
        assertThat(b.path("auth_token").asText()).isEqualTo("tok");
        assertThat(b.path("data").path("message").asText()).isEqualTo("number +14155550100 not found");
        JsonNode line = ctx.line(0);
        assertThat(line.path("level").asText()).isEqualTo("INFO");
        assertThat(line.path("error").asText()).isEqualTo("NOT_FOUND");
        assertThat(line.path("status").asInt()).isEqualTo(404);
        assertThat(line.path("account_id").isNull()).isTrue();
    }

    @Test
    void unexpectedExceptionIs500WithoutInternalsAndLogsTheStack() throws Exception {
        CapturingContext ctx = new CapturingContext();
        APIGatewayV2HTTPResponse r = new TestHandler(Envelope.PLATFORM, req -> {
            throw new IllegalStateException("a bug deep down");
        }).handleRequest(event(null, null, true), ctx);
        assertThat(r.getStatusCode()).isEqualTo(500);
        assertThat(r.getBody()).doesNotContain("a bug deep down").doesNotContain("IllegalStateException");
        JsonNode b = body(r);
        assertThat(b.path("success").asBoolean(true)).isFalse();
        assertThat(b.path("error").path("code").asText()).isEqualTo("INTERNAL_ERROR");
        assertThat(b.path("error").path("message").asText()).isEqualTo("internal error; request req_gw1");
        assertThat(ctx.lines()).hasSize(2);
        JsonNode failure = ctx.line(0);
        assertThat(failure.path("level").asText()).isEqualTo("ERROR");
        assertThat(failure.path("message").asText()).isEqualTo("unexpected failure: java.lang.IllegalStateException: a bug deep down");
        assertThat(failure.path("stack").asText()).contains("a bug deep down").contains("ApiHandlerTest");
        assertThat(failure.path("account_id").asText()).isEqualTo("MA_demo");
        JsonNode request = ctx.line(1);
        assertThat(request.path("level").asText()).isEqualTo("ERROR");
        assertThat(request.path("status").asInt()).isEqualTo(500);
        assertThat(request.path("error").asText()).isEqualTo("INTERNAL_ERROR");
    }

    @Test
    void withoutIdempotencyKeyTheActionJustRuns() {
        TestHandler h = new TestHandler(Envelope.PLATFORM, req -> Reply.ok(Json.object()));
        Reply reply = h.idempotentHere(new ApiRequest(event("{}", null, true)), () -> Reply.created(Json.object().put("n", 1)));
        assertThat(reply.status()).isEqualTo(201);
        assertThat(reply.data().path("n").asInt()).isEqualTo(1);
    }

    @Test
    void badIdempotencyKeysAreValidationErrors() {
        TestHandler h = new TestHandler(Envelope.PLATFORM, req -> Reply.ok(Json.object()));
        for (String key : new String[] {" ", "k".repeat(256)}) {
            ApiRequest req = new ApiRequest(event("{}", Map.of("Idempotency-Key", key), true));
            try {
                h.idempotentHere(req, () -> Reply.ok(Json.object()));
                throw new AssertionError("expected a refusal for key of length " + key.length());
            } catch (PlatformException e) {
                assertThat(e.code()).isEqualTo(ErrorCode.VALIDATION_ERROR);
                assertThat(e.details()).containsEntry("field", "Idempotency-Key");
            }
        }
    }

    @Test
    void countedReturnsWhatWasDone() {
        Object done = new Object();
        assertThat(ApiHandler.counted("NumbersPurchased", done)).isSameAs(done);
    }

    @Test
    void repliesCarryTheirStatus() {
        assertThat(Reply.ok(Json.object()).status()).isEqualTo(200);
        assertThat(Reply.ok(Json.object(), Map.of("next_start_key", Json.object())).extra()).containsKey("next_start_key");
        assertThat(Reply.created(Json.object()).status()).isEqualTo(201);
        assertThat(Reply.accepted(Json.object()).status()).isEqualTo(202);
        Reply error = Reply.error(new PlatformException(ErrorCode.INSUFFICIENT_CREDIT, "top up"));
        assertThat(error.status()).isEqualTo(402);
        assertThat(error.data()).isNull();
        assertThat(error.error().getMessage()).isEqualTo("top up");
    }
    @Test
    void extraFieldsSitBesideDataInBothEnvelopes() throws Exception {
        for (Envelope envelope : Envelope.values()) {
            APIGatewayV2HTTPResponse r = new TestHandler(envelope,
                    req -> Reply.ok(Json.array(), Map.of("next_start_key", Json.MAPPER.getNodeFactory().textNode("+14155550101"))))
                    .handleRequest(event(null, null, true), new CapturingContext());
            assertThat(r.getStatusCode()).isEqualTo(200);
            assertThat(body(r).path("next_start_key").asText()).as(envelope.name()).isEqualTo("+14155550101");
        }
    }
}
