package com.carrier.numbers.local;

import com.carrier.numbers.local.HttpApiEvents.Parsed;
import com.carrier.numbers.local.Router.Match;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Prints, side by side in one run, the local runtime's per-request cost against a direct call of
 * the same warm handler with the same request, and the heap the runtime holds once seeded.
 * The handler is the platform's SearchNumbersHandler on the seeded demo data.
 *
 * <pre>./mvnw -q -pl local -am package -DskipTests -Pbench</pre>
 */
public final class LocalRuntimeBenchmark {
    private static final int WARMUP = 1000;
    private static final int N = 2000;

    private record Scenario(String description, LocalRuntime runtime, String function, String pathAndQuery, String token) {
    }

    public static void main(String[] args) throws Exception {
        long t0 = System.nanoTime();
        Scenario s = search();
        double startSeconds = (System.nanoTime() - t0) / 1e9;
        long heap = usedHeapAfterGc();
        try {
            run(s, startSeconds, heap);
        } finally {
            s.runtime().close();
        }
        System.exit(0);
    }

    /** The runtime's own Search handler on the seeded platform: a read of O(quantity) inventory items. */
    private static Scenario search() {
        LocalRuntime rt = LocalRuntime.start(LocalRuntime.Options.defaults().withPort(0).withAccessLog(false));
        return new Scenario("SearchNumbersHandler, GET /v2/phone_numbers?prefix=415&quantity=10 (real platform, seeded)",
                rt, "SearchNumbersFunction", "/v2/phone_numbers?prefix=415&quantity=10", DemoData.DEMO_MASTER.token());
    }

    private static void run(Scenario s, double startSeconds, long heapBytes) throws Exception {
        LocalRuntime rt = s.runtime();
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        URI uri = URI.create(rt.baseUrl() + s.pathAndQuery());
        java.net.http.HttpRequest httpRequest = java.net.http.HttpRequest.newBuilder(uri).header("X-Auth-Token", s.token()).build();

        // The request as the gateway sees it, for the in-process and direct calls.
        Map<String, List<String>> headers = new LinkedHashMap<>();
        headers.put("Host", List.of(uri.getHost() + ":" + uri.getPort()));
        headers.put("User-agent", List.of("Java-http-client/" + Runtime.version().feature()));
        headers.put("X-auth-token", List.of(s.token()));
        int q = s.pathAndQuery().indexOf('?');
        HttpRequest request = new HttpRequest("GET", q < 0 ? s.pathAndQuery() : s.pathAndQuery().substring(0, q),
                q < 0 ? null : s.pathAndQuery().substring(q + 1), headers, new byte[0], "127.0.0.1", "HTTP/1.1");

        LambdaFunction fn = rt.function(s.function());
        Object event = fn.input(directEvent(rt, request, s.token()));

        int status = client.send(httpRequest, BodyHandlers.ofString()).statusCode();
        if (status != 200) {
            throw new IllegalStateException("benchmark request answered " + status);
        }
        long[] direct = new long[N];
        long[] inProcess = new long[N];
        long[] http = new long[N];
        long[] urlConnection = new long[N];
        long[] rawSocket = new long[N];
        URL url = uri.toURL();
        RawHttpClient raw = new RawHttpClient(uri, s.token());
        for (int i = -WARMUP; i < N; i++) { // interleaved, so drift (GC, JIT, other builds on the box) hits all three alike
            long a = System.nanoTime();
            fn.call(event, new LambdaContext(UUID.randomUUID().toString(), s.function(), 20, 1024));
            long b = System.nanoTime();
            rt.gateway().handle(request, HttpApiGateway.apiGatewayRequestId());
            long c = System.nanoTime();
            client.send(httpRequest, BodyHandlers.ofString());
            long d = System.nanoTime();
            getWithUrlConnection(url, s.token());
            long e = System.nanoTime();
            raw.get();
            long f = System.nanoTime();
            if (i >= 0) {
                rawSocket[i] = f - e;
                direct[i] = b - a;
                inProcess[i] = c - b;
                http[i] = d - c;
                urlConnection[i] = e - d;
            }
        }
        Arrays.sort(direct);
        Arrays.sort(inProcess);
        Arrays.sort(http);
        Arrays.sort(urlConnection);
        Arrays.sort(rawSocket);
        raw.close();
        double base = median(direct);
        System.out.println();
        System.out.println("Local runtime benchmark (Java " + Runtime.version() + ", -Xmx" + Runtime.getRuntime().maxMemory() / (1024 * 1024) + "m, "
                + Runtime.getRuntime().availableProcessors() + " cores)");
        System.out.println("  handler: " + s.description());
        System.out.printf("  N=%d warm requests each after %d warm-up, interleaved%n", N, WARMUP);
        System.out.printf("  %-44s %10s %10s %8s%n", "", "median", "p99", "ratio");
        row("direct handler call (warm, same event)", direct, base);
        row("gateway in-process (route, authorizer, 2.0 JSON)", inProcess, base);
        row("HTTP, java.net.http.HttpClient", http, base);
        row("HTTP, HttpURLConnection (keep-alive)", urlConnection, base);
        row("HTTP, plain keep-alive socket (no client library)", rawSocket, base);
        double bestLibrary = Math.min(median(http), median(urlConnection));
        System.out.printf("  overhead over a direct call (target < 1.2x): %.2fx in-process, %.2fx through HTTP with a plain socket,"
                + " %.2fx with the best JDK client library%n", median(inProcess) / base, median(rawSocket) / base, bestLibrary / base);
        System.out.printf("  added per request: +%.3f ms in-process (event JSON, serializers, authorizer cache), +%.3f ms through HTTP"
                + " (plain socket), +%.3f ms (best JDK client)%n", (median(inProcess) - base) / 1e6, (median(rawSocket) - base) / 1e6,
                (bestLibrary - base) / 1e6);
        System.out.printf("  startup to ready: %.1f s; heap used after start%s and GC: %.1f MB (max heap %d MB)%n", startSeconds,
                " + demo seed", heapBytes / 1048576.0,
                Runtime.getRuntime().maxMemory() / (1024 * 1024));
    }

    /** The event the runtime would deliver, built by the same code, with the authorizer's context for the token. */
    private static String directEvent(LocalRuntime rt, HttpRequest request, String token) throws Exception {
        ObjectMapper json = new ObjectMapper();
        HttpApiEvents events = new HttpApiEvents(json);
        Match m = new Router(rt.template().routes()).match(request.method(), request.rawPath()).orElseThrow();
        Parsed parsed = events.parse(request, m.route(), m.pathParameters(), HttpApiGateway.apiGatewayRequestId(), Instant.now());
        var authDef = rt.template().authorizer().orElseThrow();
        JsonNode decision = json.readTree(LambdaFunction.load(authDef.function(), LocalRuntimeBenchmark.class.getClassLoader())
                .invoke(events.authorizerEvent(parsed, List.of(token))));
        @SuppressWarnings("unchecked")
        Map<String, Object> context = json.convertValue(decision.path("context"), Map.class);
        return events.integrationEvent(parsed, context);
    }

    /**
     * The leanest HTTP/1.1 client: one keep-alive socket, a fixed GET, the answer read by its
     * Content-Length. It shows what the server and loopback cost without a client library's own work.
     */
    private static final class RawHttpClient implements AutoCloseable {
        private final java.net.Socket socket;
        private final java.io.BufferedInputStream in;
        private final byte[] request;

        RawHttpClient(URI uri, String token) throws IOException {
            socket = new java.net.Socket(uri.getHost(), uri.getPort());
            socket.setTcpNoDelay(true);
            in = new java.io.BufferedInputStream(socket.getInputStream());
            String path = uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
            request = ("GET " + path + " HTTP/1.1\r\nHost: " + uri.getHost() + ":" + uri.getPort()
                    + "\r\nX-Auth-Token: " + token + "\r\n\r\n").getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        }

        void get() throws IOException {
            socket.getOutputStream().write(request);
            int contentLength = -1;
            StringBuilder line = new StringBuilder();
            for (int b; (b = in.read()) != -1; ) {
                if (b == '\n') {
                    String header = line.toString().trim();
                    if (header.isEmpty()) {
                        break;
                    }
                    if (header.regionMatches(true, 0, "content-length:", 0, 15)) {
                        contentLength = Integer.parseInt(header.substring(15).trim());
                    }
                    line.setLength(0);
                } else {
                    line.append((char) b);
                }
            }
            if (contentLength < 0) {
                throw new IOException("no Content-Length in the answer");
            }
            in.readNBytes(contentLength);
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }

    private static void getWithUrlConnection(URL url, String token) throws IOException {
        HttpURLConnection c = (HttpURLConnection) url.openConnection();
        c.setRequestProperty("X-Auth-Token", token);
        try (InputStream in = c.getInputStream()) {
            in.readAllBytes(); // read to the end so the connection goes back to the keep-alive pool
        }
    }

    private static void row(String label, long[] sorted, double base) {
        System.out.printf("  %-44s %8.3f ms %7.3f ms %7.2fx%n", label, median(sorted) / 1e6, p99(sorted) / 1e6, median(sorted) / base);
    }

    private static double median(long[] sorted) {
        return sorted[sorted.length / 2];
    }

    private static double p99(long[] sorted) {
        return sorted[(int) Math.ceil(sorted.length * 0.99) - 1];
    }

    private static long usedHeapAfterGc() throws InterruptedException {
        Runtime r = Runtime.getRuntime();
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(100);
        }
        return r.totalMemory() - r.freeMemory();
    }
}
