package com.carrier.numbers.local.stepfunctions;

import static org.assertj.core.api.Assertions.assertThat;

import com.carrier.numbers.local.stepfunctions.WorkflowScenario.TaskStep;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The harness's own scenarios over a small test definition, on both engines: the in-JVM one and
 * moto's (the referee). Each asserts the expected path too, so two engines agreeing on a wrong
 * answer would still fail.
 */
class WorkflowScenariosTest extends BothEngines {
    private static final String TRANSIENT = "com.example.orders.TransientCarrierException";

    private static WorkflowScenario scenario(double waitSeconds, int decisionTimeout) {
        String notBefore = "{{now+" + waitSeconds + "}}";
        return WorkflowScenario.ofResource("stepfunctions/scenario-order.asl.json")
                .function("SubmitFunctionArn", "SubmitOrderFunction")
                .function("DecideFunctionArn", "DecideOrderFunction")
                .input("{\"order\":{\"id\":\"o-1\",\"customer\":\"acme\",\"quantity\":2,\"not_before\":\"" + notBefore
                        + "\",\"decision_timeout\":" + decisionTimeout + "}}");
    }

    @Test
    void transientSubmitErrorIsRetriedThenWaitsForTheTimestampAndTheDecisionArrivesByToken() throws Exception {
        var result = onBothEngines(scenario(1.0, 10)
                .task(TaskStep.fails("SubmitOrderFunction", TRANSIENT, "carrier busy"))
                .task(TaskStep.returns("SubmitOrderFunction", "{\"reference\":\"R-77\"}"))
                .task(TaskStep.waitsForToken("DecideOrderFunction", "$.task_token").thenSucceeds("{\"approved\":true}")));

        assertThat(result.status()).isEqualTo(WorkflowStatus.SUCCEEDED);
        assertThat(result.visitedStates()).containsExactly("Prepare", "Submit", "WaitForSchedule", "Decide", "Route", "Approved", "Done");
        assertThat(result.calledFunctions()).containsExactly("SubmitOrderFunction", "SubmitOrderFunction", "DecideOrderFunction");
        assertThat(result.output().at("/prepared/label").asText()).isEqualTo("order o-1 of acme");
        assertThat(result.output().at("/prepared/count").asInt()).isEqualTo(3);
        assertThat(result.output().at("/submitted/reference").asText()).isEqualTo("R-77");
        assertThat(result.output().at("/submitted/status").asInt()).isEqualTo(200);
        assertThat(result.output().at("/outcome").asText()).isEqualTo("approved");
    }

    @Test
    void aTaskFailureBeyondItsRetriesIsCaught() throws Exception {
        var result = onBothEngines(scenario(0.5, 10)
                .task(TaskStep.fails("SubmitOrderFunction", TRANSIENT, "busy"))
                .task(TaskStep.fails("SubmitOrderFunction", TRANSIENT, "busy"))
                .task(TaskStep.fails("SubmitOrderFunction", TRANSIENT, "still busy")));

        assertThat(result.visitedStates()).containsExactly("Prepare", "Submit", "Failed", "Done");
        assertThat(result.calledFunctions()).hasSize(3); // first try + MaxAttempts 2
        assertThat(result.output().at("/failure/Error").asText()).isEqualTo(TRANSIENT);
        assertThat(result.output().at("/outcome").asText()).isEqualTo("failed");
    }

    @Test
    void anErrorNoRetrierMatchesGoesStraightToCatch() throws Exception {
        var result = onBothEngines(scenario(0.5, 10)
                .task(TaskStep.fails("SubmitOrderFunction", "java.lang.IllegalArgumentException", "bad order")));

        assertThat(result.calledFunctions()).containsExactly("SubmitOrderFunction");
        assertThat(result.output().at("/failure/Error").asText()).isEqualTo("java.lang.IllegalArgumentException");
    }

    @Test
    void aDecisionFailureSentByTokenIsCaughtAndANegativeOneFailsTheExecution() throws Exception {
        var rejected = onBothEngines(scenario(0.2, 10)
                .task(TaskStep.returns("SubmitOrderFunction", "{\"reference\":\"R-1\"}"))
                .task(TaskStep.waitsForToken("DecideOrderFunction", "$.task_token").thenFails("Carrier.Rejected", "NAME_MISMATCH")));
        assertThat(rejected.visitedStates()).endsWith("Decide", "Failed", "Done");
        assertThat(rejected.output().at("/failure/Error").asText()).isEqualTo("Carrier.Rejected");

        var declined = onBothEngines(scenario(0.2, 10)
                .task(TaskStep.returns("SubmitOrderFunction", "{\"reference\":\"R-2\"}"))
                .task(TaskStep.waitsForToken("DecideOrderFunction", "$.task_token").thenSucceeds("{\"approved\":false}")));
        assertThat(declined.status()).isEqualTo(WorkflowStatus.FAILED);
        assertThat(declined.error()).isEqualTo("OrderDeclined");
        assertThat(declined.visitedStates()).endsWith("Route", "Declined");
    }

    @Test
    void aDecisionThatNeverComesTimesOut() throws Exception {
        var result = onBothEngines(scenario(0.2, 1)
                .task(TaskStep.returns("SubmitOrderFunction", "{\"reference\":\"R-3\"}"))
                .task(TaskStep.waitsForToken("DecideOrderFunction", "$.task_token").thenNothing()));

        assertThat(result.visitedStates()).containsExactly("Prepare", "Submit", "WaitForSchedule", "Decide", "TimedOut", "Done");
        assertThat(result.output().at("/failure/Error").asText()).isEqualTo("States.Timeout");
        assertThat(result.output().at("/outcome").asText()).isEqualTo("timed out");
        assertThat(List.of(result.status())).containsExactly(WorkflowStatus.SUCCEEDED);
    }
}
