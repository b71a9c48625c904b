package com.carrier.numbers.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.carrier.numbers.local.TemplateRoutes.FunctionDef;
import com.carrier.numbers.local.TemplateRoutes.RouteDef;
import java.util.List;
import org.junit.jupiter.api.Test;

class RouterTest {
    private static RouteDef route(String method, String path) {
        return new RouteDef(method, path, new FunctionDef(method + path, "x.Y::h", 3), true);
    }

    private final Router router = new Router(List.of(
            route("GET", "/v2/numbers/{number_id}"),
            route("GET", "/v2/numbers/inventory"),
            route("GET", "/v2/accounts/{account_id}/phone_numbers/{number}"),
            route("PUT", "/v2/accounts/{account_id}/phone_numbers/{number}/reserve"),
            route("ANY", "/v2/files/{proxy+}"),
            route("GET", "/v2/files/{proxy+}")));

    @Test
    void literalSegmentBeatsParameterWhateverTheOrder() {
        assertThat(router.match("GET", "/v2/numbers/inventory").orElseThrow().route().path()).isEqualTo("/v2/numbers/inventory");
        var byId = router.match("GET", "/v2/numbers/num_123").orElseThrow();
        assertThat(byId.route().path()).isEqualTo("/v2/numbers/{number_id}");
        assertThat(byId.pathParameters()).containsEntry("number_id", "num_123");
    }

    @Test
    void pathParametersArePercentDecodedAndPlusStaysPlus() {
        assertThat(router.match("GET", "/v2/accounts/MA_demo/phone_numbers/%2B14152000001").orElseThrow().pathParameters())
                .containsEntry("account_id", "MA_demo").containsEntry("number", "+14152000001");
        assertThat(router.match("GET", "/v2/accounts/MA_demo/phone_numbers/+14152000001").orElseThrow().pathParameters())
                .containsEntry("number", "+14152000001");
        assertThat(Router.decode("caf%C3%A9%20x%zz")).isEqualTo("café x%zz");
    }

    @Test
    void methodAndSegmentCountMustMatch() {
        assertThat(router.match("POST", "/v2/numbers/inventory")).isEmpty();
        assertThat(router.match("GET", "/v2/numbers")).isEmpty();
        assertThat(router.match("GET", "/v2/numbers/a/b")).isEmpty();
        assertThat(router.match("GET", "/v2/numbers/")).isEmpty();
        assertThat(router.match("PUT", "/v2/accounts/A/phone_numbers/%2B1/reserve").orElseThrow().pathParameters())
                .containsEntry("number", "+1");
    }

    @Test
    void greedyVariablesAndExactMethodBeforeAny() {
        var get = router.match("GET", "/v2/files/a/b%2Fc").orElseThrow();
        assertThat(get.route().method()).isEqualTo("GET");
        assertThat(get.pathParameters()).containsEntry("proxy", "a/b/c");
        assertThat(router.match("DELETE", "/v2/files/a").orElseThrow().route().method()).isEqualTo("ANY");
        assertThat(router.match("GET", "/v2/files")).isEmpty();
    }
}
