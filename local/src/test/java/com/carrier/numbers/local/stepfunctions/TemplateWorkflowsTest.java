package com.carrier.numbers.local.stepfunctions;

import static com.carrier.numbers.local.stepfunctions.EngineFixture.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.carrier.numbers.local.stepfunctions.testtasks.NotifyTask;
import com.carrier.numbers.port.Workflows.Machine;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The template's state machines as the local runtime runs them: substitutions resolved, the
 * template's handlers invoked in process (input through the Lambda serializers), exception class
 * names as error names, and the domain's Workflows port on top.
 */
class TemplateWorkflowsTest {
    private StepFunctionsEngine engine;
    private LocalWorkflows workflows;

    @BeforeEach
    void start() throws Exception {
        Path template = Path.of(TemplateWorkflowsTest.class.getResource("/stepfunctions/workflow-template.yaml").toURI());
        TemplateStateMachines machines = TemplateStateMachines.read(template);
        engine = new StepFunctionsEngine(new TemplateTaskFunctions(machines.functions(), getClass().getClassLoader()),
                new WorkflowTime(1000));
        Map<String, String> arns = new LinkedHashMap<>();
        machines.machines().values().forEach(m -> arns.put(m.logicalId(), engine.createStateMachine(m.logicalId(), m.definitionJson())));
        workflows = new LocalWorkflows(engine, arns);
    }

    @AfterEach
    void stop() {
        engine.close();
    }

    private String awaitToken(String port) throws InterruptedException {
        for (int i = 0; i < 2000 && !NotifyTask.TOKENS.containsKey(port); i++) {
            Thread.sleep(5);
        }
        return NotifyTask.TOKENS.remove(port);
    }

    @Test
    void substitutionsOfEveryKindAreResolved() {
        String definition = TemplateStateMachines.read(Path.of(getClass().getResource("/stepfunctions/workflow-template.yaml").getPath()))
                .machines().get("PortLifecycleStateMachine").definitionJson();
        assertThat(definition)
                .contains("\"FunctionName\": \"arn:aws:lambda:us-east-1:123456789012:function:SubmitTaskFunction\"")
                .contains("\"Resource\": \"arn:aws:lambda:us-east-1:123456789012:function:SubmitTaskFunction:live\"")
                .contains("\"FunctionName\": \"NotifyTaskFunction\"")
                .contains("\"mode\": \"simulated\"", "\"region\": \"us-east-1\"", "\"label\": \"plain text\"")
                .doesNotContain("${");
    }

    @Test
    void handlersRunInProcessAndTheTokenCompletesThroughTheWorkflowsPort() throws Exception {
        assertThat(workflows.start(Machine.PORT_LIFECYCLE, "port-p1-1", "{\"port\":\"p1\",\"fail\":\"no\"}")).isTrue();
        assertThat(workflows.start(Machine.PORT_LIFECYCLE, "port-p1-1", "{\"port\":\"p1\",\"fail\":\"no\"}")).isFalse();
        String token = awaitToken("p1");
        assertThat(token).isNotBlank();
        workflows.sendTaskSuccess(token, "{\"authorized\":true}");
        workflows.sendTaskSuccess(token, "{\"authorized\":false}"); // a duplicate callback is ignored
        workflows.sendTaskSuccess("unknown", "{}");
        var v = engine.awaitEnd(workflows.executionArn(Machine.PORT_LIFECYCLE, "port-p1-1"), Duration.ofSeconds(10));
        assertThat(v.status()).isEqualTo(WorkflowStatus.SUCCEEDED);
        var out = json(v.output());
        assertThat(out.get("submit")).isEqualTo(json("{\"submitted\":\"p1\",\"function\":\"SubmitTaskFunction\"}"));
        assertThat(out.at("/again/submitted").asText()).isEqualTo("p1");
        assertThat(out.get("decision")).isEqualTo(json("{\"authorized\":true}"));
    }

    @Test
    void aThrownExceptionIsReportedByItsFullyQualifiedClassName() throws Exception {
        workflows.start(Machine.PORT_LIFECYCLE, "port-p2-1", "{\"port\":\"p2\",\"fail\":\"bug\"}");
        var v = engine.awaitEnd(workflows.executionArn(Machine.PORT_LIFECYCLE, "port-p2-1"), Duration.ofSeconds(10));
        assertThat(v.visitedStates()).containsExactly("Describe", "Submit", "Bug");
        assertThat(v.error()).isEqualTo("java.lang.IllegalStateException");
        assertThat(json(v.cause())).isEqualTo(json("{\"errorMessage\":\"a bug\",\"errorType\":\"java.lang.IllegalStateException\",\"stackTrace\":[]}"));
    }

    @Test
    void aNestedExceptionIsNamedWithItsBinaryNameAndRetried() throws Exception {
        workflows.start(Machine.PORT_LIFECYCLE, "port-p3-1", "{\"port\":\"p3\",\"fail\":\"busy\"}");
        var v = engine.awaitEnd(workflows.executionArn(Machine.PORT_LIFECYCLE, "port-p3-1"), Duration.ofSeconds(10));
        assertThat(v.status()).isEqualTo(WorkflowStatus.FAILED);
        assertThat(v.error()).isEqualTo("com.carrier.numbers.local.stepfunctions.testtasks.SubmitTask$CarrierBusy");
        assertThat(v.events()).filteredOn(e -> e.startsWith("TaskFailed")).hasSize(3); // first try + 2 retries
    }

    @Test
    void stopThroughThePortAbortsAndAMachineOutsideTheTemplateIsAClearError() throws Exception {
        workflows.start(Machine.PORT_LIFECYCLE, "port-p4-1", "{\"port\":\"p4\",\"fail\":\"no\"}");
        String token = awaitToken("p4");
        workflows.stop(Machine.PORT_LIFECYCLE, "port-p4-1", "cancelled by the customer");
        workflows.sendTaskSuccess(token, "{}"); // too late: ignored
        var v = engine.describe(workflows.executionArn(Machine.PORT_LIFECYCLE, "port-p4-1")).orElseThrow();
        assertThat(v.status()).isEqualTo(WorkflowStatus.ABORTED);
        assertThat(v.cause()).isEqualTo("cancelled by the customer");
        assertThatThrownBy(() -> workflows.start(Machine.NUMBER_AGING, "n1", "{}"))
                .hasMessageContaining("no state machine NumberAgingStateMachine");
    }
}
