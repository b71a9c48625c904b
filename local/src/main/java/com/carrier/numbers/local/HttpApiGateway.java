package com.carrier.numbers.local;

import com.carrier.numbers.local.HttpApiEvents.Parsed;
import com.carrier.numbers.local.LambdaFunction.HandlerFailure;
import com.carrier.numbers.local.Router.Match;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ThreadLocalRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Map.Entry;
import java.util.Optional;

/**
 * Does for one HTTP request what API Gateway (HTTP API, payload 2.0) does: select the route, run
 * the Lambda authorizer, invoke the route's function with a 2.0 event, and turn its response back
 * into HTTP. Gateway-made answers use API Gateway's own bodies ({@code {"message":"Forbidden"}},
 * {@code {"message":"Internal Server Error"}}), except an unknown route, which the platform's contract
 * answers 404 in its platform envelope.
 */
public final class HttpApiGateway implements HttpHandler {
    /** API Gateway HTTP APIs accept request payloads up to 10 MB. */
    static final int MAX_BODY_BYTES = 10 * 1024 * 1024;

    private final Router router;
    private final Map<String, LambdaFunction> functions;
    private final LambdaAuthorizer authorizer;
    private final HttpApiEvents events;
    private final ObjectMapper json;
    private final boolean accessLog;

    public HttpApiGateway(Router router, Map<String, LambdaFunction> functionsById, LambdaAuthorizer authorizer,
                          ObjectMapper json, boolean accessLog) {
        this.router = router;
        this.functions = functionsById;
        this.authorizer = authorizer;
        this.events = new HttpApiEvents(json);
        this.json = json;
        this.accessLog = accessLog;
    }

    /** A gateway answer: status, headers, body. */
    public record Response(int status, Map<String, List<String>> headers, byte[] body) {
        static Response json(int status, String body) {
            return new Response(status, Map.of("Content-Type", List.of("application/json")), body.getBytes(StandardCharsets.UTF_8));
        }
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        long started = System.nanoTime();
        String requestId = apiGatewayRequestId();
        Response response;
        try {
            response = handle(read(exchange), requestId);
        } catch (BodyTooLarge e) {
            response = Response.json(413, "{\"message\":\"Request Entity Too Large\"}");
        }
        write(exchange, response, requestId);
        if (accessLog) {
            System.out.printf("%s %s %d %.1fms%n", exchange.getRequestMethod(), exchange.getRequestURI().getRawPath(),
                    response.status(), (System.nanoTime() - started) / 1e6);
        }
    }

    /** The gateway without the HTTP server around it. */
    public Response handle(HttpRequest request, String requestId) {
        Optional<Match> match = router.match(request.method(), request.rawPath());
        if (match.isEmpty()) {
            return notFound(request);
        }
        Match m = match.get();
        Parsed parsed = events.parse(request, m.route(), m.pathParameters(), requestId, Instant.now());
        try {
            Map<String, Object> authorizerContext = null;
            if (m.route().authorized() && authorizer != null) {
                LambdaAuthorizer.Decision decision = authorizer.authorize(parsed);
                if (!decision.authorized()) {
                    return Response.json(403, "{\"message\":\"Forbidden\"}");
                }
                authorizerContext = decision.context();
            }
            LambdaFunction function = functions.get(m.route().function().logicalId());
            return toHttp(function.invoke(events.integrationEvent(parsed, authorizerContext)));
        } catch (HandlerFailure e) {
            System.err.println("[" + requestId + "] " + e.getMessage());
            e.getCause().printStackTrace();
            return Response.json(500, "{\"message\":\"Internal Server Error\"}");
        } catch (IOException | RuntimeException e) {
            // e.g. a handler result that is not JSON: API Gateway answers 500 as well
            System.err.println("[" + requestId + "] gateway error on " + request.method() + " " + request.rawPath());
            e.printStackTrace();
            return Response.json(500, "{\"message\":\"Internal Server Error\"}");
        }
    }

    /** The platform envelope's 404 for a path no route serves. */
    private Response notFound(HttpRequest request) {
        ObjectNode body = json.createObjectNode();
        body.put("success", false);
        ObjectNode error = body.putObject("error");
        error.put("code", "NOT_FOUND");
        error.put("message", "No route for " + request.method() + " " + request.rawPath());
        body.put("request_id", "req_" + HexFormat.of().formatHex(randomBytes(12)));
        return Response.json(404, body.toString());
    }

    /**
     * Payload 2.0 response mapping: an object with a statusCode is a structured response; any other
     * valid JSON is answered 200 as application/json, as API Gateway infers it.
     */
    private Response toHttp(byte[] result) throws IOException {
        JsonNode r = json.readTree(result);
        if (r == null || !r.isObject() || !r.has("statusCode")) {
            return Response.json(200, r == null ? "" : r.toString());
        }
        Map<String, List<String>> headers = new LinkedHashMap<>();
        r.path("headers").fields().forEachRemaining(h -> headers.put(h.getKey(), List.of(h.getValue().asText())));
        r.path("multiValueHeaders").fields().forEachRemaining(h -> {
            List<String> values = new ArrayList<>(headers.getOrDefault(h.getKey(), List.of()));
            h.getValue().forEach(v -> values.add(v.asText()));
            headers.put(h.getKey(), values);
        });
        if (r.path("cookies").isArray() && !r.path("cookies").isEmpty()) {
            List<String> cookies = new ArrayList<>();
            r.path("cookies").forEach(c -> cookies.add(c.asText()));
            headers.put("Set-Cookie", cookies);
        }
        JsonNode bodyNode = r.get("body");
        byte[] body;
        if (bodyNode == null || bodyNode.isNull()) {
            body = new byte[0];
        } else if (r.path("isBase64Encoded").asBoolean(false)) {
            body = Base64.getDecoder().decode(bodyNode.asText());
        } else {
            body = bodyNode.asText().getBytes(StandardCharsets.UTF_8);
        }
        return new Response(r.path("statusCode").asInt(200), headers, body);
    }

    private static HttpRequest read(HttpExchange exchange) throws IOException, BodyTooLarge {
        byte[] body;
        try (InputStream in = exchange.getRequestBody()) {
            body = in.readNBytes(MAX_BODY_BYTES + 1);
        }
        if (body.length > MAX_BODY_BYTES) {
            throw new BodyTooLarge();
        }
        URI uri = exchange.getRequestURI();
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (Entry<String, List<String>> h : exchange.getRequestHeaders().entrySet()) {
            headers.put(h.getKey(), h.getValue());
        }
        return new HttpRequest(exchange.getRequestMethod(), uri.getRawPath(), uri.getRawQuery(), headers, body,
                exchange.getRemoteAddress().getAddress().getHostAddress(), exchange.getProtocol());
    }

    private static void write(HttpExchange exchange, Response response, String requestId) throws IOException {
        response.headers().forEach((name, values) -> values.forEach(v -> exchange.getResponseHeaders().add(name, v)));
        exchange.getResponseHeaders().set("apigw-requestid", requestId);
        boolean noBody = response.body().length == 0 || exchange.getRequestMethod().equals("HEAD")
                || response.status() == 204 || response.status() == 304;
        exchange.sendResponseHeaders(response.status(), noBody ? -1 : response.body().length);
        if (!noBody) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(response.body());
            }
        }
        exchange.close();
    }

    /** API Gateway request ids look like {@code JKJaXmPLvHcESHA=}. */
    static String apiGatewayRequestId() {
        return Base64.getEncoder().encodeToString(randomBytes(10));
    }

    private static byte[] randomBytes(int n) {
        byte[] b = new byte[n];
        ThreadLocalRandom.current().nextBytes(b);
        return b;
    }

    private static final class BodyTooLarge extends Exception {
        BodyTooLarge() {
            super(null, null, false, false);
        }
    }
}
