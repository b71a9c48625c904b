package com.carrier.numbers.local.testhandlers;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2CustomAuthorizerEvent;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Never denies except for the token "deny"; maps a token to {account_id, role}; counts its
 * invocations so tests can see the cache. Returns a Map, as the platform's authorizer may.
 */
public class TestAuthorizer {
    public static final AtomicInteger CALLS = new AtomicInteger();
    public static volatile APIGatewayV2CustomAuthorizerEvent lastEvent;

    public Map<String, Object> handleRequest(APIGatewayV2CustomAuthorizerEvent event, Context context) {
        CALLS.incrementAndGet();
        lastEvent = event;
        String token = event.getIdentitySource() == null || event.getIdentitySource().isEmpty() ? null : event.getIdentitySource().get(0);
        Map<String, Object> ctx = new HashMap<>();
        if (token == null) {
            ctx.put("anonymous", true);
        } else {
            ctx.put("account_id", "MA_" + token);
            ctx.put("role", "user");
            ctx.put("calls", CALLS.get());
        }
        return Map.of("isAuthorized", !"deny".equals(token), "context", ctx);
    }
}
