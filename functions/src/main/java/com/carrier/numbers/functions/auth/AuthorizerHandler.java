package com.carrier.numbers.functions.auth;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2CustomAuthorizerEvent;
import com.amazonaws.services.lambda.runtime.events.SimpleIAMPolicyResponse;
import com.carrier.numbers.NumbersPlatform;
import com.carrier.numbers.adapter.metrics.Metrics;
import com.carrier.numbers.domain.Caller;
import com.carrier.numbers.functions.Platform;
import com.carrier.numbers.functions.http.Priming;
import java.util.Map;
import java.util.Optional;

/**
 * HTTP API Lambda authorizer (payload 2.0, simple responses). It never denies: a denial makes API
 * Gateway answer 403 without the route's envelope. It maps X-Auth-Token to the credential's
 * account, auth id and role, or to anonymous, and each handler answers 401 in its own envelope.
 * The X-Auth-ID check is made by the handlers, per request, because this answer is cached.
 */
public class AuthorizerHandler implements RequestHandler<APIGatewayV2CustomAuthorizerEvent, SimpleIAMPolicyResponse> {
    private final NumbersPlatform platform;

    public AuthorizerHandler() {
        this(Platform.get());
    }

    public AuthorizerHandler(NumbersPlatform platform) {
        this.platform = platform;
        Priming.register(platform, Priming.Read.CREDENTIAL);
    }

    @Override
    public SimpleIAMPolicyResponse handleRequest(APIGatewayV2CustomAuthorizerEvent event, Context context) {
        Optional<String> token = token(event);
        Optional<Caller> caller = token.flatMap(platform.credentials()::authenticate);
        if (token.isPresent() && caller.isEmpty()) {
            Metrics.count(Metrics.UNKNOWN_TOKENS); // the handler will answer 401: a flood of these is an attack or a broken client
        }
        Map<String, String> ctx = caller
                .map(c -> Map.of("account_id", c.accountId(), "auth_id", c.authId(), "role", c.role().wire()))
                .orElse(Map.of("anonymous", "true"));
        return SimpleIAMPolicyResponse.builder().withIsAuthorized(true).withContext(ctx).build();
    }

    private static Optional<String> token(APIGatewayV2CustomAuthorizerEvent event) {
        if (event.getHeaders() != null) {
            for (Map.Entry<String, String> h : event.getHeaders().entrySet()) {
                if (h.getKey().equalsIgnoreCase("x-auth-token") && h.getValue() != null && !h.getValue().isBlank()) {
                    return Optional.of(h.getValue().trim());
                }
            }
        }
        if (event.getIdentitySource() != null && !event.getIdentitySource().isEmpty()) {
            String s = event.getIdentitySource().get(0);
            if (s != null && !s.isBlank()) {
                return Optional.of(s.trim());
            }
        }
        return Optional.empty();
    }
}
