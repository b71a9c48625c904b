package com.carrier.numbers.functions.http;

import static com.carrier.numbers.functions.http.FieldsTest.refused;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.carrier.numbers.domain.PlatformException;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Exact error codes and field names of request validation, and what a handler reads from the event. */
class ApiRequestValidationTest {

    private static APIGatewayV2HTTPEvent.APIGatewayV2HTTPEventBuilder base(String method, String requestId) {
        return APIGatewayV2HTTPEvent.builder().withRawPath("/v2/phone_numbers/%2B14155550100")
                .withRequestContext(APIGatewayV2HTTPEvent.RequestContext.builder().withRequestId(requestId)
                        .withHttp(method == null ? null : APIGatewayV2HTTPEvent.RequestContext.Http.builder().withMethod(method).build())
                        .build());
    }

    private static ApiRequest path(String name, String value) {
        return new ApiRequest(base("GET", "r1").withPathParameters(Map.of(name, value)).build());
    }

    private static ApiRequest query(Map<String, String> q) {
        return new ApiRequest(base("GET", "r1").withQueryStringParameters(q).build());
    }

    private static ApiRequest body(String body) {
        return new ApiRequest(base("POST", "r1").withBody(body).build());
    }

    @Test
    void methodRouteAndHeaders() {
        ApiRequest r = new ApiRequest(base("PUT", "r1").withRouteKey("PUT /v1/x")
                .withHeaders(Map.of("Idempotency-Key", "k1")).build());
        assertThat(r.method()).isEqualTo("PUT");
        assertThat(r.routeKey()).isEqualTo("PUT /v1/x");
        assertThat(r.header("idempotency-key")).isEqualTo("k1");
        assertThat(r.header("X-Other")).isNull();
        assertThat(new ApiRequest(base(null, "r1").build()).method()).isEmpty();
        assertThat(new ApiRequest(APIGatewayV2HTTPEvent.builder().build()).method()).isEmpty();
        assertThat(new ApiRequest(base("GET", "r1").build()).header("Idempotency-Key")).isNull();
    }

    @Test
    void requestIdWithoutAGatewayIdIsFreshAndUnique() {
        String a = new ApiRequest(base("GET", null).build()).requestId();
        String b = new ApiRequest(base("GET", " ").build()).requestId();
        String c = new ApiRequest(APIGatewayV2HTTPEvent.builder().build()).requestId();
        assertThat(a).matches("req_[0-9a-f]{32}");
        assertThat(b).matches("req_[0-9a-f]{32}");
        assertThat(c).matches("req_[0-9a-f]{32}");
        assertThat(a).isNotEqualTo(b);
    }

    @Test
    void pathParametersAreRequiredAndDecoded() {
        refused(() -> new ApiRequest(base("GET", "r1").build()).pathParam("number"), "number", "number is required in the path");
        refused(() -> path("x", "y").pathParam("number"), "number", "number is required in the path");
        assertThat(path("name", "a%20b%C3%A9").pathParam("name")).isEqualTo("a bé");
        assertThat(path("name", "%41").pathParam("name")).isEqualTo("A");
        assertThat(path("name", "é%41").pathParam("name")).isEqualTo("éA");
        refused(() -> path("name", "ab%4").pathParam("name"), "name", "name has a malformed percent-escape");
        refused(() -> path("name", "ab%").pathParam("name"), "name", "name has a malformed percent-escape");
        refused(() -> path("name", "%zz1").pathParam("name"), "name", "name has a malformed percent-escape");
    }

    @Test
    void numberAndAccountParameters() {
        assertThat(path("number", "%2B14155550100").numberParam("number")).isEqualTo("+14155550100");
        refused(() -> path("number", "4155550100").numberParam("number"), "number",
                "number must be an E.164 number such as +14155550100");
        assertThat(path("account_id", "SA_abc9").accountParam("account_id")).isEqualTo("SA_abc9");
        refused(() -> path("account_id", "MA_").accountParam("account_id"), "account_id",
                "account_id must be MA_<id> or SA_<id> (1-40 letters and digits)");
    }

    @Test
    void queryParameters() {
        assertThat(query(Map.of("prefix", "")).query("prefix")).isNull();
        assertThat(query(Map.of("prefix", "+1415")).query("prefix")).isEqualTo("+1415");
        assertThat(query(null).query("prefix")).isNull();
        assertThat(query(Map.of("quantity", "1")).queryInt("quantity", 10, 1, 100)).isEqualTo(1);
        refused(() -> query(Map.of("quantity", "0")).queryInt("quantity", 10, 1, 100), "quantity",
                "quantity must be an integer from 1 to 100");
        refused(() -> query(Map.of("quantity", "101")).queryInt("quantity", 10, 1, 100), "quantity",
                "quantity must be an integer from 1 to 100");
    }

    @Test
    void flagsAreTrueFalseOrAbsent() {
        assertThat(query(Map.of("force", "true")).queryFlag("force")).isTrue();
        assertThat(query(Map.of("force", "false")).queryFlag("force")).isFalse();
        assertThat(query(Map.of()).queryFlag("force")).isFalse();
        refused(() -> query(Map.of("force", "yes")).queryFlag("force"), "force", "force must be true or false");
        refused(() -> query(Map.of("force", "TRUE")).queryFlag("force"), "force", "force must be true or false");
    }

    @Test
    void bodiesAndCrossbarData() {
        assertThat(body(null).body().isObject()).isTrue();
        assertThat(body(null).body().size()).isZero();
        assertThat(body("  ").body().size()).isZero();
        ApiRequest r = body("{\"data\":{\"cnam\":null}}");
        assertThat(r.body()).isSameAs(r.body());
        assertThat(r.crossbarData().has("cnam")).isTrue();
        assertThat(body("{}").crossbarData().size()).isZero();
        assertThat(body("{\"data\":null}").crossbarData().isObject()).isTrue();
        refused(() -> body("{\"data\":[1]}").crossbarData(), "data", "data must be a JSON object");
        refused(() -> body("[1]").body(), "body", "body must be a JSON object");
        assertThatThrownBy(() -> body("{\"a\":").body()).isInstanceOfSatisfying(PlatformException.class, e -> {
            assertThat(e.details()).containsEntry("field", "body");
            assertThat(e.getMessage()).startsWith("body is not valid JSON: ");
        });
        assertThatThrownBy(() -> body("{\"a\":1,\"a\":2}").body()).isInstanceOfSatisfying(PlatformException.class, e ->
                assertThat(e.getMessage()).startsWith("body is not valid JSON: Duplicate field 'a'"));
    }

    @Test
    void fingerprintCoversMethodPathAndBody() {
        String a = new ApiRequest(base("POST", "r1").withBody("{\"x\":1}").build()).fingerprint();
        assertThat(a).matches("[0-9a-f]{64}");
        assertThat(new ApiRequest(base("POST", "r2").withBody("{\"x\":1}").build()).fingerprint()).isEqualTo(a);
        assertThat(new ApiRequest(base("POST", "r1").withBody("{\"x\":2}").build()).fingerprint()).isNotEqualTo(a);
        assertThat(new ApiRequest(base("PUT", "r1").withBody("{\"x\":1}").build()).fingerprint()).isNotEqualTo(a);
        assertThat(new ApiRequest(base("POST", "r1").withRawPath("/other").withBody("{\"x\":1}").build()).fingerprint()).isNotEqualTo(a);
        assertThat(new ApiRequest(base("POST", "r1").build()).fingerprint())
                .isEqualTo(new ApiRequest(base("POST", "r1").withBody("").build()).fingerprint());
    }
    @Test
    void callerWithoutXAuthIdHeaderIsTheTokensCaller() {
        ApiRequest r = new ApiRequest(APIGatewayV2HTTPEvent.builder()
                .withRequestContext(APIGatewayV2HTTPEvent.RequestContext.builder()
                        .withAuthorizer(APIGatewayV2HTTPEvent.RequestContext.Authorizer.builder()
                                .withLambda(Map.of("account_id", "SA_7", "auth_id", "a7", "role", "admin")).build())
                        .build())
                .build());
        assertThat(r.caller()).isEqualTo(new com.carrier.numbers.domain.Caller("SA_7", "a7", com.carrier.numbers.domain.Role.ADMIN));
    }

}
