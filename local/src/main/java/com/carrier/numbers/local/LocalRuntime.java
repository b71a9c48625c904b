package com.carrier.numbers.local;

import com.carrier.numbers.NumbersPlatform;
import com.carrier.numbers.TableNames;
import com.carrier.numbers.adapter.sqs.SqsProvisioningQueue;
import com.carrier.numbers.port.ProvisioningQueue;
import com.carrier.numbers.adapter.dynamodb.TableSchemas;
import com.carrier.numbers.functions.Platform;
import com.carrier.numbers.local.TemplateRoutes.RouteDef;
import com.carrier.numbers.local.stepfunctions.LocalWorkflows;
import com.carrier.numbers.local.stepfunctions.StepFunctionsEngine;
import com.carrier.numbers.local.stepfunctions.TemplateStateMachines;
import com.carrier.numbers.local.stepfunctions.TemplateTaskFunctions;
import com.carrier.numbers.local.stepfunctions.WorkflowTime;
import com.carrier.numbers.template.SamTemplate;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sqs.SqsClient;

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
                          boolean accessLog, double timeScale) {
        public static Options defaults() {
            return new Options(null, "127.0.0.1", 3000, null, true, true, true, WorkflowTime.DEFAULT_SCALE);
        }

        public Options withTemplate(Path t) { return new Options(t, host, port, persistDir, platform, seed, accessLog, timeScale); }
        public Options withPort(int p) { return new Options(template, host, p, persistDir, platform, seed, accessLog, timeScale); }
        public Options withPlatform(boolean p) { return new Options(template, host, port, persistDir, p, seed, accessLog, timeScale); }
        public Options withSeed(boolean s) { return new Options(template, host, port, persistDir, platform, s, accessLog, timeScale); }
        public Options withAccessLog(boolean a) { return new Options(template, host, port, persistDir, platform, seed, a, timeScale); }
        public Options withPersistDir(Path d) { return new Options(template, host, port, d, platform, seed, accessLog, timeScale); }
        /** Workflow time scale: 43200 (default) = a day of waiting in 2 s; 1 = real time. */
        public Options withTimeScale(double s) { return new Options(template, host, port, persistDir, platform, seed, accessLog, s); }

        public Path templateOrFound() {
            return template != null ? template : TableSchemas.findTemplate();
        }

        static Options parse(String[] args) {
            Options o = defaults();
            for (int i = 0; i < args.length; i++) {
                String a = args[i];
                switch (a) {
                    case "--port" -> o = o.withPort(Integer.parseInt(value(args, ++i, a)));
                    case "--host" -> o = new Options(o.template, value(args, ++i, a), o.port, o.persistDir, o.platform, o.seed, o.accessLog, o.timeScale);
                    case "--time-scale" -> o = o.withTimeScale(new WorkflowTime(Double.parseDouble(value(args, ++i, a))).scale());
                    case "--persist" -> o = o.withPersistDir(Path.of(value(args, ++i, a)));
                    case "--template" -> o = o.withTemplate(Path.of(value(args, ++i, a)));
                    case "--no-seed" -> o = o.withSeed(false);
                    case "--routes-only" -> o = o.withPlatform(false); // handlers only: no DynamoDB Local, no domain
                    case "--quiet" -> o = o.withAccessLog(false);
                    case "--help", "-h" -> {
                        System.out.println("usage: LocalRuntime [--port 3000] [--host 127.0.0.1] [--persist DIR] [--template template.yaml] [--no-seed] [--routes-only] [--quiet] [--time-scale 43200]");
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
    private final LocalDynamoDb dynamoDbLocal;
    private final NumbersPlatform platform;
    private final LocalWorkflows workflows;
    /** The overdue sweep's schedule (the template's OverdueNumbersSweepFunction) on scaled workflow time. */
    private final LocalOverdueSweep overdueSweep;
    private final boolean seeded;
    private final TemplateRoutes template;
    private final Map<String, LambdaFunction> functions;
    private final LambdaAuthorizer authorizer;
    private final HttpApiGateway gateway;
    private final HttpServer server;
    private final ExecutorService workers;
    private final LocalSqs sqs;
    private volatile boolean closed;

    private LocalRuntime(Options options, TemplateRoutes template, LocalDynamoDb dynamoDbLocal, NumbersPlatform platform,
                         LocalWorkflows workflows, TemplateTaskFunctions tasks, boolean seeded, LocalSqs sqs) throws IOException {
        this.options = options;
        this.workflows = workflows;
        this.overdueSweep = platform == null ? null : LocalOverdueSweep.start(platform, options.timeScale());
        this.sqs = sqs;
        this.template = template;
        this.dynamoDbLocal = dynamoDbLocal;
        this.platform = platform;
        this.seeded = seeded;

        // Each handler class once, reused like a warm execution environment.
        ClassLoader loader = LocalRuntime.class.getClassLoader();
        Map<String, LambdaFunction> fns = new LinkedHashMap<>();
        for (RouteDef r : template.routes()) {
            fns.computeIfAbsent(r.function().logicalId(), id -> LambdaFunction.load(r.function(), loader));
        }
        if (sqs != null) {
            sqs.functions().forEach(f -> fns.computeIfAbsent(f.logicalId(), id -> LambdaFunction.load(f, loader)));
        }
        this.functions = Map.copyOf(fns);
        ObjectMapper json = new ObjectMapper();
        this.authorizer = template.authorizer()
                .map(a -> new LambdaAuthorizer(a, LambdaFunction.load(a.function(), loader), new HttpApiEvents(json), json))
                .orElse(null);
        this.gateway = new HttpApiGateway(new Router(template.routes()), functions, authorizer, json, options.accessLog());

        // The JDK server writes headers and body separately: without TCP_NODELAY, Nagle's algorithm
        // and delayed ACKs add latency to small responses. Read once, when the server classes load.
        System.setProperty("sun.net.httpserver.nodelay", System.getProperty("sun.net.httpserver.nodelay", "true"));
        this.server = HttpServer.create(new InetSocketAddress(options.host(), options.port()), 128);
        AtomicInteger n = new AtomicInteger();
        // A small pool: requests run concurrently on the shared warm handlers (Lambda would add
        // execution environments instead), which the handlers, stateless per request, allow.
        this.workers = Executors.newFixedThreadPool(Math.max(4, Runtime.getRuntime().availableProcessors() * 2), r -> {
            Thread t = new Thread(r, "http-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(workers);
        server.createContext("/", gateway);
        server.start();
        // The simulated carrier's task posts its signed events to this API's callback route, as a carrier would.
        System.setProperty("PLATFORM_API_URL", baseUrl().toString());
        if (tasks != null) {
            // The state machines' task handlers are built now, as Lambda's init would, while the platform
            // and PLATFORM_API_URL are this runtime's: built on first use, they would take whatever another
            // runtime of the same JVM (a test's) installed meanwhile. Then executions kept by --persist resume.
            Platform.use(platform);
            tasks.warmAll();
            workflows.engine().resumePersisted();
        }
        if (sqs != null) {
            sqs.startPolling(functions::get);
        }
    }

    /**
     * Starts everything and answers once the port is open: DynamoDB Local and the tables, the
     * domain (installed for the handlers before they are built), the demo data, the handlers, the port.
     */
    public static LocalRuntime start(Options options) {
        Path templatePath = options.templateOrFound();
        TemplateRoutes template = TemplateRoutes.read(templatePath);
        LocalDynamoDb dynamoDb = null;
        StepFunctionsEngine engine = null;
        LocalSqs sqs = null;
        try {
            // Queues first: their URLs and SQS_ENDPOINT are in place before the domain and handlers are built.
            sqs = LocalSqs.startIfAny(templatePath);
            NumbersPlatform platform = null;
            LocalWorkflows workflows = null;
            TemplateTaskFunctions tasks = null;
            boolean seeded = false;
            if (options.platform()) {
                // the names template.yaml gives the functions' table variables (a typo there fails here)
                TableNames tables = SamTemplate.load(templatePath).localTableNames();
                dynamoDb = LocalDynamoDb.start(options.persistDir()).withTables(templatePath, tables);
                // The state machines of the template on the in-JVM engine; their tasks are the template's handlers.
                WorkflowTime time = new WorkflowTime(options.timeScale());
                WorkflowTime.useLocal(time);
                TemplateStateMachines machines = TemplateStateMachines.read(templatePath);
                tasks = new TemplateTaskFunctions(machines.functions(), LocalRuntime.class.getClassLoader());
                engine = new StepFunctionsEngine(tasks,
                        time, Clock.systemUTC(), options.persistDir() == null ? null : options.persistDir().resolve("stepfunctions"));
                Map<String, String> arns = new LinkedHashMap<>();
                for (var m : machines.machines().values()) {
                    arns.put(m.logicalId(), engine.createStateMachine(m.logicalId(), m.definitionJson()));
                }
                workflows = new LocalWorkflows(engine, arns);
                platform = NumbersPlatform.create(dynamoDb.client(), tables, Clock.systemUTC(),
                        NumbersPlatform.Settings.fromEnvironment(), workflows, provisioningQueue(sqs));
                Platform.use(platform);
                seeded = options.seed() && DemoData.seed(platform);
            }
            return new LocalRuntime(options, template, dynamoDb, platform, workflows, tasks, seeded, sqs);
        } catch (IOException | RuntimeException e) {
            if (sqs != null) {
                sqs.close();
            }
            if (engine != null) {
                engine.close();
            }
            if (dynamoDb != null) {
                dynamoDb.close();
            }
            throw e instanceof IOException io ? new UncheckedIOException(io) : (RuntimeException) e;
        }
    }

    /** The template's provisioning queue on ElasticMQ (bulk jobs, inventory loads, queued renewals), if it has one. */
    private static ProvisioningQueue provisioningQueue(LocalSqs sqs) {
        if (sqs == null || !sqs.queues().containsKey("ProvisioningQueue")) {
            return null;
        }
        return new SqsProvisioningQueue(sqs.client(), sqs.queue("ProvisioningQueue").url());
    }

    public static void main(String[] args) {
        long t0 = System.nanoTime();
        Options options = Options.parse(args);
        System.setProperty("aws.region", System.getProperty("aws.region", LambdaContext.REGION));
        LocalRuntime runtime;
        try {
            runtime = start(options);
        } catch (RuntimeException e) {
            System.err.println("Local runtime failed to start: " + e);
            e.printStackTrace();
            System.exit(1); // DynamoDB Local's threads would otherwise keep the JVM alive
            return;
        }
        PrintStream out = System.out;
        out.printf("Loaded %d routes (%d functions) and authorizer %s from %s%n", runtime.template.routes().size(),
                runtime.functions.size(), runtime.template.authorizer().map(a -> a.name()).orElse("none"), options.templateOrFound());
        if (options.platform()) {
            out.println("DynamoDB Local: " + (options.persistDir() == null ? "in memory" : "persisted in " + options.persistDir().toAbsolutePath())
                    + (runtime.seeded ? ", demo data seeded" : options.seed() ? ", demo data already present" : ", not seeded"));
            out.println("Workflows: " + runtime.workflows.engine().executions().size() + " execution(s) resumed or kept, "
                    + "workflow time " + runtime.workflows.engine().time()
                    + (options.persistDir() == null ? ", in memory (in-flight executions end with the JVM)" : ", persisted"));
            DemoData.print(out);
        }
        if (runtime.sqs != null) {
            out.println(runtime.sqs.describe());
        }
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

    /** The in-JVM Step Functions adapter the domain uses (null when started without the platform). */
    public LocalWorkflows workflows() {
        return workflows;
    }

    /** The DynamoDB Local client (null when started without the platform). */
    public DynamoDbClient dynamoDb() {
        return dynamoDbLocal == null ? null : dynamoDbLocal.client();
    }

    public TemplateRoutes template() {
        return template;
    }

    /** The warm handler instance of a template function (benchmarks call it directly). */
    public LambdaFunction function(String logicalId) {
        return functions.get(logicalId);
    }

    /** The template's queues in ElasticMQ, their pollers, and waits for them to drain (null without queues). */
    public LocalSqs queues() {
        return sqs;
    }

    /** An SDK client on the local queues (null when the template has none). */
    public SqsClient sqs() {
        return sqs == null ? null : sqs.client();
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
        if (sqs != null) {
            sqs.close(); // batches being handled finish while DynamoDB Local is still up
        }
        if (overdueSweep != null) {
            overdueSweep.close();
        }
        if (workflows != null) {
            workflows.engine().close(); // executions stop here; with --persist they resume at the next start
        }
        if (dynamoDbLocal != null) {
            dynamoDbLocal.close();
        }
    }
}
