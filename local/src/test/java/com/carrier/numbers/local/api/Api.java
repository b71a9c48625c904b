package com.carrier.numbers.local.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.carrier.numbers.local.LocalApi;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/** Route-test calls through {@link LocalApi} (real HTTP to the local runtime), with JSON bodies and envelope assertions. */
final class Api {
    static final ObjectMapper JSON = new ObjectMapper();
    static final String ADMIN = "local-admin-token";
    private final LocalApi local;

    Api(LocalApi local) {
        this.local = local;
    }

    record Response(int status, JsonNode body, Map<String, String> headers) {
        JsonNode data() {
            return body.get("data");
        }

        /** The error code in either envelope. */
        String errorCode() {
            if (body.has("success")) {
                return body.path("error").path("code").asText(null);
            }
            return body.path("message").asText(null);
        }

        Response expect(int expected) {
            assertThat(status).as("HTTP status of %s", body).isEqualTo(expected);
            return this;
        }

        /** Asserts a platform-family error with this status and code. */
        Response platformError(int expected, String code) {
            expect(expected);
            assertThat(body.path("success").asBoolean(true)).as("success flag in %s", body).isFalse();
            assertThat(body.path("error").path("code").asText()).as("error code in %s", body).isEqualTo(code);
            assertThat(body.path("request_id").asText()).startsWith("req_");
            return this;
        }

        /** Asserts a crossbar-family error with this status and code. */
        Response crossbarError(int expected, String code) {
            expect(expected);
            assertThat(body.path("status").asText()).as("status in %s", body).isEqualTo("error");
            assertThat(body.path("error").asText()).isEqualTo(String.valueOf(expected));
            assertThat(body.path("message").asText()).as("message in %s", body).isEqualTo(code);
            assertThat(body.path("request_id").asText()).startsWith("req_");
            return this;
        }
    }

    Response call(String method, String path, String token, Object body) {
        return call(method, path, token, body, Map.of());
    }

    Response call(String method, String path, String token, Object body, Map<String, String> headers) {
        try {
            String text = body == null ? null : body instanceof String s ? s : JSON.writeValueAsString(body);
            HttpResponse<String> r = local.send(method, path, token, text, headers);
            Map<String, String> h = new LinkedHashMap<>();
            r.headers().map().forEach((k, v) -> h.put(k.toLowerCase(), String.join(",", v)));
            JsonNode json = r.body().isEmpty() ? JSON.createObjectNode() : JSON.readTree(r.body());
            return new Response(r.statusCode(), json, h);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Response get(String path, String token) {
        return call("GET", path, token, null);
    }

    Response put(String path, String token, Object body) {
        return call("PUT", path, token, body);
    }

    Response post(String path, String token, Object body) {
        return call("POST", path, token, body);
    }

    Response delete(String path, String token) {
        return call("DELETE", path, token, null);
    }

    /** A fresh master account with {@code balance} of credit; returns its token. */
    Tenant newMaster(String balance) {
        String id = "MA_t" + Long.toString(ThreadLocalRandom.current().nextLong(Long.MAX_VALUE), 36);
        Response created = put("/v2/accounts/" + id, ADMIN, Map.of("name", "Test " + id)).expect(201);
        String token = created.data().get("token").asText();
        if (!balance.equals("0")) {
            post("/v2/accounts/" + id + "/credits", ADMIN, Map.of("amount", new java.math.BigDecimal(balance))).expect(200);
        }
        return new Tenant(id, token, created.data().get("auth_id").asText());
    }

    /** A fresh sub-account of {@code parent}, created with the parent's token. */
    Tenant newSub(Tenant parent, Map<String, Object> extra) {
        String id = "SA_t" + Long.toString(ThreadLocalRandom.current().nextLong(Long.MAX_VALUE), 36);
        Map<String, Object> body = new LinkedHashMap<>(extra);
        body.put("name", "Sub " + id);
        Response created = put("/v2/accounts/" + id, parent.token(), body).expect(201);
        return new Tenant(id, created.data().get("token").asText(), created.data().get("auth_id").asText());
    }

    /** {@code quantity} available numbers with the given area code. */
    java.util.List<String> available(String prefix, int quantity) {
        Response r = get("/v2/phone_numbers?prefix=" + prefix + "&quantity=" + quantity, ADMIN).expect(200);
        java.util.List<String> out = new java.util.ArrayList<>();
        r.data().forEach(n -> out.add(n.asText()));
        return out;
    }

    record Tenant(String id, String token, String authId) {
    }

    static String enc(String number) {
        return number.replace("+", "%2B");
    }
}
