package com.carrier.numbers.port;

/**
 * The long-running lifecycles (DESIGN.md section 5), as the domain sees them: start an execution
 * of one of the platform's state machines, stop it, and answer a task that waits for a callback.
 * On AWS the adapter is Step Functions; locally an in-JVM engine runs the very same ASL files.
 *
 * <p>Execution names are derived by the caller from the change that starts them (a port id and its
 * attempt, a number and its release), so a repeated start is recognised and starts nothing twice.
 */
public interface Workflows {

    /** The platform's state machines; the template's logical ids and the functions' environment names. */
    enum Machine {
        PORT_LIFECYCLE("PortLifecycleStateMachine", "PORT_LIFECYCLE_STATE_MACHINE_ARN"),
        NUMBER_AGING("NumberAgingStateMachine", "NUMBER_AGING_STATE_MACHINE_ARN"),
        NUMBER_COOLOFF("NumberCoolOffStateMachine", "NUMBER_COOLOFF_STATE_MACHINE_ARN"),
        /** The simulated losing carrier's delays and signed callbacks (DESIGN.md section 5). */
        CARRIER_SIMULATOR("CarrierSimulatorStateMachine", "CARRIER_SIMULATOR_STATE_MACHINE_ARN");

        private final String logicalId;
        private final String environmentName;

        Machine(String logicalId, String environmentName) {
            this.logicalId = logicalId;
            this.environmentName = environmentName;
        }

        public String logicalId() {
            return logicalId;
        }

        public String environmentName() {
            return environmentName;
        }
    }

    /**
     * Starts an execution named {@code executionName} with a JSON input.
     *
     * @return false if an execution of that name already exists (nothing new was started)
     */
    boolean start(Machine machine, String executionName, String inputJson);

    /** Stops the named execution if it still runs; a finished or unknown one is left alone. */
    void stop(Machine machine, String executionName, String cause);

    /** Completes a {@code .waitForTaskToken} task with a JSON output. An expired or unknown token is ignored. */
    void sendTaskSuccess(String taskToken, String outputJson);

    /** Fails a {@code .waitForTaskToken} task; the error name is what the definition's Catch matches. */
    void sendTaskFailure(String taskToken, String error, String cause);
}
