package com.carrier.numbers.local.stepfunctions;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A workflow scenario that runs on two engines, the in-JVM one ({@link LocalStepFunctions}) and moto's
 * ({@link MotoStepFunctions}), which must visit the same states and end with the same status and output.
 *
 * <p>A scenario is an ASL file (from {@code statemachines/} or test resources), its
 * {@code DefinitionSubstitutions} (a function substitution is replaced by a function ARN on each engine),
 * an input, and a script of the task invocations in call order: each one names the function the
 * definition must call and says what it answers.
 * <pre>{@code
 * WorkflowScenario.of(Path.of("statemachines/port-lifecycle.asl.json"))
 *     .function("SubmitPortFunctionArn", "SubmitPortFunction")   // ${SubmitPortFunctionArn} -> that function
 *     .substitution("Something", "plain value")
 *     .input("{\"port_id\":\"p1\",\"foc_at\":\"{{now+2}}\",\"decision_timeout\":3}")
 *     .task(TaskStep.fails("SubmitPortFunction", "com.carrier.numbers.CarrierUnavailableException", "busy"))
 *     .task(TaskStep.returns("SubmitPortFunction", "{\"submitted\":true}"))
 *     .task(TaskStep.waitsForToken("AwaitDecisionFunction", "$.task_token").thenSucceeds("{\"foc\":\"...\"}"))
 *     .task(TaskStep.waitsForToken("AwaitCompletionFunction", "$.task_token").thenNothing()) // -> States.Timeout
 * }</pre>
 *
 * <p><b>Time.</b> moto runs in real time, so scenarios wait seconds, not days: a definition whose waits
 * and timeouts are meant to be exercised here must take them from the input ({@code Wait} with
 * {@code TimestampPath} or {@code SecondsPath}, {@code TimeoutSecondsPath}, {@code HeartbeatSecondsPath}),
 * and the scenario input gives timestamps a second or two ahead ({@code "{{now+1.5}}"} in the input is
 * replaced by the instant 1.5 s after each engine's start) and timeouts of a few seconds. A fixed
 * {@code Seconds: 86400} or {@code TimeoutSeconds: 604800} cannot be run on moto.
 *
 * <p><b>What is compared</b> ({@link ScenarioResult#comparable()}): the visited states in order, the
 * functions called in order, the status, the error name, and the output with two moto differences
 * removed: the {@code Cause} of a caught error (moto passes {@code null} for a SendTaskFailure cause), and
 * the {@code SdkHttpMetadata}/{@code SdkResponseMetadata}/{@code ExecutedVersion} of a whole
 * {@code lambda:invoke} result (moto gives only {@code StatusCode} and {@code Payload}). Keep facts that
 * matter out of the Cause (the domain keeps the carrier's reason on the port item anyway).
 *
 * <p><b>Task errors.</b> A {@link TaskStep#fails} answer is what Lambda reports for a Java handler that
 * throws: Error = the exception's fully qualified class name (see {@link StepFunctionsEngine}).
 * <b>Stop.</b> moto's StopExecution leaves the execution RUNNING, so stop is not a scenario step; it is
 * tested on the local engine alone.
 */
public final class WorkflowScenario {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String name;
    private final String definition;
    private final Map<String, String> functionSubstitutions = new LinkedHashMap<>();
    private final Map<String, String> plainSubstitutions = new LinkedHashMap<>();
    private String input = "{}";
    private final List<TaskStep> script = new ArrayList<>();
    private int timeoutSeconds = 30;

    private WorkflowScenario(String name, String definition) {
        this.name = name;
        this.definition = definition;
    }

    /** A scenario over an ASL file (e.g. {@code statemachines/port-lifecycle.asl.json}, relative to the repository root or absolute). */
    public static WorkflowScenario of(Path aslFile) {
        Path file = aslFile.isAbsolute() || Files.exists(aslFile) ? aslFile : repositoryRoot().resolve(aslFile);
        try {
            return new WorkflowScenario(file.getFileName().toString(), Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A scenario over a test resource, e.g. {@code stepfunctions/scenario-machine.asl.json}. */
    public static WorkflowScenario ofResource(String resource) {
        try (var in = WorkflowScenario.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no test resource " + resource);
            }
            return new WorkflowScenario(resource, new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code ${key}} becomes the ARN of a function named {@code functionName} on each engine. */
    public WorkflowScenario function(String key, String functionName) {
        functionSubstitutions.put(key, functionName);
        return this;
    }

    public WorkflowScenario substitution(String key, String value) {
        plainSubstitutions.put(key, value);
        return this;
    }

    public WorkflowScenario input(String json) {
        this.input = json;
        return this;
    }

    public WorkflowScenario task(TaskStep step) {
        script.add(step);
        return this;
    }

    /** How long a run may take before the harness gives up (real seconds; default 30). */
    public WorkflowScenario timeoutSeconds(int seconds) {
        this.timeoutSeconds = seconds;
        return this;
    }

    public String name() {
        return name;
    }

    public String input() {
        return input;
    }

    private static final java.util.regex.Pattern NOW = java.util.regex.Pattern.compile("\\{\\{now([+-]\\d+(?:\\.\\d+)?)?}}");

    /**
     * The input for a run starting at {@code now}: every {@code {{now+N}}} (N seconds, fractions allowed)
     * becomes the ISO-8601 instant N seconds after {@code now}; {@code resolved} collects instant -> placeholder
     * so that results compare equal across engines ({@link ScenarioResult#comparable()}).
     */
    public String inputAt(Instant now, Map<String, String> resolved) {
        java.util.regex.Matcher m = NOW.matcher(input);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            double seconds = m.group(1) == null ? 0 : Double.parseDouble(m.group(1));
            String at = now.plusMillis(Math.round(seconds * 1000)).toString();
            resolved.put(at, m.group());
            m.appendReplacement(out, java.util.regex.Matcher.quoteReplacement(at));
        }
        m.appendTail(out);
        return out.toString();
    }

    public List<TaskStep> script() {
        return List.copyOf(script);
    }

    public int timeoutSeconds() {
        return timeoutSeconds;
    }

    public Map<String, String> functions() {
        return Map.copyOf(functionSubstitutions);
    }

    /** The definition with the substitutions applied; {@code functionArn} gives each engine's ARN for a function name. */
    public String definition(java.util.function.Function<String, String> functionArn) {
        Map<String, String> subs = new LinkedHashMap<>(plainSubstitutions);
        functionSubstitutions.forEach((k, fn) -> subs.put(k, functionArn.apply(fn)));
        return TemplateStateMachines.substitute(definition, subs, name);
    }

    static JsonNode json(String s) {
        try {
            return JSON.readTree(s);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path repositoryRoot() {
        Path p = Path.of("").toAbsolutePath();
        while (p != null && !Files.exists(p.resolve("template.yaml"))) {
            p = p.getParent();
        }
        if (p == null) {
            throw new IllegalStateException("no template.yaml above " + Path.of("").toAbsolutePath());
        }
        return p;
    }

    /** One task invocation of the script, in call order. */
    public sealed interface TaskStep {
        /** The function the definition must invoke at this point of the script. */
        String function();

        /** The function answers this JSON (the {@code Payload} of a lambda:invoke result). */
        static TaskStep returns(String function, String payloadJson) {
            return new Returns(function, json(payloadJson));
        }

        /** The function throws: Lambda reports errorType (a Java exception's fully qualified class name) and message. */
        static TaskStep fails(String function, String errorType, String message) {
            return new Fails(function, errorType, message);
        }

        /** A {@code .waitForTaskToken} task: the token is read from the invocation payload at {@code tokenPath}. */
        static WaitsForToken.Builder waitsForToken(String function, String tokenPath) {
            return new WaitsForToken.Builder(function, tokenPath);
        }
    }

    public record Returns(String function, JsonNode payload) implements TaskStep {
    }

    public record Fails(String function, String errorType, String message) implements TaskStep {
    }

    /** {@code answer} null = never answered (the task's TimeoutSeconds decides). */
    public record WaitsForToken(String function, String tokenPath, Answer answer) implements TaskStep {
        public sealed interface Answer {
        }

        public record Success(JsonNode output) implements Answer {
        }

        public record Failure(String error, String cause) implements Answer {
        }

        public record Builder(String function, String tokenPath) {
            public WaitsForToken thenSucceeds(String outputJson) {
                return new WaitsForToken(function, tokenPath, new Success(json(outputJson)));
            }

            public WaitsForToken thenFails(String error, String cause) {
                return new WaitsForToken(function, tokenPath, new Failure(error, cause));
            }

            public WaitsForToken thenNothing() {
                return new WaitsForToken(function, tokenPath, null);
            }
        }
    }
}
