package com.carrier.numbers.local.stepfunctions;

import com.carrier.numbers.port.Workflows;
import java.util.Map;

/**
 * The domain's {@link Workflows} port on the in-JVM engine: the template's state machines, started
 * by logical id ({@link Workflows.Machine#logicalId()}), idempotent by execution name.
 */
public final class LocalWorkflows implements Workflows {
    private final StepFunctionsEngine engine;
    private final Map<String, String> machineArns;

    /** @param machineArns template logical id -> the engine's state machine ARN */
    public LocalWorkflows(StepFunctionsEngine engine, Map<String, String> machineArns) {
        this.engine = engine;
        this.machineArns = Map.copyOf(machineArns);
    }

    public StepFunctionsEngine engine() {
        return engine;
    }

    public String machineArn(Machine machine) {
        String arn = machineArns.get(machine.logicalId());
        if (arn == null) {
            throw new IllegalStateException("template.yaml has no state machine " + machine.logicalId());
        }
        return arn;
    }

    public String executionArn(Machine machine, String executionName) {
        return StepFunctionsEngine.executionArn(machineArn(machine), executionName);
    }

    @Override
    public boolean start(Machine machine, String executionName, String inputJson) {
        return engine.startExecution(machineArn(machine), executionName, inputJson);
    }

    @Override
    public void stop(Machine machine, String executionName, String cause) {
        engine.stopExecution(executionArn(machine, executionName), "Stopped", cause);
    }

    @Override
    public void sendTaskSuccess(String taskToken, String outputJson) {
        try {
            engine.sendTaskSuccess(taskToken, outputJson);
        } catch (StepFunctionsEngine.TaskTokenException ignored) {
            // the port says: an expired or unknown token is ignored (the task already ended)
        }
    }

    @Override
    public void sendTaskFailure(String taskToken, String error, String cause) {
        try {
            engine.sendTaskFailure(taskToken, error, cause);
        } catch (StepFunctionsEngine.TaskTokenException ignored) {
            // as above
        }
    }
}
