package com.carrier.numbers.functions.events;

import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import com.carrier.numbers.functions.lifecycle.AwsCall;
import com.carrier.numbers.functions.lifecycle.ContainerCredentialsEndpoint;
import com.carrier.numbers.functions.lifecycle.LifecycleDriver;
import com.carrier.numbers.functions.wiring.AwsStandIns;
import com.carrier.numbers.template.SamTemplate;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Runs every function of template.yaml through a SnapStart lifecycle, each in a fresh JVM on the
 * packaged Lambda jar ({@link LifecycleDriver}: init, beforeCheckpoint hooks, afterRestore hooks,
 * its events/ request), once per test JVM; {@link SnapStartLifecycleIT} and {@link IamCoverageIT}
 * read the runs.
 *
 * <p>Each function JVM gets what Lambda gives a SnapStart function: the template's environment
 * (Globals and its own, JAVA_TOOL_OPTIONS included), tables resolved to a fresh demo world seeded for
 * its event (the {@link EventInvocationTest} cases' seeding, on DynamoDB Local in server mode,
 * shared database, reached through {@code DYNAMODB_ENDPOINT}), no access-key variables, and
 * {@code AWS_CONTAINER_CREDENTIALS_FULL_URI} / {@code AWS_CONTAINER_AUTHORIZATION_TOKEN} pointing at
 * a {@link ContainerCredentialsEndpoint}. The SDK calls it makes are recorded ({@code AwsCall}).
 */
final class LambdaLifecycle {
    static final SamTemplate TEMPLATE = SamTemplate.load();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int PARALLEL = Math.max(1, Math.min(2, Runtime.getRuntime().availableProcessors()));
    /** While working on one function: -Dlifecycle.only=PurchaseNumberFunction,... (the IAM test then checks those only). */
    private static final List<String> ONLY = List.of(System.getProperty("lifecycle.only", "").split(",")).stream()
            .filter(s -> !s.isBlank()).toList();
    private static Map<String, Run> runs;
    private static long elapsedMillis;

    /** One function's lifecycle: its output or error, its calls, its credentials grant. */
    record Run(SamTemplate.Function function, JsonNode output, String error, String errorPhase, List<AwsCall> calls,
               ContainerCredentialsEndpoint.Grant grant, Map<String, String> logicalIds, long millis, String log) {
        String describe() {
            return function.logicalId() + (error == null ? " answered " + output : " failed in " + errorPhase + ": " + error)
                    + "\ncalls:\n  " + String.join("\n  ", calls.stream().map(AwsCall::describe).toList())
                    + (log.isBlank() ? "" : "\nJVM output:\n" + log);
        }

        /** The logical id of the resource a physical name, ARN or URL the function was given belongs to. */
        String logicalId(String physical) {
            if (physical == null) {
                return null;
            }
            String exact = logicalIds.get(physical);
            if (exact != null) {
                return exact;
            }
            return logicalIds.entrySet().stream().filter(e -> physical.contains(e.getKey())).map(Map.Entry::getValue)
                    .findFirst().orElse(null);
        }
    }

    private LambdaLifecycle() {
    }

    static synchronized Map<String, Run> runs() throws Exception {
        if (runs == null) {
            long started = System.nanoTime();
            runs = runAll();
            elapsedMillis = (System.nanoTime() - started) / 1_000_000;
            System.out.printf("Lambda lifecycle: %d functions, a fresh JVM each (%d at a time), in %.1f s%n",
                    runs.size(), PARALLEL, elapsedMillis / 1000.0);
        }
        return runs;
    }

    private static Map<String, Run> runAll() throws Exception {
        Path jar = TEMPLATE.codeUri();
        if (!Files.exists(jar)) {
            throw new IllegalStateException("CodeUri jar " + jar + " missing: build it with ./mvnw package");
        }
        Path work = Files.createTempDirectory("lambda-lifecycle");
        try (AwsStandIns standIns = AwsStandIns.start(TEMPLATE);
             ContainerCredentialsEndpoint credentials = new ContainerCredentialsEndpoint()) {
            ExecutorService pool = Executors.newFixedThreadPool(PARALLEL);
            try {
                Map<String, Future<Run>> futures = new LinkedHashMap<>();
                for (SamTemplate.Function f : TEMPLATE.functions()) {
                    if (!ONLY.isEmpty() && !ONLY.contains(f.logicalId())) {
                        continue;
                    }
                    futures.put(f.logicalId(), pool.submit(() -> run(standIns.prepare(f), credentials, work)));
                }
                Map<String, Run> out = new LinkedHashMap<>();
                for (Map.Entry<String, Future<Run>> e : futures.entrySet()) {
                    out.put(e.getKey(), e.getValue().get(5, TimeUnit.MINUTES));
                }
                return Collections.unmodifiableMap(out);
            } finally {
                pool.shutdownNow();
            }
        }
    }

    private static Run run(AwsStandIns.Prepared prepared, ContainerCredentialsEndpoint credentials, Path work) throws Exception {
        SamTemplate.Function f = prepared.function();
        ContainerCredentialsEndpoint.Grant grant = credentials.grant(f.logicalId());
        Path calls = work.resolve(f.logicalId() + ".calls.jsonl");
        Path result = work.resolve(f.logicalId() + ".result.json");
        Path event = Files.writeString(work.resolve(f.logicalId() + ".event.json"), prepared.event());
        String javaCommand = ProcessHandle.current().info().command().orElse("java");
        List<String> cmd = new ArrayList<>(List.of(javaCommand, "-Xshare:auto", "--enable-native-access=ALL-UNNAMED",
                "-Dorg.crac.Core.Compat=com.amazonaws.services.lambda.crac", // as Lambda's java21 runtime starts the JVM
                "-Dlifecycle.calls=" + calls, "-cp", classpath(jar()), LifecycleDriver.class.getName(),
                f.handler(), event.toString(), result.toString()));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        Map<String, String> env = pb.environment();
        env.keySet().removeIf(k -> k.startsWith("AWS_")); // no access keys, profiles or regions from the machine
        env.putAll(prepared.environment());
        env.put("AWS_REGION", "us-east-1");
        env.put("AWS_DEFAULT_REGION", "us-east-1");
        env.put("AWS_LAMBDA_FUNCTION_NAME", f.logicalId());
        env.put("AWS_LAMBDA_FUNCTION_VERSION", "1");
        env.put("AWS_LAMBDA_INITIALIZATION_TYPE", "snap-start");
        env.put("AWS_CONTAINER_CREDENTIALS_FULL_URI", grant.uri());
        env.put("AWS_CONTAINER_AUTHORIZATION_TOKEN", grant.token());
        Map<String, String> logicalIds = prepared.logicalIds();

        long started = System.nanoTime();
        Process process = pb.start();
        String log;
        try (var in = process.getInputStream()) {
            log = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
        if (!process.waitFor(3, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new AssertionError(f.logicalId() + ": lifecycle JVM did not finish in 3 minutes\n" + log);
        }
        long millis = (System.nanoTime() - started) / 1_000_000;
        Files.writeString(work.resolve(f.logicalId() + ".log"), log);
        if (!Files.exists(result)) {
            return new Run(f, null, "the JVM wrote no result (exit " + process.exitValue() + ")", "start", List.of(), grant, logicalIds, millis, log);
        }
        JsonNode r = JSON.readTree(result.toFile());
        List<AwsCall> recorded = new ArrayList<>();
        if (Files.exists(calls)) {
            for (String line : Files.readAllLines(calls)) {
                recorded.add(AwsCall.fromJson(JSON.readTree(line)));
            }
        }
        return new Run(f, r.get("output"), r.path("error").asText(null), r.path("phase").asText(null), List.copyOf(recorded), grant,
                logicalIds, millis, log);
    }

    private static Path jar() {
        return TEMPLATE.codeUri();
    }

    /**
     * The Lambda jar first, then only what stands in for the Lambda runtime: the runtime interface
     * client (its CRaC context) and event serializers, this module's test classes (the driver and
     * the call recorder) and the folder that registers the recorder with the SDK.
     */
    private static String classpath(Path jar) {
        List<String> entries = List.of(jar.toAbsolutePath().toString(),
                location(com.amazonaws.services.lambda.crac.Core.class),
                location(LambdaEventSerializers.class),
                location(LifecycleDriver.class),
                TEMPLATE.root().resolve("functions/src/test/lifecycle-classpath").toString());
        return String.join(File.pathSeparator, entries);
    }

    private static String location(Class<?> type) {
        try {
            return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static long elapsedMillis() {
        return elapsedMillis;
    }
}
