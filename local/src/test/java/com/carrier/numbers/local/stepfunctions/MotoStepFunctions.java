package com.carrier.numbers.local.stepfunctions;

import com.carrier.numbers.local.stepfunctions.WorkflowScenario.Fails;
import com.carrier.numbers.local.stepfunctions.WorkflowScenario.Returns;
import com.carrier.numbers.local.stepfunctions.WorkflowScenario.TaskStep;
import com.carrier.numbers.local.stepfunctions.WorkflowScenario.WaitsForToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.jayway.jsonpath.JsonPath;
import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Assumptions;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;
import software.amazon.awssdk.services.sfn.model.HistoryEvent;

/**
 * Runs scenarios on moto 5.2.1's Step Functions (LocalStack's ASL interpreter) as a referee: one
 * {@code moto_server} per test class ({@link #start()}), reset and recreated per scenario (a second
 * StartExecution in one server fails, moto issue 10077).
 *
 * <p>moto's Lambda stand-in answers invocations from a FIFO queue of canned results, so the whole script
 * is queued before the start: a returned payload as is, a failure as the Lambda error document (the
 * launcher {@code stepfunctions/moto_launcher.py} adds the function-error header moto lacks), and a
 * {@code .waitForTaskToken} invocation as {@code {}}; the token is then read from the execution
 * history ({@code TaskScheduled} parameters) and answered by the script.
 *
 * <p>Requiredness: with {@code CI=true} in the environment a missing or failing moto fails the tests;
 * elsewhere they are skipped (JUnit assumption) with the reason.
 */
public final class MotoStepFunctions implements ScenarioRunner {
    private static final String ROLE = "arn:aws:iam::123456789012:role/scenario-role";

    private final Process process;
    private final URI endpoint;
    private final HttpClient http = HttpClient.newHttpClient();
    private final SfnClient sfn;

    private MotoStepFunctions(Process process, URI endpoint) {
        this.process = process;
        this.endpoint = endpoint;
        this.sfn = SfnClient.builder()
                .endpointOverride(endpoint)
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("scenario", "scenario")))
                .build();
    }

    public static boolean required() {
        return "true".equalsIgnoreCase(System.getenv("CI"));
    }

    /**
     * Starts moto_server on a free port. Without moto: fails under CI=true, else skips the calling test
     * class (an assumption) saying why.
     */
    public static MotoStepFunctions start() {
        try {
            return launch();
        } catch (Exception e) {
            String why = "moto_server (moto 5.2.1, python3 -m moto.server) is not available: " + e.getMessage();
            if (required()) {
                throw new IllegalStateException("CI=true requires the moto referee; " + why, e);
            }
            Assumptions.abort("Skipping the moto referee scenarios: " + why + " (set CI=true to make this a failure)");
            throw new AssertionError("unreachable");
        }
    }

    private static MotoStepFunctions launch() throws Exception {
        Path launcher = Files.createTempFile("moto_launcher", ".py");
        try (InputStream in = MotoStepFunctions.class.getClassLoader().getResourceAsStream("stepfunctions/moto_launcher.py")) {
            Files.write(launcher, in.readAllBytes());
        }
        launcher.toFile().deleteOnExit();
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        Path log = Files.createTempFile("moto_server", ".log");
        log.toFile().deleteOnExit();
        Process p = new ProcessBuilder(python(), launcher.toString(), "-H", "127.0.0.1", "-p", String.valueOf(port))
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        URI endpoint = URI.create("http://127.0.0.1:" + port);
        MotoStepFunctions moto = new MotoStepFunctions(p, endpoint);
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (true) {
            if (!p.isAlive()) {
                throw new IllegalStateException("moto_server exited " + p.exitValue() + ": " + Files.readString(log));
            }
            try {
                moto.post("/moto-api/reset", "");
                return moto;
            } catch (IOException notYet) {
                if (System.nanoTime() > deadline) {
                    moto.close();
                    throw new IllegalStateException("moto_server did not answer in 20 s: " + Files.readString(log));
                }
                Thread.sleep(100);
            }
        }
    }

    /** python3 with moto importable (pyenv shims put it on PATH here); MOTO_PYTHON overrides. */
    private static String python() throws Exception {
        String configured = System.getenv("MOTO_PYTHON");
        String python = configured != null ? configured : "python3";
        Process check = new ProcessBuilder(python, "-c", "import moto, sys; sys.stdout.write(moto.__version__)")
                .redirectErrorStream(true).start();
        String out = new String(check.getInputStream().readAllBytes()).trim();
        if (check.waitFor() != 0) {
            throw new IllegalStateException(python + " cannot import moto: " + out);
        }
        return python;
    }

    @Override
    public ScenarioResult run(WorkflowScenario scenario) throws Exception {
        post("/moto-api/reset", "");
        post("/moto-api/config", "{\"stepfunctions\":{\"execute_state_machine\":true},\"lambda\":{\"use_docker\":false}}");
        postForm("/", "Action=CreateRole&Version=2010-05-08&RoleName=scenario-role&AssumeRolePolicyDocument=%7B%7D");
        Map<String, String> arns = new HashMap<>();
        for (String fn : new HashSet<>(scenario.functions().values())) {
            ObjectNode create = AslPaths.JSON.createObjectNode();
            create.put("FunctionName", fn).put("Runtime", "java21").put("Role", ROLE).put("Handler", "scenario::handleRequest");
            create.putObject("Code").put("ZipFile", "UEsFBgAAAAAAAAAAAAAAAAAAAAAAAA=="); // an empty zip
            JsonNode created = AslPaths.JSON.readTree(post("/2015-03-31/functions", create.toString()));
            arns.put(fn, created.get("FunctionArn").asText());
        }
        String machine = sfn.createStateMachine(b -> b.name("scenario").roleArn(ROLE)
                .definition(scenario.definition(fn -> arns.getOrDefault(fn, TemplateStateMachines.functionArn(fn))))).stateMachineArn();

        ArrayNode results = AslPaths.JSON.createArrayNode();
        for (TaskStep step : scenario.script()) {
            results.add(switch (step) {
                case Returns r -> r.payload().toString();
                case Fails f -> {
                    ObjectNode doc = AslPaths.JSON.createObjectNode();
                    doc.put("errorType", f.errorType()).put("errorMessage", f.message()).putArray("stackTrace");
                    yield doc.toString();
                }
                case WaitsForToken w -> "{}";
            });
        }
        ObjectNode queue = AslPaths.JSON.createObjectNode();
        queue.set("results", results);
        queue.put("region", "us-east-1");
        post("/moto-api/static/lambda-simple/response", queue.toString());

        Map<String, String> resolved = new HashMap<>();
        String input = scenario.inputAt(java.time.Instant.now(), resolved);
        String execution = sfn.startExecution(b -> b.stateMachineArn(machine).name("scenario").input(input)).executionArn();
        Set<Integer> answered = new HashSet<>();
        long deadline = System.nanoTime() + Duration.ofSeconds(scenario.timeoutSeconds()).toNanos();
        boolean tokensToAnswer = scenario.script().stream().anyMatch(st -> st instanceof WaitsForToken w && w.answer() != null);
        while (true) {
            if (tokensToAnswer) {
                int call = 0;
                for (HistoryEvent e : history(execution)) {
                    if (e.taskScheduledEventDetails() == null) {
                        continue;
                    }
                    int index = call++;
                    if (index < scenario.script().size() && scenario.script().get(index) instanceof WaitsForToken w
                            && w.answer() != null && answered.add(index)) {
                        JsonNode payload = AslPaths.JSON.readTree(e.taskScheduledEventDetails().parameters()).path("Payload");
                        String token = JsonPath.read(payload.toString(), w.tokenPath());
                        switch (w.answer()) {
                            case WaitsForToken.Success s -> sfn.sendTaskSuccess(b -> b.taskToken(token).output(s.output().toString()));
                            case WaitsForToken.Failure f -> sfn.sendTaskFailure(b -> b.taskToken(token).error(f.error()).cause(f.cause()));
                        }
                    }
                }
            }
            var d = sfn.describeExecution(b -> b.executionArn(execution));
            if (d.status() != ExecutionStatus.RUNNING) {
                return result(history(execution), d.status(), d.output(), resolved);
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("moto: " + scenario.name() + " still RUNNING after " + scenario.timeoutSeconds() + " s: "
                        + result(history(execution), d.status(), null, resolved));
            }
            Thread.sleep(100);
        }
    }

    private ScenarioResult result(List<HistoryEvent> events, ExecutionStatus status, String output, Map<String, String> resolved)
            throws IOException {
        List<String> visited = new ArrayList<>();
        List<String> called = new ArrayList<>();
        String error = null;
        for (HistoryEvent e : events) {
            if (e.stateEnteredEventDetails() != null) {
                visited.add(e.stateEnteredEventDetails().name());
            }
            if (e.taskScheduledEventDetails() != null) {
                String fn = AslPaths.JSON.readTree(e.taskScheduledEventDetails().parameters()).path("FunctionName").asText();
                called.add(fn.substring(fn.lastIndexOf(':') + 1));
            }
            if (e.executionFailedEventDetails() != null) {
                error = e.executionFailedEventDetails().error();
            }
            if (e.executionTimedOutEventDetails() != null) {
                error = e.executionTimedOutEventDetails().error();
            }
        }
        return new ScenarioResult("moto", visited, called, WorkflowStatus.valueOf(status.toString()), error,
                output == null ? null : AslPaths.JSON.readTree(output), resolved);
    }

    private List<HistoryEvent> history(String execution) {
        List<HistoryEvent> all = new ArrayList<>();
        sfn.getExecutionHistoryPaginator(b -> b.executionArn(execution)).events().forEach(all::add);
        return all;
    }

    private String post(String path, String body) throws IOException, InterruptedException {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(endpoint.resolve(path))
                .header("Content-Type", "application/json")
                .header("Authorization", "AWS4-HMAC-SHA256 Credential=scenario/20260101/us-east-1/lambda/aws4_request, SignedHeaders=host, Signature=x")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() >= 300) {
            throw new IllegalStateException("moto " + path + " answered " + r.statusCode() + ": " + r.body());
        }
        return r.body();
    }

    private void postForm(String path, String form) throws IOException, InterruptedException {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(endpoint.resolve(path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Authorization", "AWS4-HMAC-SHA256 Credential=scenario/20260101/us-east-1/iam/aws4_request, SignedHeaders=host, Signature=x")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() >= 300) {
            throw new IllegalStateException("moto IAM " + form + " answered " + r.statusCode() + ": " + r.body());
        }
    }

    @Override
    public void close() {
        sfn.close();
        process.destroy();
        try {
            if (!process.waitFor(5, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
