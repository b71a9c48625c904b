package com.carrier.numbers.functions.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.carrier.numbers.domain.ErrorCode;
import com.carrier.numbers.domain.PlatformException;
import com.carrier.numbers.domain.Role;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ApiRequestTest {

    private static APIGatewayV2HTTPEvent event(Map<String, String> path, Map<String, String> query, Map<String, String> headers,
                                               String body, Map<String, Object> authorizer) {
        return APIGatewayV2HTTPEvent.builder()
                .withPathParameters(path).withQueryStringParameters(query).withHeaders(headers).withBody(body)
                .withRequestContext(APIGatewayV2HTTPEvent.RequestContext.builder().withRequestId("abc-123")
                        .withHttp(APIGatewayV2HTTPEvent.RequestContext.Http.builder().withMethod("POST").build())
                        .withAuthorizer(authorizer == null ? null
                                : APIGatewayV2HTTPEvent.RequestContext.Authorizer.builder().withLambda(authorizer).build())
                        .build())
                .build();
    }

    private static PlatformException refusal(Runnable r) {
        try {
            r.run();
        } catch (PlatformException e) {
            return e;
        }
        throw new AssertionError("expected a refusal");
    }

    @Test
    void percentEncodedNumbersAreDecodedAndPlusStaysPlus() {
        var encoded = new ApiRequest(event(Map.of("number", "%2B14152000001"), null, null, null, null));
        assertThat(encoded.numberParam("number")).isEqualTo("+14152000001");
        var literal = new ApiRequest(event(Map.of("number", "+14152000001"), null, null, null, null));
        assertThat(literal.numberParam("number")).isEqualTo("+14152000001");
    }

    @Test
    void invalidNumbersAndAccountIdsAreValidationErrors() {
        for (String bad : new String[] {"14152000001", "+1555", "%2B15551234567", "%zz", "abc"}) {
            var r = new ApiRequest(event(Map.of("number", bad), null, null, null, null));
            assertThat(refusal(() -> r.numberParam("number")).code()).isEqualTo(ErrorCode.VALIDATION_ERROR);
        }
        var r = new ApiRequest(event(Map.of("account_id", "XX_1"), null, null, null, null));
        var e = refusal(() -> r.accountParam("account_id"));
        assertThat(e.code()).isEqualTo(ErrorCode.VALIDATION_ERROR);
        assertThat(e.details()).containsEntry("field", "account_id");
    }

    @Test
    void integersOutsideTheRangeAreRefusedNotClamped() {
        for (String bad : new String[] {"0", "101", "1e2", " 5", "abc", "99999999999"}) {
            var r = new ApiRequest(event(null, Map.of("quantity", bad), null, null, null));
            var e = refusal(() -> r.queryInt("quantity", 10, 1, 100));
            assertThat(e.details()).containsEntry("field", "quantity");
        }
        assertThat(new ApiRequest(event(null, Map.of("quantity", "100"), null, null, null)).queryInt("quantity", 10, 1, 100)).isEqualTo(100);
        assertThat(new ApiRequest(event(null, null, null, null, null)).queryInt("quantity", 10, 1, 100)).isEqualTo(10);
    }

    @Test
    void callerComesFromTheAuthorizerAndXAuthIdMustMatch() {
        Map<String, Object> ctx = Map.of("account_id", "MA_demo", "auth_id", "a1", "role", "user");
        var ok = new ApiRequest(event(null, null, Map.of("x-auth-id", "a1"), null, ctx));
        assertThat(ok.caller().accountId()).isEqualTo("MA_demo");
        assertThat(ok.caller().role()).isEqualTo(Role.USER);
        var mismatch = new ApiRequest(event(null, null, Map.of("X-Auth-ID", "other"), null, ctx));
        assertThat(refusal(mismatch::caller).code()).isEqualTo(ErrorCode.UNAUTHORIZED);
        var anonymous = new ApiRequest(event(null, null, null, null, Map.of("anonymous", "true")));
        assertThat(refusal(anonymous::caller).code()).isEqualTo(ErrorCode.UNAUTHORIZED);
        var none = new ApiRequest(event(null, null, null, null, null));
        assertThat(refusal(none::caller).code()).isEqualTo(ErrorCode.UNAUTHORIZED);
    }

    @Test
    void withoutXAuthIdTheTokenAloneNamesTheCaller() {
        var ok = new ApiRequest(event(null, null, null, null, Map.of("account_id", "MA_demo", "auth_id", "a1", "role", "admin")));
        assertThat(ok.caller()).isEqualTo(new com.carrier.numbers.domain.Caller("MA_demo", "a1", Role.ADMIN));
        for (Map<String, Object> partial : java.util.List.<Map<String, Object>>of(Map.of("auth_id", "a1", "role", "user"),
                Map.of("account_id", "MA_demo", "role", "user"), Map.of("account_id", "MA_demo", "auth_id", "a1"))) {
            var request = new ApiRequest(event(null, null, null, null, partial));
            assertThat(refusal(request::caller).code()).as("authorizer context %s", partial).isEqualTo(ErrorCode.UNAUTHORIZED);
        }
    }

    @Test
    void theBodyLimitCountsUtf8BytesAndIncludesTheLimitItself() {
        String body = "{\"a\":\"\u00e9\u00e9\"}"; // 10 characters, 12 bytes in UTF-8
        assertThat(new ApiRequest(event(null, null, null, body, null), 12).body().path("a").asText()).isEqualTo("\u00e9\u00e9");
        PlatformException tooLarge = refusal(() -> new ApiRequest(event(null, null, null, body, null), 11).body());
        assertThat(tooLarge.code()).isEqualTo(ErrorCode.PAYLOAD_TOO_LARGE);
        assertThat(tooLarge.details()).containsEntry("max_bytes", 11);
        String ascii = "{\"a\":\"bb\"}"; // 10 characters, 10 bytes
        assertThat(new ApiRequest(event(null, null, null, ascii, null), 10).body().path("a").asText()).isEqualTo("bb");
        assertThat(refusal(() -> new ApiRequest(event(null, null, null, ascii, null), 9).body()).code())
                .isEqualTo(ErrorCode.PAYLOAD_TOO_LARGE);
    }

    @Test
    void bodiesMustBeSmallJsonObjects() {
        assertThat(refusal(() -> new ApiRequest(event(null, null, null, "{nope", null)).body()).code())
                .isEqualTo(ErrorCode.VALIDATION_ERROR);
        assertThat(refusal(() -> new ApiRequest(event(null, null, null, "[1,2]", null)).body()).code())
                .isEqualTo(ErrorCode.VALIDATION_ERROR);
        String huge = "{\"x\": \"" + "a".repeat(ApiRequest.MAX_BODY_BYTES) + "\"}";
        assertThat(refusal(() -> new ApiRequest(event(null, null, null, huge, null)).body()).code())
                .isEqualTo(ErrorCode.PAYLOAD_TOO_LARGE);
        var encoded = APIGatewayV2HTTPEvent.builder().withIsBase64Encoded(true)
                .withBody(Base64.getEncoder().encodeToString("{\"a\": 1}".getBytes())).build();
        assertThat(new ApiRequest(encoded).body().get("a").asInt()).isEqualTo(1);
        assertThatThrownBy(() -> new ApiRequest(event(null, null, null, "{\"data\": 5}", null)).crossbarData())
                .isInstanceOf(PlatformException.class);
    }

    @Test
    void requestIdsAreDerivedFromTheGatewayRequestId() {
        assertThat(new ApiRequest(event(null, null, null, null, null)).requestId()).isEqualTo("req_abc123");
    }
}
