package com.carrier.numbers.local.stepfunctions;

import com.carrier.numbers.local.stepfunctions.WorkflowScenario.Fails;
import com.carrier.numbers.local.stepfunctions.WorkflowScenario.Returns;
import com.carrier.numbers.local.stepfunctions.WorkflowScenario.TaskStep;
import com.carrier.numbers.local.stepfunctions.WorkflowScenario.WaitsForToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.jayway.jsonpath.JsonPath;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.HashMap;
import java.time.Instant;

/**
 * Runs scenarios on the in-JVM engine, in real time by default (scale 1) like moto; the script plays
 * the task functions in process.
 */
public final class LocalStepFunctions implements ScenarioRunner {
    private final double timeScale;

    public LocalStepFunctions() {
        this(1);
    }

    public LocalStepFunctions(double timeScale) {
        this.timeScale = timeScale;
    }

    @Override
    public ScenarioResult run(WorkflowScenario scenario) throws Exception {
        Deque<TaskStep> script = new ArrayDeque<>(scenario.script());
        List<String> called = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        StepFunctionsEngine[] engine = new StepFunctionsEngine[1];
        TaskFunctions functions = (arn, payload) -> {
            String function = arn.substring(arn.lastIndexOf(':') + 1);
            TaskStep step;
            synchronized (script) {
                called.add(function);
                step = script.poll();
            }
            if (step == null) {
                problems.add("unscripted call of " + function);
                throw new TaskFunctions.LambdaError("Harness.UnscriptedCall", function);
            }
            switch (step) {
                case Returns r -> {
                    return r.payload();
                }
                case Fails f -> throw new TaskFunctions.LambdaError(f.errorType(), f.message());
                case WaitsForToken w -> {
                    String token = JsonPath.read(payload.toString(), w.tokenPath());
                    if (w.answer() != null) {
                        Thread.startVirtualThread(() -> {
                            switch (w.answer()) {
                                case WaitsForToken.Success s -> engine[0].sendTaskSuccess(token, s.output().toString());
                                case WaitsForToken.Failure f -> engine[0].sendTaskFailure(token, f.error(), f.cause());
                            }
                        });
                    }
                    return AslPaths.JSON.createObjectNode();
                }
            }
        };
        try (StepFunctionsEngine e = new StepFunctionsEngine(functions, new WorkflowTime(timeScale))) {
            engine[0] = e;
            String machine = e.createStateMachine("scenario", scenario.definition(TemplateStateMachines::functionArn));
            Map<String, String> resolved = new HashMap<>();
            e.startExecution(machine, "scenario", scenario.inputAt(Instant.now(), resolved));
            var view = e.awaitEnd(StepFunctionsEngine.executionArn(machine, "scenario"), Duration.ofSeconds(scenario.timeoutSeconds()));
            if (view.status() == WorkflowStatus.RUNNING) {
                throw new AssertionError("local: " + scenario.name() + " still RUNNING after " + scenario.timeoutSeconds() + " s in "
                        + view.currentState() + " (visited " + view.visitedStates() + ")");
            }
            if (!problems.isEmpty() || !script.isEmpty()) {
                throw new AssertionError("local: " + scenario.name() + ": " + problems + (script.isEmpty() ? "" : " unused script " + script));
            }
            JsonNode output = view.output() == null ? null : AslPaths.JSON.readTree(view.output());
            return new ScenarioResult("local", view.visitedStates(), called, view.status(), view.error(), output, resolved);
        }
    }
}
