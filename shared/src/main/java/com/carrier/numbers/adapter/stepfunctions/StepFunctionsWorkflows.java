package com.carrier.numbers.adapter.stepfunctions;

import com.carrier.numbers.Env;
import com.carrier.numbers.port.Workflows;
import java.util.EnumMap;
import java.util.Map;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.ExecutionAlreadyExistsException;
import software.amazon.awssdk.services.sfn.model.ExecutionDoesNotExistException;
import software.amazon.awssdk.services.sfn.model.InvalidTokenException;
import software.amazon.awssdk.services.sfn.model.TaskDoesNotExistException;
import software.amazon.awssdk.services.sfn.model.TaskTimedOutException;

/**
 * {@link Workflows} on AWS Step Functions. The state machines' ARNs come from the functions'
 * environment (template.yaml sets {@code <MACHINE>_STATE_MACHINE_ARN} on the functions that start or
 * stop them). An execution is stopped by its ARN, derived from the machine's ARN and the execution
 * name ({@code arn:...:stateMachine:M} -> {@code arn:...:execution:M:name}), so no lookup is needed.
 */
public final class StepFunctionsWorkflows implements Workflows {
    private final SfnClient sfn;
    private final Map<Machine, String> arns;

    public StepFunctionsWorkflows(SfnClient sfn, Map<Machine, String> arns) {
        this.sfn = sfn;
        this.arns = new EnumMap<>(Machine.class);
        this.arns.putAll(arns);
    }

    /** The ARNs the environment names (machines this function does not use are left out). */
    public static StepFunctionsWorkflows fromEnvironment(SfnClient sfn) {
        Map<Machine, String> arns = new EnumMap<>(Machine.class);
        for (Machine m : Machine.values()) {
            String arn = Env.get(m.environmentName(), null);
            if (arn != null) {
                arns.put(m, arn);
            }
        }
        return new StepFunctionsWorkflows(sfn, arns);
    }

    private String arn(Machine machine) {
        String arn = arns.get(machine);
        if (arn == null) {
            throw new IllegalStateException(machine.environmentName() + " is not set for this function");
        }
        return arn;
    }

    /** arn:aws:states:region:account:stateMachine:name -> arn:aws:states:region:account:execution:name:executionName */
    static String executionArn(String stateMachineArn, String executionName) {
        return stateMachineArn.replaceFirst(":stateMachine:", ":execution:") + ":" + executionName;
    }

    /**
     * Step Functions answers a repeated start of a running execution with the same input as a success
     * (it starts nothing); a closed one or another input is ExecutionAlreadyExists: false here.
     */
    @Override
    public boolean start(Machine machine, String executionName, String inputJson) {
        try {
            sfn.startExecution(b -> b.stateMachineArn(arn(machine)).name(executionName).input(inputJson));
            return true;
        } catch (ExecutionAlreadyExistsException e) {
            return false;
        }
    }

    @Override
    public void stop(Machine machine, String executionName, String cause) {
        try {
            sfn.stopExecution(b -> b.executionArn(executionArn(arn(machine), executionName)).cause(cause));
        } catch (ExecutionDoesNotExistException e) {
            // never started, or long gone: nothing to stop
        }
    }

    @Override
    public void sendTaskSuccess(String taskToken, String outputJson) {
        try {
            sfn.sendTaskSuccess(b -> b.taskToken(taskToken).output(outputJson));
        } catch (TaskDoesNotExistException | TaskTimedOutException | InvalidTokenException e) {
            // the execution stopped or the wait timed out: the answer is moot
        }
    }

    @Override
    public void sendTaskFailure(String taskToken, String error, String cause) {
        try {
            sfn.sendTaskFailure(b -> b.taskToken(taskToken).error(error).cause(cause));
        } catch (TaskDoesNotExistException | TaskTimedOutException | InvalidTokenException e) {
            // as above
        }
    }
}
