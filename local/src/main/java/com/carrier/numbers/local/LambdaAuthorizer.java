package com.carrier.numbers.local;

import com.carrier.numbers.local.HttpApiEvents.Parsed;
import com.carrier.numbers.local.LambdaFunction.HandlerFailure;
import com.carrier.numbers.local.TemplateRoutes.AuthorizerDef;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * The HTTP API's Lambda authorizer with simple responses ({@code {"isAuthorized": .., "context": {..}}}),
 * its results cached per identity-source value for {@code ReauthorizeEvery} seconds, as API Gateway does.
 *
 * <p>One deliberate difference: on AWS a request without the identity-source header is answered
 * 401 by API Gateway without calling the authorizer. Here the authorizer is still invoked (with an
 * empty identity source), because the platform's contract is that handlers answer 401 in their own
 * envelope; the route-level tests rely on that envelope.
 */
public final class LambdaAuthorizer {

    /** What the authorizer decided for one identity. */
    public record Decision(boolean authorized, Map<String, Object> context) {
    }

    private record Cached(Decision decision, long expiresAtNanos) {
    }

    private final AuthorizerDef def;
    private final LambdaFunction function;
    private final HttpApiEvents events;
    private final ObjectMapper json;
    private final Map<String, Cached> cache = new ConcurrentHashMap<>();
    /** Monotonic nanoseconds: System::nanoTime, or a driven clock in tests of the cache's lifetime. */
    private final LongSupplier nanoTime;

    public LambdaAuthorizer(AuthorizerDef def, LambdaFunction function, HttpApiEvents events, ObjectMapper json) {
        this(def, function, events, json, System::nanoTime);
    }

    public LambdaAuthorizer(AuthorizerDef def, LambdaFunction function, HttpApiEvents events, ObjectMapper json, LongSupplier nanoTime) {
        this.def = def;
        this.function = function;
        this.events = events;
        this.json = json;
        this.nanoTime = nanoTime;
    }

    public Decision authorize(Parsed request) throws HandlerFailure {
        List<String> identity = new ArrayList<>();
        for (String header : def.identityHeaders()) {
            String v = request.headers().get(header);
            if (v != null) {
                identity.add(v);
            }
        }
        String key = String.join("\u0000", identity) + "\u0000" + identity.size();
        long now = nanoTime.getAsLong();
        Cached hit = def.ttlSeconds() > 0 ? cache.get(key) : null;
        if (hit != null && now - hit.expiresAtNanos() < 0) {
            return hit.decision();
        }
        Decision decision = decide(function.invoke(events.authorizerEvent(request, identity)));
        if (def.ttlSeconds() > 0) {
            if (cache.size() > 10_000) { // many one-off tokens (tests): drop what has expired
                cache.values().removeIf(c -> now - c.expiresAtNanos() >= 0);
            }
            cache.put(key, new Cached(decision, now + def.ttlSeconds() * 1_000_000_000L));
        }
        return decision;
    }

    /** Drops cached decisions (tests that revoke a credential and want to see it immediately). */
    public void clearCache() {
        cache.clear();
    }

    private Decision decide(byte[] result) throws HandlerFailure {
        try {
            JsonNode r = json.readTree(result);
            Map<String, Object> context = r.path("context").isObject()
                    ? json.convertValue(r.get("context"), new TypeReference<Map<String, Object>>() { })
                    : Map.of();
            return new Decision(r.path("isAuthorized").asBoolean(false), context);
        } catch (IOException e) {
            // API Gateway treats an unreadable authorizer response as a failure of the authorizer: 500.
            throw new HandlerFailure(def.function(), e);
        }
    }
}
