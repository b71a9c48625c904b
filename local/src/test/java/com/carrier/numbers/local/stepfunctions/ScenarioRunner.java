package com.carrier.numbers.local.stepfunctions;

/** An engine that runs {@link WorkflowScenario}s. */
public interface ScenarioRunner extends AutoCloseable {
    ScenarioResult run(WorkflowScenario scenario) throws Exception;

    @Override
    default void close() {
    }
}
