package com.carrier.numbers.local;

import com.carrier.numbers.NumbersPlatform;
import com.carrier.numbers.TableNames;
import com.carrier.numbers.adapter.dynamodb.TableSchemas;
import com.carrier.numbers.functions.Platform;
import com.carrier.numbers.local.TemplateRoutes.FunctionDef;
import com.carrier.numbers.local.TemplateRoutes.RouteDef;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.dynamodb.services.local.embedded.DynamoDBEmbedded;
import software.amazon.dynamodb.services.local.shared.access.AmazonDynamoDBLocal;

/**
 * The whole HTTP API in one JVM, without Docker: DynamoDB Local embedded, the tables, routes,
 * handlers and authorizer of template.yaml, the demo data, and API Gateway's behaviour in front.
 * The port opens only once the tables exist and the demo data is seeded.
 *
 * <pre>./mvnw -q -pl local -am package -DskipTests -Prun   (-Dlocal.args="--port 3001 --persist ./data")</pre>
 */
public final class LocalRuntime implements AutoCloseable {

    /**
     * How to start. {@code platform}: start DynamoDB Local and the domain (off for tests that serve
     * a template of test handlers only); {@code port} 0 picks a free port.
     */
    public record Options(Path template, String host, int port, Path persistDir, boolean platform, boolean seed,
                          boolean accessLog) {
        public static Options defaults() {
            return new Options(null, "127.0.0.1", 3000, null, true, true, true);
        }

        public Options withTemplate(Path t) { return new Options(t, host, port, persistDir, platform, seed, accessLog); }
        public Options withPort(int p) { return new Options(template, host, p, persistDir, platform, seed, accessLog); }
        public Options withPlatform(boolean p) { return new Options(template, host, port, persistDir, p, seed, accessLog); }
        public Options withSeed(boolean s) { return new Options(template, host, port, persistDir, platform, s, accessLog); }
        public Options withAccessLog(boolean a) { return new Options(template, host, port, persistDir, platform, seed, a); }
        public Options withPersistDir(Path d) { return new Options(template, host, port, d, platform, seed, accessLog); }

        public Path templateOrFound() {
            return template != null ? template : TableSchemas.findTemplate();
        }

        static Options parse(String[] args) {
            Options o = defaults();
            for (int i = 0; i < args.length; i++) {
                String a = args[i];
                switch (a) {
                    case "--port" -> o = o.withPort(Integer.parseInt(value(args, ++i, a)));
                    case "--host" -> o = new Options(o.template, value(args, ++i, a), o.port, o.persistDir, o.platform, o.seed, o.accessLog);
                    case "--persist" -> o = o.withPersistDir(Path.of(value(args, ++i, a)));
                    case "--template" -> o = o.withTemplate(Path.of(value(args, ++i, a)));
                    case "--no-seed" -> o = o.withSeed(false);
                    case "--quiet" -> o = o.withAccessLog(false);
                    case "--help", "-h" -> {
                        System.out.println("usage: LocalRuntime [--port 3000] [--host 127.0.0.1] [--persist DIR] [--template template.yaml] [--no-seed] [--quiet]");
                        System.exit(0);
                    }
                    default -> throw new IllegalArgumentException("unknown argument " + a + " (try --help)");
                }
            }
            return o;
        }

        private static String value(String[] args, int i, String flag) {
            if (i >= args.length) {
                throw new IllegalArgumentException(flag + " needs a value");
            }
            return args[i];
        }
    }

    private final Options options;
    private final AmazonDynamoDBLocal dynamoDbLocal;
    private final DynamoDbClient dynamoDb;
    private final NumbersPlatform platform;
    private final boolean seeded;
    private final TemplateRoutes template;
    private final Map<String, LambdaFunction> functions;
    private final LambdaAuthorizer authorizer;
    private final HttpApiGateway gateway;
    private final HttpServer server;
    private final ExecutorService workers;
    private volatile boolean closed;

    private LocalRuntime(Options options) throws IOException {
        this.options = options;
        Path templatePath = options.templateOrFound();
        this.template = TemplateRoutes.read(templatePath);

        if (options.platform()) {
            this.dynamoDbLocal = startDynamoDbLocal(options.persistDir());
            this.dynamoDb = dynamoDbLocal.dynamoDbClient();
            TableNames tables = TableNames.fromEnvironment();
            TableSchemas.fromTemplate(templatePath, tables).createAll(dynamoDb);
            this.platform = NumbersPlatform.create(dynamoDb, tables, Clock.systemUTC(), NumbersPlatform.Settings.fromEnvironment());
            // Handlers built from now on (below) take this platform from their no-arg constructors.
            Platform.use(platform);
            this.seeded = options.seed() && DemoData.seed(platform);
        } else {
            this.dynamoDbLocal = null;
            this.dynamoDb = null;
            this.platform = null;
            this.seeded = false;
        }

        // Each handler class once, reused like a warm execution environment.
        ClassLoader loader = LocalRuntime.class.getClassLoader();
        Map<String, LambdaFunction> fns = new LinkedHashMap<>();
        for (RouteDef r : template.routes()) {
            fns.computeIfAbsent(r.function().logicalId(), id -> LambdaFunction.load(r.function(), loader));
        }
        this.functions = Map.copyOf(fns);
        ObjectMapper json = new ObjectMapper();
        this.authorizer = template.authorizer()
                .map(a -> new LambdaAuthorizer(a, LambdaFunction.load(a.function(), loader), new HttpApiEvents(json), json))
                .orElse(null);
        this.gateway = new HttpApiGateway(new Router(template.routes()), functions, authorizer, json, options.accessLog());

        this.server = HttpServer.create(new InetSocketAddress(options.host(), options.port()), 128);
        AtomicInteger n = new AtomicInteger();
        this.workers = Executors.newFixedThreadPool(Math.max(4, Runtime.getRuntime().availableProcessors() * 2), r -> {
            Thread t = new Thread(r, "http-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(workers);
        server.createContext("/", gateway);
        server.start();
    }

    /** Starts everything and answers once the port is open. */
    public static LocalRuntime start(Options options) {
        try {
            return new LocalRuntime(options);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static void main(String[] args) {
        long t0 = System.nanoTime();
        Options options = Options.parse(args);
        System.setProperty("aws.region", System.getProperty("aws.region", LambdaContext.REGION));
        LocalRuntime runtime = start(options);
        PrintStream out = System.out;
        out.printf("Loaded %d routes (%d functions) and authorizer %s from %s%n", runtime.template.routes().size(),
                runtime.functions.size(), runtime.template.authorizer().map(a -> a.name()).orElse("none"), options.templateOrFound());
        out.println("DynamoDB Local: " + (options.persistDir() == null ? "in memory" : "persisted in " + options.persistDir().toAbsolutePath())
                + (runtime.seeded ? ", demo data seeded" : options.seed() ? ", demo data already present" : ", not seeded"));
        DemoData.print(out);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            runtime.close();
            System.out.println("Numbers platform stopped.");
        }, "local-runtime-stop"));
        out.printf("Numbers platform ready on %s in %.1fs (Ctrl-C to stop)%n", runtime.baseUrl(), (System.nanoTime() - t0) / 1e9);
        out.printf("  try: curl -H 'X-Auth-Token: demo-master-token' '%s/v2/phone_numbers?prefix=415&quantity=3'%n", runtime.baseUrl());
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public URI baseUrl() {
        String host = options.host().contains(":") ? "[" + options.host() + "]" : options.host();
        return URI.create("http://" + host + ":" + port());
    }

    /** The domain the handlers use (null when started without the platform). */
    public NumbersPlatform platform() {
        return platform;
    }

    public DynamoDbClient dynamoDb() {
        return dynamoDb;
    }

    public TemplateRoutes template() {
        return template;
    }

    /** The warm handler instance of a template function (benchmarks call it directly). */
    public LambdaFunction function(String logicalId) {
        return functions.get(logicalId);
    }

    public HttpApiGateway gateway() {
        return gateway;
    }

    /** Forgets cached authorizer decisions (e.g. right after revoking a credential in a test). */
    public void clearAuthorizerCache() {
        if (authorizer != null) {
            authorizer.clearCache();
        }
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        server.stop(0);
        workers.shutdownNow();
        if (dynamoDbLocal != null) {
            dynamoDb.close();
            dynamoDbLocal.shutdown();
        }
    }

    private static AmazonDynamoDBLocal startDynamoDbLocal(Path persistDir) throws IOException {
        // true = telemetry off, which otherwise costs seconds offline.
        if (persistDir == null) {
            return DynamoDBEmbedded.create(true);
        }
        Files.createDirectories(persistDir);
        File dir = persistDir.toFile();
        return DynamoDBEmbedded.create(dir, true);
    }
}
