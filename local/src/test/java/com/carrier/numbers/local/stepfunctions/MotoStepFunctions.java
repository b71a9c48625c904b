package com.carrier.numbers.local.stepfunctions;

import com.carrier.numbers.testing.MotoServer;
import com.carrier.numbers.local.stepfunctions.WorkflowScenario.Fails;
import com.carrier.numbers.local.stepfunctions.WorkflowScenario.Returns;
import com.carrier.numbers.local.stepfunctions.WorkflowScenario.TaskStep;
import com.carrier.numbers.local.stepfunctions.WorkflowScenario.WaitsForToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.jayway.jsonpath.JsonPath;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
 * launcher {@code moto/moto_launcher.py} of {@link MotoServer} adds the function-error header moto lacks), and a
 * {@code .waitForTaskToken} invocation as {@code {}}; the token is then read from the execution
 * history ({@code TaskScheduled} parameters) and answered by the script.
 *
 * <p>Requiredness: with {@code CI=true} in the environment a missing or failing moto fails the tests;
 * elsewhere they are skipped (JUnit assumption) with the reason.
 */
public final class MotoStepFunctions implements ScenarioRunner {
    private static final String ROLE = "arn:aws:iam::123456789012:role/scenario-role";

    private final MotoServer moto;
    private final URI endpoint;
    private final SfnClient sfn;

    private MotoStepFunctions(MotoServer moto) {
        this.moto = moto;
        this.endpoint = moto.endpoint;
        this.sfn = SfnClient.builder()
                .endpointOverride(endpoint)
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("scenario", "scenario")))
                .build();
    }

    public static boolean required() {
        return MotoServer.required();
    }

    /**
     * Starts moto_server on a free port. Without moto: fails under CI=true, else skips the calling test
     * class (an assumption) saying why.
     */
    public static MotoStepFunctions start() {
        return new MotoStepFunctions(MotoServer.startOrSkip());
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
        return moto.post(path, "application/json", body, "lambda");
    }

    private void postForm(String path, String form) throws IOException, InterruptedException {
        moto.post(path, "application/x-www-form-urlencoded", form, "iam");
    }

    @Override
    public void close() {
        sfn.close();
        moto.close();
    }
}
