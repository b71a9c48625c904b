package com.carrier.numbers.functions.http;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.carrier.numbers.domain.Account;
import com.carrier.numbers.domain.Caller;
import com.carrier.numbers.domain.E164;
import com.carrier.numbers.domain.ErrorCode;
import com.carrier.numbers.domain.PlatformException;
import com.carrier.numbers.domain.Role;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.UUID;

/**
 * An API Gateway HTTP API (payload 2.0) request, read the way every handler needs it: the caller
 * from the authorizer's context, validated parameters, the JSON body. Bad input becomes a 4xx
 * {@link PlatformException}, never a 500.
 */
public final class ApiRequest {
    /** Bodies are small JSON documents; anything larger is refused before parsing. */
    public static final int MAX_BODY_BYTES = 64 * 1024;

    private final APIGatewayV2HTTPEvent event;
    private final String requestId;
    private final int maxBodyBytes;
    private JsonNode body;
    private String rawBody; // decoded and size-checked once, for body() and fingerprint()

    public ApiRequest(APIGatewayV2HTTPEvent event) {
        this(event, MAX_BODY_BYTES);
    }

    /** With another body limit (bulk routes take more than the usual 64 KB). */
    public ApiRequest(APIGatewayV2HTTPEvent event, int maxBodyBytes) {
        this.event = event;
        this.maxBodyBytes = maxBodyBytes;
        String gatewayId = event.getRequestContext() == null ? null : event.getRequestContext().getRequestId();
        this.requestId = "req_" + (gatewayId == null || gatewayId.isBlank()
                ? UUID.randomUUID().toString().replace("-", "")
                : gatewayId.replaceAll("[^A-Za-z0-9]", ""));
    }

    public String requestId() {
        return requestId;
    }

    public String method() {
        var ctx = event.getRequestContext();
        return ctx == null || ctx.getHttp() == null ? "" : ctx.getHttp().getMethod();
    }

    public String routeKey() {
        return event.getRouteKey();
    }

    /** A header by case-insensitive name (API Gateway lower-cases them; sam local may not). */
    public String header(String name) {
        Map<String, String> headers = event.getHeaders();
        if (headers == null) {
            return null;
        }
        for (Map.Entry<String, String> h : headers.entrySet()) {
            if (h.getKey().equalsIgnoreCase(name)) {
                return h.getValue();
            }
        }
        return null;
    }

    /**
     * A path parameter, percent-decoded per RFC 3986 if it still carries escapes ("%2B1415..." is
     * "+1415..."); a literal '+' stays '+', unlike form decoding.
     */
    public String pathParam(String name) {
        Map<String, String> params = event.getPathParameters();
        String raw = params == null ? null : params.get(name);
        if (raw == null) {
            throw PlatformException.validation(name, name + " is required in the path");
        }
        return raw.indexOf('%') < 0 ? raw : percentDecode(raw, name);
    }

    public String query(String name) {
        Map<String, String> q = event.getQueryStringParameters();
        String v = q == null ? null : q.get(name);
        return v == null || v.isEmpty() ? null : v;
    }

    /** An integer query parameter within [min, max]; absent gives {@code fallback}; anything else is 400, never clamped. */
    public int queryInt(String name, int fallback, int min, int max) {
        String v = query(name);
        if (v == null) {
            return fallback;
        }
        try {
            int n = Integer.parseInt(v);
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw PlatformException.validation(name, name + " must be an integer from " + min + " to " + max);
    }

    /** "true"/"false" (absent: false); anything else is 400. */
    public boolean queryFlag(String name) {
        String v = query(name);
        if (v == null || v.equals("false")) {
            return false;
        }
        if (v.equals("true")) {
            return true;
        }
        throw PlatformException.validation(name, name + " must be true or false");
    }

    /** The E.164 number in path parameter {@code name}. */
    public String numberParam(String name) {
        return E164.parse(pathParam(name), name);
    }

    /** An account id path parameter: MA_ or SA_ followed by 1-40 letters and digits. */
    public String accountParam(String name) {
        String id = pathParam(name);
        if (!Account.ID.matcher(id).matches()) {
            throw PlatformException.validation(name, name + " must be MA_<id> or SA_<id> (1-40 letters and digits)");
        }
        return id;
    }

    /** The JSON body as an object; an empty body is an empty object. */
    public JsonNode body() {
        if (body == null) {
            String text = rawBody();
            if (text == null || text.isBlank()) {
                body = Json.object();
            } else {
                try {
                    body = Json.read(text);
                } catch (JsonProcessingException e) {
                    throw PlatformException.validation("body", "body is not valid JSON: " + e.getOriginalMessage());
                }
                if (!body.isObject()) {
                    throw PlatformException.validation("body", "body must be a JSON object");
                }
            }
        }
        return body;
    }

    /** The crossbar {@code {"data": {...}}} wrapper's content (an empty object when absent). */
    public JsonNode crossbarData() {
        JsonNode data = body().get("data");
        if (data == null || data.isNull()) {
            return Json.object();
        }
        if (!data.isObject()) {
            throw PlatformException.validation("data", "data must be a JSON object");
        }
        return data;
    }

    /** The body's text, size-checked and base64-decoded if API Gateway encoded it. */
    public String rawBody() {
        if (rawBody == null) {
            rawBody = decodedBody();
        }
        return rawBody;
    }

    private String decodedBody() {
        String b = event.getBody();
        if (b == null) {
            return null;
        }
        if (event.getIsBase64Encoded()) {
            b = new String(Base64.getDecoder().decode(b), StandardCharsets.UTF_8);
        }
        if (b.length() > maxBodyBytes || b.getBytes(StandardCharsets.UTF_8).length > maxBodyBytes) {
            throw new PlatformException(ErrorCode.PAYLOAD_TOO_LARGE,
                    "body exceeds " + maxBodyBytes + " bytes", Map.of("max_bytes", maxBodyBytes));
        }
        return b;
    }

    /**
     * The authenticated caller. The authorizer never denies: it puts the credential's account, auth
     * id and role in its context, or nothing for an unknown token; the X-Auth-ID check is made here,
     * per request, never cached.
     */
    public Caller caller() {
        Map<String, Object> ctx = event.getRequestContext() == null || event.getRequestContext().getAuthorizer() == null
                ? null : event.getRequestContext().getAuthorizer().getLambda();
        Object account = ctx == null ? null : ctx.get("account_id");
        Object authId = ctx == null ? null : ctx.get("auth_id");
        Object role = ctx == null ? null : ctx.get("role");
        if (account == null || authId == null || role == null) {
            throw new PlatformException(ErrorCode.UNAUTHORIZED, "a valid X-Auth-Token is required");
        }
        String claimed = header("X-Auth-ID");
        if (claimed != null && !claimed.equals(authId.toString())) {
            throw new PlatformException(ErrorCode.UNAUTHORIZED, "X-Auth-ID does not belong to this token");
        }
        return new Caller(account.toString(), authId.toString(), Role.fromWire(role.toString()));
    }

    /** Identifies the request for Idempotency-Key reuse checks: method, path and body. */
    public String fingerprint() {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            String raw = rawBody();
            sha.update((method() + " " + event.getRawPath() + "\n" + (raw == null ? "" : raw)).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String percentDecode(String s, String field) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '%') {
                if (i + 2 >= s.length()) {
                    throw PlatformException.validation(field, field + " has a malformed percent-escape");
                }
                try {
                    out.write(Integer.parseInt(s.substring(i + 1, i + 3), 16));
                } catch (NumberFormatException e) {
                    throw PlatformException.validation(field, field + " has a malformed percent-escape");
                }
                i += 2;
            } else {
                out.writeBytes(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
            }
        }
        return out.toString(StandardCharsets.UTF_8);
    }
}
