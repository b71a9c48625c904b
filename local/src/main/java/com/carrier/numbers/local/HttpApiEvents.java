package com.carrier.numbers.local;

import com.carrier.numbers.local.TemplateRoutes.RouteDef;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Builds the JSON events API Gateway HTTP APIs send to Lambda with payload format 2.0: the
 * integration event ({@code APIGatewayV2HTTPEvent}) and the Lambda authorizer's request event
 * ({@code APIGatewayV2CustomAuthorizerEvent}). Field by field as documented by AWS: lower-cased header
 * names, repeated headers and query parameters joined with commas, cookies in their own array,
 * non-text bodies base64-encoded.
 */
public final class HttpApiEvents {
    static final String API_ID = "local";
    static final String STAGE = "$default";
    private static final DateTimeFormatter CLF_TIME =
            DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss Z", Locale.US).withZone(ZoneOffset.UTC);

    private final ObjectMapper json;

    public HttpApiEvents(ObjectMapper json) {
        this.json = json;
    }

    /** What one request looks like to API Gateway, computed once and shared by the authorizer and integration events. */
    public record Parsed(HttpRequest request, RouteDef route, Map<String, String> pathParameters, String requestId,
                         Instant at, Map<String, String> headers, List<String> cookies,
                         Map<String, String> queryStringParameters) {
    }

    public Parsed parse(HttpRequest request, RouteDef route, Map<String, String> pathParameters, String requestId, Instant at) {
        Map<String, String> headers = new LinkedHashMap<>();
        List<String> cookies = new ArrayList<>();
        request.headers().forEach((name, values) -> {
            String lower = name.toLowerCase(Locale.ROOT);
            if (lower.equals("cookie")) {
                // Payload 2.0 moves cookies out of the headers into "cookies".
                for (String v : values) {
                    for (String c : v.split(";")) {
                        if (!c.isBlank()) {
                            cookies.add(c.trim());
                        }
                    }
                }
                return;
            }
            headers.merge(lower, String.join(",", values), (a, b) -> a + "," + b);
        });
        headers.putIfAbsent("x-forwarded-for", request.sourceIp());
        headers.putIfAbsent("x-forwarded-proto", "http");
        String host = headers.getOrDefault("host", "localhost");
        int colon = host.lastIndexOf(':');
        headers.putIfAbsent("x-forwarded-port", colon > 0 ? host.substring(colon + 1) : "80");
        headers.putIfAbsent("x-amzn-trace-id", "Root=1-" + Long.toHexString(at.getEpochSecond()) + "-"
                + requestId.replaceAll("[^A-Za-z0-9]", "").toLowerCase(Locale.ROOT));
        return new Parsed(request, route, pathParameters, requestId, at, headers, cookies, queryParameters(request.rawQuery()));
    }

    /** The integration event, with the authorizer's context under requestContext.authorizer.lambda (null: no authorizer). */
    public String integrationEvent(Parsed p, Map<String, Object> authorizerContext) {
        ObjectNode e = common(p);
        e.put("routeKey", p.route().routeKey());
        byte[] body = p.request().body();
        if (body != null && body.length > 0) {
            boolean text = isText(p.headers().get("content-type"));
            e.put("body", text ? new String(body, StandardCharsets.UTF_8) : Base64.getEncoder().encodeToString(body));
            e.put("isBase64Encoded", !text);
        } else {
            e.put("isBase64Encoded", false);
        }
        ObjectNode ctx = requestContext(p);
        if (authorizerContext != null) {
            ctx.putObject("authorizer").set("lambda", json.valueToTree(authorizerContext));
        }
        e.set("requestContext", ctx);
        return e.toString();
    }

    /** The Lambda authorizer's request event (payload 2.0): identity source values, the route's ARN. */
    public String authorizerEvent(Parsed p, List<String> identitySource) {
        ObjectNode e = json.createObjectNode();
        e.put("version", "2.0");
        e.put("type", "REQUEST");
        e.put("routeArn", "arn:aws:execute-api:" + LambdaContext.REGION + ":" + LambdaContext.ACCOUNT + ":" + API_ID
                + "/" + STAGE + "/" + p.request().method() + p.request().rawPath());
        ArrayNode ids = e.putArray("identitySource");
        identitySource.forEach(ids::add);
        e.setAll(common(p));
        e.put("routeKey", p.route().routeKey());
        e.set("requestContext", requestContext(p));
        return e.toString();
    }

    private ObjectNode common(Parsed p) {
        ObjectNode e = json.createObjectNode();
        e.put("version", "2.0");
        e.put("rawPath", p.request().rawPath());
        e.put("rawQueryString", p.request().rawQuery() == null ? "" : p.request().rawQuery());
        if (!p.cookies().isEmpty()) {
            ArrayNode c = e.putArray("cookies");
            p.cookies().forEach(c::add);
        }
        e.set("headers", json.valueToTree(p.headers()));
        if (!p.queryStringParameters().isEmpty()) {
            e.set("queryStringParameters", json.valueToTree(p.queryStringParameters()));
        }
        if (!p.pathParameters().isEmpty()) {
            e.set("pathParameters", json.valueToTree(p.pathParameters()));
        }
        return e;
    }

    private ObjectNode requestContext(Parsed p) {
        String host = p.headers().getOrDefault("host", "localhost");
        String domain = host.contains(":") ? host.substring(0, host.lastIndexOf(':')) : host;
        ObjectNode ctx = json.createObjectNode();
        ctx.put("accountId", LambdaContext.ACCOUNT);
        ctx.put("apiId", API_ID);
        ctx.put("domainName", domain);
        ctx.put("domainPrefix", domain.contains(".") ? domain.substring(0, domain.indexOf('.')) : domain);
        ObjectNode http = ctx.putObject("http");
        http.put("method", p.request().method());
        http.put("path", p.request().rawPath());
        http.put("protocol", p.request().protocol());
        http.put("sourceIp", p.request().sourceIp());
        http.put("userAgent", p.headers().getOrDefault("user-agent", ""));
        ctx.put("requestId", p.requestId());
        ctx.put("routeKey", p.route().routeKey());
        ctx.put("stage", STAGE);
        ctx.put("time", CLF_TIME.format(p.at()));
        ctx.put("timeEpoch", p.at().toEpochMilli());
        return ctx;
    }

    /**
     * queryStringParameters as API Gateway decodes them: form decoding, so {@code %2B} is {@code +}
     * and a bare {@code +} is a space (clients send {@code %2B1415...}); repeated names comma-joined.
     */
    static Map<String, String> queryParameters(String rawQuery) {
        Map<String, String> out = new LinkedHashMap<>();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return out;
        }
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = formDecode(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : formDecode(pair.substring(eq + 1));
            out.merge(name, value, (a, b) -> a + "," + b);
        }
        return out;
    }

    private static String formDecode(String s) {
        return Router.decode(s.replace('+', ' '));
    }

    /** API Gateway passes text bodies as they are and base64-encodes anything else. */
    static boolean isText(String contentType) {
        if (contentType == null || contentType.isBlank()) {
            return true;
        }
        String t = contentType.toLowerCase(Locale.ROOT);
        return t.startsWith("text/") || t.contains("json") || t.contains("xml") || t.contains("javascript")
                || t.startsWith("application/x-www-form-urlencoded") || t.startsWith("application/yaml");
    }
}
