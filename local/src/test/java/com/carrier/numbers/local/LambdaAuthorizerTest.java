package com.carrier.numbers.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.carrier.numbers.local.TemplateRoutes.AuthorizerDef;
import com.carrier.numbers.local.TemplateRoutes.FunctionDef;
import com.carrier.numbers.local.TemplateRoutes.RouteDef;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LambdaAuthorizerTest {

    @Test
    void readsTheEventsLibrarysSimpleResponseToo() throws Exception {
        ObjectMapper json = new ObjectMapper();
        FunctionDef fn = new FunctionDef("AuthorizerFunction",
                "com.carrier.numbers.local.testhandlers.SimpleResponseAuthorizer::handleRequest", 20);
        HttpApiEvents events = new HttpApiEvents(json);
        LambdaAuthorizer authorizer = new LambdaAuthorizer(new AuthorizerDef("A", fn, List.of("x-auth-token"), 0),
                LambdaFunction.load(fn, getClass().getClassLoader()), events, json);
        RouteDef route = new RouteDef("GET", "/v2/x", fn, true);
        HttpRequest request = new HttpRequest("GET", "/v2/x", null, Map.of("X-Auth-Token", List.of("tok")), new byte[0],
                "127.0.0.1", "HTTP/1.1");
        var decision = authorizer.authorize(events.parse(request, route, Map.of(), "rid", Instant.now()));
        assertThat(decision.authorized()).isTrue();
        assertThat(decision.context()).containsEntry("account_id", "MA_tok").containsEntry("role", "admin");
    }
}
