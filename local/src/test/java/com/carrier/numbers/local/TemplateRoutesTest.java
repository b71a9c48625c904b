package com.carrier.numbers.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.carrier.numbers.adapter.dynamodb.TableSchemas;
import com.carrier.numbers.local.TemplateRoutes.RouteDef;
import org.junit.jupiter.api.Test;

class TemplateRoutesTest {

    @Test
    void readsEveryHttpApiRouteAndTheAuthorizerOfTheRealTemplate() {
        TemplateRoutes t = TemplateRoutes.read(TableSchemas.findTemplate());
        assertThat(t.routes()).extracting(RouteDef::routeKey)
                .contains("GET /v2/phone_numbers", "GET /v2/numbers/inventory", "GET /v2/numbers/{number_id}",
                        "PUT /v2/accounts/{account_id}/phone_numbers/{number}",
                        "DELETE /v2/accounts/{account_id}/credentials/{auth_id}")
                .doesNotHaveDuplicates();
        RouteDef search = t.routes().stream().filter(r -> r.routeKey().equals("GET /v2/phone_numbers")).findFirst().orElseThrow();
        assertThat(search.function().logicalId()).isEqualTo("SearchNumbersFunction");
        assertThat(search.function().className()).isEqualTo("com.carrier.numbers.functions.api.SearchNumbersHandler");
        assertThat(search.function().methodName()).isEqualTo("handleRequest");
        assertThat(search.function().timeoutSeconds()).isEqualTo(20);
        assertThat(search.authorized()).isTrue();
        // The scheduled renewal has no HttpApi event.
        assertThat(t.routes()).noneMatch(r -> r.function().logicalId().equals("MonthlyRenewalFunction"));

        var auth = t.authorizer().orElseThrow();
        assertThat(auth.function().handler()).isEqualTo("com.carrier.numbers.functions.auth.AuthorizerHandler::handleRequest");
        assertThat(auth.identityHeaders()).containsExactly("x-auth-token");
        assertThat(auth.ttlSeconds()).isEqualTo(30);
    }
}
