package com.carrier.numbers.functions.http;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.carrier.numbers.NumbersPlatform;
import com.carrier.numbers.adapter.metrics.Metrics;
import com.carrier.numbers.domain.Caller;
import com.carrier.numbers.domain.ErrorCode;
import com.carrier.numbers.domain.PlatformException;
import com.carrier.numbers.service.IdempotencyKeys.StoredResponse;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The shape every API handler shares: read the event, run the operation, answer in the route's
 * envelope, log one structured line. Subclasses implement {@link #handle} and nothing else.
 */
public abstract class ApiHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {
    private static final Map<String, String> JSON_HEADERS = Map.of("Content-Type", "application/json");

    protected final NumbersPlatform platform;
    private final Envelope envelope;

    /** A handler whose SnapStart priming reads an account (its policy must allow GetItem on the accounts table). */
    protected ApiHandler(NumbersPlatform platform, Envelope envelope) {
        this(platform, envelope, Priming.Read.ACCOUNT);
    }

    /** A handler whose SnapStart priming makes {@code priming}, a read its own policy allows. */
    protected ApiHandler(NumbersPlatform platform, Envelope envelope, Priming.Read priming) {
        this.platform = platform;
        this.envelope = envelope;
        Priming.register(platform, priming);
    }

    /** The largest body this route takes (64 KB unless the route says otherwise). */
    protected int maxBodyBytes() {
        return ApiRequest.MAX_BODY_BYTES;
    }

    /** The operation: parse, call the domain, map the result. Throw PlatformException to refuse. */
    protected abstract Reply handle(ApiRequest request);

    @Override
    public final APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        long started = System.nanoTime();
        ApiRequest request = new ApiRequest(event, maxBodyBytes());
        Reply reply;
        try {
            reply = handle(request);
        } catch (PlatformException e) {
            reply = Reply.error(e);
        } catch (RuntimeException e) {
            RequestLog.failure(context, request, e);
            reply = Reply.error(new PlatformException(ErrorCode.INTERNAL_ERROR, "internal error; request " + request.requestId()));
        }
        if (reply.error() != null) {
            Metrics.count(Metrics.ERRORS, Metrics.ERROR_CODE, reply.error().code().wire());
        }
        ObjectNode body = reply.error() == null
                ? envelope.success(reply.data(), request, reply.extra())
                : envelope.error(reply.error(), request);
        RequestLog.request(context, request, reply, (System.nanoTime() - started) / 1_000_000);
        Map<String, String> headers = new HashMap<>(JSON_HEADERS);
        headers.put("X-Request-Id", request.requestId());
        return APIGatewayV2HTTPResponse.builder()
                .withStatusCode(reply.status())
                .withHeaders(headers)
                .withBody(Json.write(body))
                .build();
    }

    /** Counts one {@code metric} (EMF) for {@code done}, an operation that has just succeeded (a replay is not counted again). */
    protected static <T> T counted(String metric, T done) {
        Metrics.count(metric);
        return done;
    }

    /**
     * Runs {@code action} at most once per Idempotency-Key (scoped to the caller's account, kept 24
     * hours): a replay answers the first reply again; the same key with another body is 409.
     */
    protected Reply idempotent(ApiRequest request, Caller caller, String scope, Supplier<Reply> action) {
        String key = request.header("Idempotency-Key");
        if (key == null) {
            return action.get();
        }
        if (key.isBlank() || key.length() > 255) {
            throw PlatformException.validation("Idempotency-Key", "Idempotency-Key must be 1 to 255 characters");
        }
        StoredResponse stored = platform.idempotencyKeys().run(caller.accountId(), scope, key, request.fingerprint(), () -> {
            Reply reply;
            try {
                reply = action.get();
            } catch (PlatformException e) {
                reply = Reply.error(e);
            }
            return new StoredResponse(reply.status(), Json.write(storable(reply)));
        });
        return restore(stored);
    }

    // Only data and error details are stored, never the envelope: it carries the caller's token.
    private static ObjectNode storable(Reply reply) {
        ObjectNode node = Json.object();
        if (reply.error() != null) {
            ObjectNode error = node.putObject("error");
            error.put("code", reply.error().code().wire());
            error.put("message", reply.error().getMessage());
            error.set("details", Json.MAPPER.valueToTree(reply.error().details()));
        } else {
            node.set("data", reply.data());
            node.set("extra", Json.MAPPER.valueToTree(reply.extra()));
        }
        return node;
    }

    private static Reply restore(StoredResponse stored) {
        try {
            JsonNode node = Json.read(stored.body());
            JsonNode error = node.get("error");
            if (error != null) {
                Map<String, Object> details = Json.MAPPER.convertValue(error.get("details"), Map.class);
                return new Reply(stored.statusCode(), null, Map.of(), new PlatformException(
                        ErrorCode.fromWire(error.get("code").asText()), error.get("message").asText(),
                        details == null ? Map.of() : details));
            }
            Map<String, JsonNode> extra = new LinkedHashMap<>();
            node.path("extra").fields().forEachRemaining(e -> extra.put(e.getKey(), e.getValue()));
            return new Reply(stored.statusCode(), node.get("data"), extra, null);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored idempotent response is not JSON", e);
        }
    }
}
