package com.carrier.numbers.local;

import com.carrier.numbers.NumbersPlatform;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.util.Map;

/**
 * The real API for route-level tests: template.yaml's routes, handlers and authorizer, DynamoDB
 * Local in memory and the demo data, started once per test JVM on a free port and stopped at exit.
 *
 * <pre>{@code
 * LocalApi api = LocalApi.shared();
 * HttpResponse<String> r = api.get("/v2/phone_numbers?prefix=415&quantity=3", LocalApi.DEMO_MASTER);
 * JsonNode body = LocalApi.json(r);
 * HttpResponse<String> p = api.send("PUT", "/v2/accounts/MA_demo/phone_numbers/%2B14152000001", LocalApi.DEMO_MASTER,
 *         "{\"data\":{}}", Map.of("Idempotency-Key", "k1"));
 * }</pre>
 * The demo data is shared by every test of the JVM: tests that change balances or numbers should
 * create their own accounts (PUT /v2/accounts/{id} with {@link #ADMIN}) or pick distinct numbers.
 */
public final class LocalApi {
    public static final String ADMIN = DemoData.ADMIN.token();
    public static final String DEMO_MASTER = DemoData.DEMO_MASTER.token();
    public static final String DEMO_SUB1 = DemoData.DEMO_SUB1.token();
    public static final String DEMO_SUB2 = DemoData.DEMO_SUB2.token();
    public static final String OTHER_MASTER = DemoData.OTHER_MASTER.token();

    private static final ObjectMapper JSON = new ObjectMapper();
    private static LocalApi shared;
    private static RuntimeException failedToStart;

    private final LocalRuntime runtime;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private LocalApi(LocalRuntime runtime) {
        this.runtime = runtime;
    }

    /** The runtime of this JVM, started on first use (a few seconds), stopped when the JVM exits. */
    public static synchronized LocalApi shared() {
        if (failedToStart != null) {
            throw failedToStart; // do not retry for every test class
        }
        if (shared == null) {
            try {
                LocalRuntime runtime = LocalRuntime.start(LocalRuntime.Options.defaults().withPort(0).withAccessLog(false));
                Runtime.getRuntime().addShutdownHook(new Thread(runtime::close, "local-api-stop"));
                shared = new LocalApi(runtime);
            } catch (RuntimeException e) {
                failedToStart = e;
                throw e;
            }
        }
        return shared;
    }

    public URI baseUrl() {
        return runtime.baseUrl();
    }

    public URI uri(String pathAndQuery) {
        return URI.create(runtime.baseUrl() + pathAndQuery);
    }

    public LocalRuntime runtime() {
        return runtime;
    }

    /** The domain behind the API, for arranging state a route cannot reach (e.g. time-based cases). */
    public NumbersPlatform platform() {
        return runtime.platform();
    }

    public HttpResponse<String> get(String pathAndQuery, String token) {
        return send("GET", pathAndQuery, token, null, Map.of());
    }

    public HttpResponse<String> send(String method, String pathAndQuery, String token, String jsonBody) {
        return send(method, pathAndQuery, token, jsonBody, Map.of());
    }

    /** Any request: {@code token} null sends no X-Auth-Token; a body is sent as application/json. */
    public HttpResponse<String> send(String method, String pathAndQuery, String token, String jsonBody, Map<String, String> headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri(pathAndQuery))
                .method(method, jsonBody == null ? BodyPublishers.noBody() : BodyPublishers.ofString(jsonBody));
        if (token != null) {
            b.header("X-Auth-Token", token);
        }
        if (jsonBody != null) {
            b.header("Content-Type", "application/json");
        }
        headers.forEach(b::header);
        try {
            return http.send(b.build(), BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Forgets the authorizer's cached decisions (after revoking a credential, instead of waiting 30 s). */
    public void clearAuthorizerCache() {
        runtime.clearAuthorizerCache();
    }

    public static JsonNode json(HttpResponse<String> response) {
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException("not JSON: " + response.body(), e);
        }
    }
}
