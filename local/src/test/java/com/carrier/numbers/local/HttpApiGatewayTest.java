package com.carrier.numbers.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.carrier.numbers.local.testhandlers.EchoHandler;
import com.carrier.numbers.local.testhandlers.TestAuthorizer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.util.Base64;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The gateway over real HTTP, serving the test template's handlers. */
class HttpApiGatewayTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static LocalRuntime runtime;

    @BeforeAll
    static void start() {
        runtime = TestTemplate.start();
    }

    @AfterAll
    static void stop() {
        runtime.close();
    }

    private static HttpResponse<String> send(HttpRequest.Builder b) throws Exception {
        return HTTP.send(b.build(), BodyHandlers.ofString());
    }

    private static HttpRequest.Builder get(String pathAndQuery, String token) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(runtime.baseUrl() + pathAndQuery));
        return token == null ? b : b.header("X-Auth-Token", token);
    }

    @Test
    void literalRouteBeatsParameterRoute() throws Exception {
        HttpResponse<String> inventory = send(get("/v2/numbers/inventory", "t1"));
        assertThat(JSON.readTree(inventory.body()).path("routeKey").asText()).isEqualTo("GET /v2/numbers/inventory");
        assertThat(EchoHandler.lastContext.getFunctionName()).isEqualTo("InventoryFunction");

        HttpResponse<String> byId = send(get("/v2/numbers/num_42", "t1"));
        JsonNode body = JSON.readTree(byId.body());
        assertThat(body.path("routeKey").asText()).isEqualTo("GET /v2/numbers/{number_id}");
        assertThat(body.path("pathParameters").path("number_id").asText()).isEqualTo("num_42");
    }

    @Test
    void encodedPlusIsDecodedAndLiteralPlusStaysPlus() throws Exception {
        JsonNode encoded = JSON.readTree(send(get("/v2/accounts/MA_demo/phone_numbers/%2B14152000001", "t1")
                .PUT(BodyPublishers.ofString("{\"data\":{}}"))).body());
        assertThat(encoded.path("pathParameters").path("number").asText()).isEqualTo("+14152000001");
        assertThat(EchoHandler.lastEvent.getRawPath()).isEqualTo("/v2/accounts/MA_demo/phone_numbers/%2B14152000001");

        JsonNode literal = JSON.readTree(send(get("/v2/accounts/MA_demo/phone_numbers/+14152000001", "t1")
                .PUT(BodyPublishers.ofString("{}"))).body());
        assertThat(literal.path("pathParameters").path("number").asText()).isEqualTo("+14152000001");
    }

    @Test
    void unknownRouteIs404InThePlatformEnvelope() throws Exception {
        for (HttpResponse<String> r : new HttpResponse[]{send(get("/v2/x", "t1")), send(get("/v2/numbers/inventory", "t1").DELETE())}) {
            assertThat(r.statusCode()).isEqualTo(404);
            assertThat(r.headers().firstValue("content-type")).hasValue("application/json");
            JsonNode body = JSON.readTree(r.body());
            assertThat(body.path("success").asBoolean(true)).isFalse();
            assertThat(body.path("error").path("code").asText()).isEqualTo("NOT_FOUND");
            assertThat(body.path("request_id").asText()).startsWith("req_");
        }
        assertThat(JSON.readTree(send(get("/v2/x", null)).body()).path("error").path("message").asText())
                .isEqualTo("No route for GET /v2/x");
    }

    @Test
    void handlerReceivesARealPayload20Event() throws Exception {
        HttpResponse<String> r = send(get("/v2/accounts/MA_demo/phone_numbers/%2B14152000001?a=1&b=x%2By&a=2&c=%2B1415", "evt-token")
                .header("X-Multi", "one").header("X-Multi", "two").header("Cookie", "s=1; t=2")
                .header("Content-Type", "application/json")
                .POST(BodyPublishers.ofString("{\"data\":{\"cnam\":\"é\"}}")));
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("apigw-requestid")).isPresent();

        var e = EchoHandler.lastEvent;
        assertThat(e.getVersion()).isEqualTo("2.0");
        assertThat(e.getRouteKey()).isEqualTo("POST /v2/accounts/{account_id}/phone_numbers/{number}");
        assertThat(e.getRawPath()).isEqualTo("/v2/accounts/MA_demo/phone_numbers/%2B14152000001");
        assertThat(e.getRawQueryString()).isEqualTo("a=1&b=x%2By&a=2&c=%2B1415");
        assertThat(e.getQueryStringParameters()).containsEntry("a", "1,2").containsEntry("b", "x+y").containsEntry("c", "+1415");
        assertThat(e.getPathParameters()).containsEntry("account_id", "MA_demo").containsEntry("number", "+14152000001");
        assertThat(e.getHeaders()).containsEntry("x-auth-token", "evt-token").containsEntry("x-multi", "one,two")
                .containsEntry("content-type", "application/json").containsKey("host").doesNotContainKey("cookie");
        assertThat(e.getCookies()).containsExactly("s=1", "t=2");
        assertThat(e.getBody()).isEqualTo("{\"data\":{\"cnam\":\"é\"}}");
        assertThat(e.getIsBase64Encoded()).isFalse();

        var ctx = e.getRequestContext();
        assertThat(ctx.getRouteKey()).isEqualTo(e.getRouteKey());
        assertThat(ctx.getStage()).isEqualTo("$default");
        assertThat(ctx.getRequestId()).isEqualTo(r.headers().firstValue("apigw-requestid").orElseThrow());
        assertThat(ctx.getAccountId()).isNotBlank();
        assertThat(ctx.getApiId()).isNotBlank();
        assertThat(ctx.getDomainName()).isEqualTo("127.0.0.1");
        assertThat(ctx.getTime()).matches("\\d\\d/\\w{3}/\\d{4}:\\d\\d:\\d\\d:\\d\\d \\+0000");
        assertThat(ctx.getTimeEpoch()).isCloseTo(System.currentTimeMillis(), org.assertj.core.data.Offset.offset(60_000L));
        assertThat(ctx.getHttp().getMethod()).isEqualTo("POST");
        assertThat(ctx.getHttp().getPath()).isEqualTo(e.getRawPath());
        assertThat(ctx.getHttp().getProtocol()).isEqualTo("HTTP/1.1");
        assertThat(ctx.getHttp().getSourceIp()).isEqualTo("127.0.0.1");
        assertThat(ctx.getHttp().getUserAgent()).isNotBlank();
        assertThat(ctx.getAuthorizer().getLambda()).containsEntry("account_id", "MA_evt-token").containsEntry("role", "user");

        assertThat(EchoHandler.lastContext.getFunctionName()).isEqualTo("AccountNumberFunction");
        assertThat(EchoHandler.lastContext.getAwsRequestId()).isNotBlank();
        assertThat(EchoHandler.remainingAtCall).isBetween(15_000, 20_000);
    }

    @Test
    void binaryBodiesAreBase64BothWays() throws Exception {
        send(get("/v2/accounts/A/phone_numbers/N", "t1").header("Content-Type", "application/octet-stream")
                .PUT(BodyPublishers.ofByteArray(new byte[]{1, 2, (byte) 0xFE})));
        assertThat(EchoHandler.lastEvent.getIsBase64Encoded()).isTrue();
        assertThat(Base64.getDecoder().decode(EchoHandler.lastEvent.getBody())).containsExactly(1, 2, 0xFE);

        HttpResponse<byte[]> r = HTTP.send(get("/v2/numbers/x?reply=binary", "t1").build(), BodyHandlers.ofByteArray());
        assertThat(r.body()).containsExactly(0, 1, 0xFF);
        assertThat(r.headers().firstValue("content-type")).hasValue("application/octet-stream");
    }

    @Test
    void cookiesAndMultiValueHeadersComeBack() throws Exception {
        HttpResponse<String> r = send(get("/v2/numbers/x?reply=cookies", "t1"));
        assertThat(r.statusCode()).isEqualTo(201);
        assertThat(r.headers().allValues("set-cookie")).containsExactly("a=1", "b=2");
        assertThat(r.headers().allValues("x-multi")).containsExactly("x", "y");
    }

    @Test
    void authorizerIsCachedPerTokenAndItsContextReachesTheHandler() throws Exception {
        int before = TestAuthorizer.CALLS.get();
        send(get("/v2/numbers/a", "cache-me"));
        send(get("/v2/numbers/b", "cache-me"));
        send(get("/v2/numbers/inventory", "cache-me"));
        assertThat(TestAuthorizer.CALLS.get() - before).isEqualTo(1);
        Object calls = EchoHandler.lastEvent.getRequestContext().getAuthorizer().getLambda().get("calls");
        assertThat(((Number) calls).intValue()).isEqualTo(before + 1); // the cached context, not a new one
        assertThat(TestAuthorizer.lastEvent.getIdentitySource()).containsExactly("cache-me");
        assertThat(TestAuthorizer.lastEvent.getRouteArn()).endsWith("/$default/GET/v2/numbers/a");
        assertThat(TestAuthorizer.lastEvent.getRouteKey()).isEqualTo("GET /v2/numbers/{number_id}");
        assertThat(TestAuthorizer.lastEvent.getHeaders()).containsEntry("x-auth-token", "cache-me");

        send(get("/v2/numbers/a", "another"));
        assertThat(TestAuthorizer.CALLS.get() - before).isEqualTo(2);
        runtime.clearAuthorizerCache();
        send(get("/v2/numbers/a", "cache-me"));
        assertThat(TestAuthorizer.CALLS.get() - before).isEqualTo(3);
    }

    @Test
    void missingTokenStillReachesTheHandlerAsAnonymous() throws Exception {
        HttpResponse<String> r = send(get("/v2/numbers/anon", null));
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(EchoHandler.lastEvent.getRequestContext().getAuthorizer().getLambda()).containsEntry("anonymous", true);
        assertThat(TestAuthorizer.lastEvent.getIdentitySource()).isNullOrEmpty();
    }

    @Test
    void deniedIs403AsApiGatewayAnswersIt() throws Exception {
        HttpResponse<String> r = send(get("/v2/numbers/a", "deny"));
        assertThat(r.statusCode()).isEqualTo(403);
        assertThat(r.body()).isEqualTo("{\"message\":\"Forbidden\"}");
    }

    @Test
    void handlerExceptionIs500AsApiGatewayAnswersIt() throws Exception {
        HttpResponse<String> r = send(get("/v2/boom", "t1"));
        assertThat(r.statusCode()).isEqualTo(500);
        assertThat(r.body()).isEqualTo("{\"message\":\"Internal Server Error\"}");
        assertThat(r.headers().firstValue("content-type")).hasValue("application/json");
    }

    @Test
    void plainJsonResultIsInferredAs200AndAuthNoneSkipsTheAuthorizer() throws Exception {
        int before = TestAuthorizer.CALLS.get();
        HttpResponse<String> r = send(get("/v2/public", "never-seen-token"));
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("content-type")).hasValue("application/json");
        assertThat(JSON.readTree(r.body()).path("rawPath").asText()).isEqualTo("/v2/public");
        assertThat(TestAuthorizer.CALLS.get()).isEqualTo(before);
    }
}
