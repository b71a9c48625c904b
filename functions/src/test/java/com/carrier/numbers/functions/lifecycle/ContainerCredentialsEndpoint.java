package com.carrier.numbers.functions.lifecycle;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Stands in for the credentials endpoint Lambda gives a SnapStart function
 * ({@code AWS_CONTAINER_CREDENTIALS_FULL_URI}): on loopback, one path per function, answering
 * {@code {"AccessKeyId", "SecretAccessKey", "Token", "Expiration"}} only when the
 * {@code Authorization} header is that function's token ({@code AWS_CONTAINER_AUTHORIZATION_TOKEN}),
 * 401 otherwise. Counts both, so a test can tell where a function's credentials came from.
 */
public final class ContainerCredentialsEndpoint implements AutoCloseable {
    private static final SecureRandom RANDOM = new SecureRandom();

    /** What one function is given: its URI and token, and the access key id only this endpoint hands out. */
    public record Grant(String uri, String token, String accessKeyId, AtomicInteger served, AtomicInteger refused) {
    }

    private final HttpServer server;
    private final Map<String, Grant> grants = new ConcurrentHashMap<>();

    public ContainerCredentialsEndpoint() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/2021-04-23/credentials/", this::serve);
        server.start();
    }

    /** A new grant for {@code function}: the environment values, and counters of its fetches. */
    public Grant grant(String function) {
        byte[] key = new byte[8];
        RANDOM.nextBytes(key);
        byte[] token = new byte[24];
        RANDOM.nextBytes(token);
        String uri = "http://127.0.0.1:" + server.getAddress().getPort() + "/2021-04-23/credentials/" + function;
        Grant g = new Grant(uri, HexFormat.of().formatHex(token), "ASIA" + HexFormat.of().formatHex(key).toUpperCase(Locale.ROOT),
                new AtomicInteger(), new AtomicInteger());
        grants.put(function, g);
        return g;
    }

    private void serve(HttpExchange exchange) throws IOException {
        try (exchange) {
            String function = exchange.getRequestURI().getPath().substring("/2021-04-23/credentials/".length());
            Grant g = grants.get(function);
            String authorization = exchange.getRequestHeaders().getFirst("Authorization");
            if (g == null || !g.token().equals(authorization)) {
                if (g != null) {
                    g.refused().incrementAndGet();
                }
                exchange.sendResponseHeaders(401, -1);
                return;
            }
            g.served().incrementAndGet();
            String body = "{\"AccessKeyId\":\"" + g.accessKeyId() + "\",\"SecretAccessKey\":\"lifecycle-secret-" + function
                    + "\",\"Token\":\"lifecycle-session-" + function + "\",\"Expiration\":\""
                    + Instant.now().plus(Duration.ofHours(1)).truncatedTo(ChronoUnit.SECONDS) + "\"}";
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, bytes.length);
            exchange.getResponseBody().write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
