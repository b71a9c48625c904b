package com.carrier.numbers.local.stepfunctions;

import static org.assertj.core.api.Assertions.assertThat;

import com.carrier.numbers.local.stepfunctions.WorkflowScenario.TaskStep;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * statemachines/port-lifecycle.asl.json, as deployed, on both engines: the in-JVM one and moto's
 * (the referee). The tasks' answers are canned here (what each handler answers or throws in that
 * situation: PortSuperseded when the port moved on, CarrierUnavailable from the simulated carrier's
 * gateway); the handlers themselves run in the local runtime's end-to-end tests
 * ({@code PortWorkflowTest}). Each scenario also pins the expected path, so two engines agreeing on
 * a wrong answer still fail.
 */
class PortLifecycleScenariosTest extends BothEngines {
    static final String CARRIER_UNAVAILABLE = "com.carrier.numbers.port.CarrierUnavailable";
    static final String SUPERSEDED = "com.carrier.numbers.service.PortSuperseded";
    /** FOC and notice already past: the Wait states pass at once on both engines (moto runs in real time). */
    static final String SCHEDULE = "{\"foc_at\":\"2020-01-03T14:00:00Z\",\"cutover_notice_at\":\"2020-01-02T14:00:00Z\"}";

    static WorkflowScenario portLifecycle(int decisionTimeout) {
        return WorkflowScenario.of(Path.of("statemachines/port-lifecycle.asl.json"))
                .function("SubmitPortFunctionArn", "SubmitPortFunction")
                .function("AwaitCarrierFunctionArn", "AwaitCarrierFunction")
                .function("AuthorizePortFunctionArn", "AuthorizePortFunction")
                .function("NotifyCutoverFunctionArn", "NotifyCutoverFunction")
                .function("ActivatePortFunctionArn", "ActivatePortFunction")
                .function("FailPortFunctionArn", "FailPortFunction")
                .input("{\"port_id\":\"port_5c1d\",\"attempt\":1,\"decision_timeout_seconds\":" + decisionTimeout
                        + ",\"completion_timeout_seconds\":10}");
    }

    static final String[] HAPPY_PATH = {"SubmitToCarrier", "AwaitCarrierDecision", "Authorize", "WaitForCutoverNotice",
        "NotifyCutover", "WaitForFoc", "AwaitCarrierCompletion", "Activate", "Completed"};

    @Test
    void happyPath() throws Exception {
        var r = onBothEngines(portLifecycle(10)
                .task(TaskStep.returns("SubmitPortFunction", "{\"port_id\":\"port_5c1d\",\"submitted\":true}"))
                .task(TaskStep.waitsForToken("AwaitCarrierFunction", "$.task_token")
                        .thenSucceeds("{\"outcome\":\"authorized\",\"foc_date\":\"2020-01-03\"}"))
                .task(TaskStep.returns("AuthorizePortFunction", SCHEDULE))
                .task(TaskStep.returns("NotifyCutoverFunction", "{\"notified\":true}"))
                .task(TaskStep.waitsForToken("AwaitCarrierFunction", "$.task_token").thenSucceeds("{\"outcome\":\"completed\"}"))
                .task(TaskStep.returns("ActivatePortFunction", "{\"port_id\":\"port_5c1d\",\"status\":\"completed\"}")));
        assertThat(r.status()).isEqualTo(WorkflowStatus.SUCCEEDED);
        assertThat(r.visitedStates()).containsExactly(HAPPY_PATH);
        assertThat(r.calledFunctions()).containsExactly("SubmitPortFunction", "AwaitCarrierFunction", "AuthorizePortFunction",
                "NotifyCutoverFunction", "AwaitCarrierFunction", "ActivatePortFunction");
        assertThat(r.output().at("/schedule/foc_at").asText()).isEqualTo("2020-01-03T14:00:00Z");
        assertThat(r.output().at("/decision/outcome").asText()).isEqualTo("authorized");
        assertThat(r.output().at("/activation/status").asText()).isEqualTo("completed");
        assertThat(r.output().at("/port_id").asText()).as("the input is kept").isEqualTo("port_5c1d");
    }

    @Test
    void partialRejectionTakesTheSamePath() throws Exception {
        // one number rejected NUMBER_NOT_PORTABLE: the carrier still authorizes the others
        var r = onBothEngines(portLifecycle(10)
                .task(TaskStep.returns("SubmitPortFunction", "{\"submitted\":true}"))
                .task(TaskStep.waitsForToken("AwaitCarrierFunction", "$.task_token")
                        .thenSucceeds("{\"outcome\":\"authorized\",\"foc_date\":\"2020-01-03\"}"))
                .task(TaskStep.returns("AuthorizePortFunction", SCHEDULE))
                .task(TaskStep.returns("NotifyCutoverFunction", "{\"notified\":true}"))
                .task(TaskStep.waitsForToken("AwaitCarrierFunction", "$.task_token").thenSucceeds("{\"outcome\":\"completed\"}"))
                .task(TaskStep.returns("ActivatePortFunction", "{\"status\":\"completed\"}")));
        assertThat(r.visitedStates()).containsExactly(HAPPY_PATH);
    }

    @Test
    void rejectionFailsThePort() throws Exception {
        var r = onBothEngines(portLifecycle(10)
                .task(TaskStep.returns("SubmitPortFunction", "{\"submitted\":true}"))
                .task(TaskStep.waitsForToken("AwaitCarrierFunction", "$.task_token").thenFails("PortRejected", "ENTITY_NAME_MISMATCH"))
                .task(TaskStep.returns("FailPortFunction", "{\"status\":\"failed\",\"reason\":\"ENTITY_NAME_MISMATCH\"}")));
        assertThat(r.status()).isEqualTo(WorkflowStatus.FAILED);
        assertThat(r.error()).isEqualTo("PortFailed");
        assertThat(r.visitedStates()).containsExactly("SubmitToCarrier", "AwaitCarrierDecision", "FailPort", "Failed");
        assertThat(r.calledFunctions()).endsWith("FailPortFunction");
    }

    @Test
    void timeoutFailsThePort() throws Exception {
        var r = onBothEngines(portLifecycle(1)
                .task(TaskStep.returns("SubmitPortFunction", "{\"submitted\":true}"))
                .task(TaskStep.waitsForToken("AwaitCarrierFunction", "$.task_token").thenNothing())
                .task(TaskStep.returns("FailPortFunction", "{\"status\":\"failed\",\"reason\":\"CARRIER_TIMEOUT\"}")));
        assertThat(r.visitedStates()).containsExactly("SubmitToCarrier", "AwaitCarrierDecision", "FailPort", "Failed");
        assertThat(r.status()).isEqualTo(WorkflowStatus.FAILED);
    }

    @Test
    void transientSubmitErrorsAreRetried() throws Exception { // the 997 carrier
        var r = onBothEngines(portLifecycle(10)
                .task(TaskStep.fails("SubmitPortFunction", CARRIER_UNAVAILABLE, "gateway unavailable (1)"))
                .task(TaskStep.fails("SubmitPortFunction", CARRIER_UNAVAILABLE, "gateway unavailable (2)"))
                .task(TaskStep.returns("SubmitPortFunction", "{\"submitted\":true}"))
                .task(TaskStep.waitsForToken("AwaitCarrierFunction", "$.task_token").thenFails("PortRejected", "PIN_INVALID"))
                .task(TaskStep.returns("FailPortFunction", "{\"status\":\"failed\",\"reason\":\"PIN_INVALID\"}")));
        assertThat(r.calledFunctions()).startsWith("SubmitPortFunction", "SubmitPortFunction", "SubmitPortFunction", "AwaitCarrierFunction");
        assertThat(r.visitedStates()).startsWith("SubmitToCarrier", "AwaitCarrierDecision");
    }

    @Test
    void aGatewayThatStaysDownFailsThePort() throws Exception {
        var r = onBothEngines(portLifecycle(10)
                .task(TaskStep.fails("SubmitPortFunction", CARRIER_UNAVAILABLE, "down"))
                .task(TaskStep.fails("SubmitPortFunction", CARRIER_UNAVAILABLE, "down"))
                .task(TaskStep.fails("SubmitPortFunction", CARRIER_UNAVAILABLE, "down"))
                .task(TaskStep.fails("SubmitPortFunction", CARRIER_UNAVAILABLE, "down"))
                .task(TaskStep.returns("FailPortFunction", "{\"status\":\"failed\",\"reason\":\"SUBMISSION_FAILED\"}"))
                .timeoutSeconds(60));
        // the first try and 3 retries (1 + 2 + 4 s apart), then the Catch
        assertThat(r.calledFunctions()).containsExactly("SubmitPortFunction", "SubmitPortFunction", "SubmitPortFunction",
                "SubmitPortFunction", "FailPortFunction");
        assertThat(r.visitedStates()).containsExactly("SubmitToCarrier", "FailPort", "Failed");
        assertThat(r.error()).isEqualTo("PortFailed");
    }

    @Test
    void aCancelWhilePendingEndsTheStaleExecutionQuietly() throws Exception {
        // Cancelled while waiting for the decision: the cancel stopped the execution (moto's StopExecution
        // does not, so here it runs on); the carrier's late answer changes nothing and sends no token;
        // the wait times out and the failure step finds the port cancelled: PortSuperseded, nothing changed.
        var r = onBothEngines(portLifecycle(1)
                .task(TaskStep.returns("SubmitPortFunction", "{\"submitted\":true}"))
                .task(TaskStep.waitsForToken("AwaitCarrierFunction", "$.task_token").thenNothing())
                .task(TaskStep.fails("FailPortFunction", SUPERSEDED, "port port_5c1d is cancelled; FAIL does not apply")));
        assertThat(r.status()).isEqualTo(WorkflowStatus.SUCCEEDED);
        assertThat(r.visitedStates()).containsExactly("SubmitToCarrier", "AwaitCarrierDecision", "FailPort", "Superseded");
    }

    @Test
    void anOldAttemptAfterACorrectionEndsQuietly() throws Exception {
        // attempt 1 failed and was corrected (attempt 2 runs): a late step of attempt 1 finds the port on another attempt
        var r = onBothEngines(portLifecycle(10)
                .task(TaskStep.returns("SubmitPortFunction", "{\"submitted\":true}"))
                .task(TaskStep.waitsForToken("AwaitCarrierFunction", "$.task_token")
                        .thenSucceeds("{\"outcome\":\"authorized\",\"foc_date\":\"2020-01-03\"}"))
                .task(TaskStep.fails("AuthorizePortFunction", SUPERSEDED, "port port_5c1d is on attempt 2, not 1")));
        assertThat(r.visitedStates()).containsExactly("SubmitToCarrier", "AwaitCarrierDecision", "Authorize", "Superseded");
        assertThat(r.status()).isEqualTo(WorkflowStatus.SUCCEEDED);
    }
}
