package com.carrier.numbers.local.stepfunctions;

import static com.carrier.numbers.local.stepfunctions.EngineFixture.json;
import static com.carrier.numbers.local.stepfunctions.EngineFixture.output;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.carrier.numbers.local.stepfunctions.StepFunctionsEngine.TaskTokenException;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The engine, state type by state type and field by field, with in-process task functions on a fast clock. */
class StepFunctionsEngineTest {
    private final EngineFixture f = new EngineFixture();

    @AfterEach
    void close() {
        f.close();
    }

    private static String pass(String stateJson) {
        return "{\"StartAt\":\"S\",\"States\":{\"S\":" + stateJson + "}}";
    }

    @Test
    void passAppliesInputPathParametersResultPathAndOutputPath() throws Exception {
        String m = f.machine(pass("""
                {"Type":"Pass","InputPath":"$.order","Parameters":{"id.$":"$.id","fixed":"x","nested":{"qty.$":"$.lines[0].qty"}},
                 "ResultPath":"$.order.copy","OutputPath":"$.order","End":true}"""));
        var v = f.run(m, "{\"order\":{\"id\":\"o1\",\"lines\":[{\"qty\":3}]},\"other\":1}");
        assertThat(v.status()).isEqualTo(WorkflowStatus.SUCCEEDED);
        assertThat(output(v)).isEqualTo(json("{\"id\":\"o1\",\"lines\":[{\"qty\":3}],\"copy\":{\"id\":\"o1\",\"fixed\":\"x\",\"nested\":{\"qty\":3}}}"));
    }

    @Test
    void passResultReplacesTheInputAndANullResultPathKeepsIt() throws Exception {
        assertThat(output(f.run(f.machine(pass("{\"Type\":\"Pass\",\"Result\":{\"a\":1},\"End\":true}")), "{\"b\":2}")))
                .isEqualTo(json("{\"a\":1}"));
        assertThat(output(f.run(f.machine(pass("{\"Type\":\"Pass\",\"Result\":{\"a\":1},\"ResultPath\":null,\"End\":true}")), "{\"b\":2}")))
                .isEqualTo(json("{\"b\":2}"));
        assertThat(output(f.run(f.machine(pass("{\"Type\":\"Pass\",\"InputPath\":null,\"End\":true}")), "{\"b\":2}")))
                .isEqualTo(json("{}"));
    }

    @Test
    void aMissingPathFailsTheExecutionWithStatesRuntime() throws Exception {
        var v = f.run(f.machine(pass("{\"Type\":\"Pass\",\"InputPath\":\"$.missing\",\"End\":true}")), "{}");
        assertThat(v.status()).isEqualTo(WorkflowStatus.FAILED);
        assertThat(v.error()).isEqualTo("States.Runtime");
    }

    @Test
    void intrinsicFunctions() throws Exception {
        String m = f.machine(pass("""
                {"Type":"Pass","Parameters":{
                  "format.$":"States.Format('port {} for {} at \\\\{x\\\\}', $.id, $.n)",
                  "parsed.$":"States.StringToJson($.raw)",
                  "text.$":"States.JsonToString($.obj)",
                  "array.$":"States.Array($.id, 2, true, null)",
                  "sum.$":"States.MathAdd($.n, -3)",
                  "uuid.$":"States.UUID()",
                  "length.$":"States.ArrayLength($.list)",
                  "item.$":"States.ArrayGetItem($.list, 1)",
                  "contains.$":"States.ArrayContains($.list, 'b')",
                  "range.$":"States.ArrayRange(1, 5, 2)",
                  "split.$":"States.StringSplit('a,b;c', ',;')",
                  "b64.$":"States.Base64Encode('hi')",
                  "merged.$":"States.JsonMerge($.obj, States.StringToJson('{\\"k\\":2}'), false)",
                  "nested.$":"States.Format('{}', States.ArrayLength(States.Array(1, 2, 3)))"
                },"End":true}"""));
        JsonNode out = output(f.run(m, "{\"id\":\"p-1\",\"n\":10,\"raw\":\"{\\\"a\\\":[1]}\",\"obj\":{\"k\":1,\"z\":0},\"list\":[\"a\",\"b\"]}"));
        assertThat(out.get("format").asText()).isEqualTo("port p-1 for 10 at {x}");
        assertThat(out.get("parsed")).isEqualTo(json("{\"a\":[1]}"));
        assertThat(out.get("text").asText()).isEqualTo("{\"k\":1,\"z\":0}");
        assertThat(out.get("array")).isEqualTo(json("[\"p-1\",2,true,null]"));
        assertThat(out.get("sum").asInt()).isEqualTo(7);
        assertThat(out.get("uuid").asText()).matches("[0-9a-f-]{36}");
        assertThat(out.get("length").asInt()).isEqualTo(2);
        assertThat(out.get("item").asText()).isEqualTo("b");
        assertThat(out.get("contains").asBoolean()).isTrue();
        assertThat(out.get("range")).isEqualTo(json("[1,3,5]"));
        assertThat(out.get("split")).isEqualTo(json("[\"a\",\"b\",\"c\"]"));
        assertThat(out.get("b64").asText()).isEqualTo("aGk=");
        assertThat(out.get("merged")).isEqualTo(json("{\"k\":2,\"z\":0}"));
        assertThat(out.get("nested").asText()).isEqualTo("3");
    }

    @Test
    void aFailingIntrinsicFailsWithStatesIntrinsicFailure() throws Exception {
        var v = f.run(f.machine(pass("{\"Type\":\"Pass\",\"Parameters\":{\"x.$\":\"States.StringToJson($.s)\"},\"End\":true}")), "{\"s\":\"not json\"}");
        assertThat(v.error()).isEqualTo("States.IntrinsicFailure");
    }

    private boolean chooses(String rule, String input) throws Exception {
        String m = f.machine("{\"StartAt\":\"C\",\"States\":{\"C\":{\"Type\":\"Choice\",\"Choices\":[" + rule
                + "],\"Default\":\"No\"},\"Yes\":{\"Type\":\"Succeed\"},\"No\":{\"Type\":\"Succeed\"}}}");
        var v = f.run(m, input);
        assertThat(v.status()).isEqualTo(WorkflowStatus.SUCCEEDED);
        return v.visitedStates().contains("Yes");
    }

    private static String rule(String body) {
        return "{" + body + ",\"Next\":\"Yes\"}";
    }

    @Test
    void choiceComparisons() throws Exception {
        String in = "{\"s\":\"beta\",\"n\":5,\"b\":true,\"t\":\"2026-03-01T10:00:00Z\",\"other\":\"alpha\",\"m\":5.0,\"nul\":null}";
        assertThat(chooses(rule("\"Variable\":\"$.s\",\"StringEquals\":\"beta\""), in)).isTrue();
        assertThat(chooses(rule("\"Variable\":\"$.s\",\"StringEquals\":\"gamma\""), in)).isFalse();
        assertThat(chooses(rule("\"Variable\":\"$.s\",\"StringLessThan\":\"gamma\""), in)).isTrue();
        assertThat(chooses(rule("\"Variable\":\"$.s\",\"StringGreaterThan\":\"alpha\""), in)).isTrue();
        assertThat(chooses(rule("\"Variable\":\"$.s\",\"StringLessThanEquals\":\"beta\""), in)).isTrue();
        assertThat(chooses(rule("\"Variable\":\"$.s\",\"StringGreaterThanEquals\":\"c\""), in)).isFalse();
        assertThat(chooses(rule("\"Variable\":\"$.s\",\"StringGreaterThanPath\":\"$.other\""), in)).isTrue();
        assertThat(chooses(rule("\"Variable\":\"$.s\",\"StringEqualsPath\":\"$.other\""), in)).isFalse();
        assertThat(chooses(rule("\"Variable\":\"$.s\",\"StringMatches\":\"b*a\""), in)).isTrue();
        assertThat(chooses(rule("\"Variable\":\"$.s\",\"StringMatches\":\"b\\\\*a\""), in)).isFalse();
        assertThat(chooses(rule("\"Variable\":\"$.n\",\"NumericEquals\":5"), in)).isTrue();
        assertThat(chooses(rule("\"Variable\":\"$.n\",\"NumericEqualsPath\":\"$.m\""), in)).isTrue();
        assertThat(chooses(rule("\"Variable\":\"$.n\",\"NumericLessThan\":5"), in)).isFalse();
        assertThat(chooses(rule("\"Variable\":\"$.n\",\"NumericLessThanEquals\":5"), in)).isTrue();
        assertThat(chooses(rule("\"Variable\":\"$.n\",\"NumericGreaterThan\":4.5"), in)).isTrue();
        assertThat(chooses(rule("\"Variable\":\"$.n\",\"NumericGreaterThanEquals\":6"), in)).isFalse();
        assertThat(chooses(rule("\"Variable\":\"$.s\",\"NumericEquals\":5"), in)).isFalse(); // wrong type: no match
        assertThat(chooses(rule("\"Variable\":\"$.b\",\"BooleanEquals\":true"), in)).isTrue();
        assertThat(chooses(rule("\"Variable\":\"$.b\",\"BooleanEqualsPath\":\"$.b\""), in)).isTrue();
        assertThat(chooses(rule("\"Variable\":\"$.t\",\"TimestampEquals\":\"2026-03-01T11:00:00+01:00\""), in)).isTrue();
        assertThat(chooses(rule("\"Variable\":\"$.t\",\"TimestampLessThan\":\"2026-03-01T10:00:01Z\""), in)).isTrue();
        assertThat(chooses(rule("\"Variable\":\"$.t\",\"TimestampGreaterThan\":\"2026-03-01T10:00:01Z\""), in)).isFalse();
        assertThat(chooses(rule("\"Variable\":\"$.t\",\"TimestampLessThanEquals\":\"2026-03-01T10:00:00Z\""), in)).isTrue();
        assertThat(chooses(rule("\"Variable\":\"$.t\",\"TimestampGreaterThanEqualsPath\":\"$.t\""), in)).isTrue();
        assertThat(chooses(rule("\"Variable\":\"$.nul\",\"IsNull\":true"), in)).isTrue();
        assertThat(chooses(rule("\"Variable\":\"$.s\",\"IsNull\":true"), in)).isFalse();
        assertThat(chooses(rule("\"Variable\":\"$.absent\",\"IsPresent\":false"), in)).isTrue();
        assertThat(chooses(rule("\"Variable\":\"$.s\",\"IsPresent\":true"), in)).isTrue();
        assertThat(chooses(rule("\"Variable\":\"$.n\",\"IsNumeric\":true"), in)).isTrue();
        assertThat(chooses(rule("\"Variable\":\"$.s\",\"IsString\":true"), in)).isTrue();
        assertThat(chooses(rule("\"Variable\":\"$.b\",\"IsBoolean\":true"), in)).isTrue();
        assertThat(chooses(rule("\"Variable\":\"$.t\",\"IsTimestamp\":true"), in)).isTrue();
        assertThat(chooses(rule("\"Variable\":\"$.s\",\"IsTimestamp\":true"), in)).isFalse();
        assertThat(chooses(rule("\"Variable\":\"$$.Execution.Input.s\",\"StringEquals\":\"beta\""), in)).isTrue();
    }

    @Test
    void choiceAndOrNotAndTheDefault() throws Exception {
        String in = "{\"a\":1,\"b\":\"x\"}";
        assertThat(chooses(rule("\"And\":[{\"Variable\":\"$.a\",\"NumericEquals\":1},{\"Variable\":\"$.b\",\"StringEquals\":\"x\"}]"), in)).isTrue();
        assertThat(chooses(rule("\"And\":[{\"Variable\":\"$.a\",\"NumericEquals\":1},{\"Variable\":\"$.b\",\"StringEquals\":\"y\"}]"), in)).isFalse();
        assertThat(chooses(rule("\"Or\":[{\"Variable\":\"$.a\",\"NumericEquals\":2},{\"Variable\":\"$.b\",\"StringEquals\":\"x\"}]"), in)).isTrue();
        assertThat(chooses(rule("\"Not\":{\"Variable\":\"$.a\",\"NumericEquals\":1}"), in)).isFalse();
        assertThat(chooses(rule("\"Not\":{\"Variable\":\"$.c\",\"IsPresent\":true}"), in)).isTrue();
    }

    @Test
    void aChoiceWithoutMatchOrDefaultFailsWithNoChoiceMatched() throws Exception {
        String m = f.machine("{\"StartAt\":\"C\",\"States\":{\"C\":{\"Type\":\"Choice\",\"Choices\":[{\"Variable\":\"$.a\",\"NumericEquals\":1,\"Next\":\"Y\"}]},\"Y\":{\"Type\":\"Succeed\"}}}");
        var v = f.run(m, "{\"a\":2}");
        assertThat(v.status()).isEqualTo(WorkflowStatus.FAILED);
        assertThat(v.error()).isEqualTo("States.NoChoiceMatched");
        assertThat(f.run(m, "{}").error()).isEqualTo("States.Runtime"); // a missing Variable is an error, not a non-match
    }

    @Test
    void failStateGivesErrorAndCause() throws Exception {
        var v = f.run(f.machine(pass("{\"Type\":\"Fail\",\"Error\":\"PortRejected\",\"Cause\":\"name mismatch\"}")), "{}");
        assertThat(v.status()).isEqualTo(WorkflowStatus.FAILED);
        assertThat(v.error()).isEqualTo("PortRejected");
        assertThat(v.cause()).isEqualTo("name mismatch");
        assertThat(v.output()).isNull();
    }

    @Test
    void succeedAppliesInputPathAndOutputPath() throws Exception {
        var v = f.run(f.machine(pass("{\"Type\":\"Succeed\",\"InputPath\":\"$.a\",\"OutputPath\":\"$.b\"}")), "{\"a\":{\"b\":[1]}}");
        assertThat(output(v)).isEqualTo(json("[1]"));
    }

    @Test
    void theFourWaitsAndTheContextObject() throws Exception {
        // Seconds 86400 = 86 s at scale 1000; too slow: use a scale where a day takes 20 ms
        try (EngineFixture fast = new EngineFixture(86_400 / 0.02, null)) {
            String m = fast.machineResource("waits.asl.json");
            String until = Instant.now().plusSeconds(3600).toString(); // an hour ahead: 0.8 ms at this scale
            long t0 = System.nanoTime();
            String arn = fast.start(m, "{\"seconds\":86400,\"until\":\"" + until + "\"}");
            var v = fast.await(arn);
            assertThat(System.nanoTime() - t0).isLessThan(5_000_000_000L);
            assertThat(v.status()).isEqualTo(WorkflowStatus.SUCCEEDED);
            assertThat(v.visitedStates()).containsExactly("Seconds", "SecondsPath", "Timestamp", "TimestampPath", "Context");
            JsonNode out = output(v);
            assertThat(out.get("id").asText()).isEqualTo(arn);
            assertThat(out.get("name").asText()).isEqualTo(arn.substring(arn.lastIndexOf(':') + 1));
            assertThat(out.get("input")).isEqualTo(json("{\"seconds\":86400,\"until\":\"" + until + "\"}"));
            assertThat(out.get("state").asText()).isEqualTo("Context");
            assertThat(out.get("machine").asText()).isEqualTo(m);
            // timestamps stay wall-clock
            assertThat(Instant.parse(out.get("started").asText())).isBetween(Instant.now().minusSeconds(10), Instant.now());
            assertThat(Instant.parse(out.get("entered").asText())).isAfterOrEqualTo(Instant.parse(out.get("started").asText()));
        }
    }

    @Test
    void aWaitOnAScaledClockIsStillWaitingWhenItsScaledTimeHasNotPassed() throws Exception {
        // One day at the default scale is 2 s: after 300 ms the execution still waits.
        try (EngineFixture normal = new EngineFixture(WorkflowTime.DEFAULT_SCALE, null)) {
            String m = normal.machine(pass("{\"Type\":\"Wait\",\"TimestampPath\":\"$.until\",\"End\":true}"));
            String arn = normal.start(m, "{\"until\":\"" + Instant.now().plusSeconds(86_400) + "\"}");
            Thread.sleep(300);
            assertThat(normal.engine.describe(arn).orElseThrow().status()).isEqualTo(WorkflowStatus.RUNNING);
            assertThat(normal.engine.describe(arn).orElseThrow().currentState()).isEqualTo("S");
        }
    }

    @Test
    void aBadWaitValueFailsTheExecution() throws Exception {
        String m = f.machine(pass("{\"Type\":\"Wait\",\"TimestampPath\":\"$.until\",\"End\":true}"));
        assertThat(f.run(m, "{\"until\":\"tomorrow\"}").error()).isEqualTo("States.Runtime");
    }

    @Test
    void lambdaInvokeAnswersThePayloadAndStatusCodeAsStepFunctionsDoes() throws Exception {
        f.function("Submit", p -> json("{\"reference\":\"R\",\"echo\":" + p + "}"));
        String m = f.machine(pass("""
                {"Type":"Task","Resource":"arn:aws:states:::lambda:invoke",
                 "Parameters":{"FunctionName":"arn:aws:lambda:us-east-1:123456789012:function:Submit","Payload":{"port.$":"$.port"}},
                 "ResultPath":"$.raw","End":true}"""));
        JsonNode out = output(f.run(m, "{\"port\":\"p1\"}"));
        assertThat(out.at("/raw/StatusCode").asInt()).isEqualTo(200);
        assertThat(out.at("/raw/Payload")).isEqualTo(json("{\"reference\":\"R\",\"echo\":{\"port\":\"p1\"}}"));
        assertThat(out.at("/raw/ExecutedVersion").asText()).isEqualTo("$LATEST");
        assertThat(out.at("/raw/SdkHttpMetadata/HttpStatusCode").asInt()).isEqualTo(200);
        assertThat(out.get("port").asText()).isEqualTo("p1");
    }

    @Test
    void resultSelectorPicksFromTheTaskResultAndAPlainFunctionArnGetsTheEffectiveInput() throws Exception {
        f.function("Plain", p -> json("{\"got\":" + p + ",\"extra\":1}"));
        String m = f.machine(pass("""
                {"Type":"Task","Resource":"arn:aws:lambda:us-east-1:123456789012:function:Plain","InputPath":"$.in",
                 "ResultSelector":{"got.$":"$.got"},"ResultPath":"$.r","End":true}"""));
        assertThat(output(f.run(m, "{\"in\":{\"a\":1}}"))).isEqualTo(json("{\"in\":{\"a\":1},\"r\":{\"got\":{\"a\":1}}}"));
    }

    @Test
    void retriesWithBackoffCappedByMaxDelayThenCatches() throws Exception {
        f.function("Flaky", p -> {
            throw new TaskFunctions.LambdaError("Busy", "carrier busy");
        });
        var v = f.run(f.machineResource("retry.asl.json"), "{\"x\":1}");
        assertThat(f.calls).hasSize(5); // first try + MaxAttempts 4
        // IntervalSeconds 2, BackoffRate 3: 2, 6, 18 -> capped at 10, 54 -> 10
        assertThat(v.events()).filteredOn(e -> e.startsWith("RetryScheduled"))
                .containsExactly("RetryScheduled Submit 2.0", "RetryScheduled Submit 6.0", "RetryScheduled Submit 10.0", "RetryScheduled Submit 10.0");
        assertThat(v.visitedStates()).containsExactly("Submit", "GaveUp");
        JsonNode out = output(v);
        assertThat(out.at("/busy/Error").asText()).isEqualTo("Busy");
        assertThat(json(out.at("/busy/Cause").asText())).isEqualTo(json("{\"errorMessage\":\"carrier busy\",\"errorType\":\"Busy\",\"stackTrace\":[]}"));
        assertThat(out.get("x").asInt()).isEqualTo(1);
    }

    @Test
    void aRetriedTaskThatSucceedsGoesOnWithItsResult() throws Exception {
        AtomicInteger attempts = new AtomicInteger();
        f.function("Flaky", p -> {
            if (attempts.incrementAndGet() < 3) {
                throw new TaskFunctions.LambdaError("Busy", "again");
            }
            return json("{\"ok\":" + attempts.get() + "}");
        });
        var v = f.run(f.machineResource("retry.asl.json"), "{}");
        assertThat(v.status()).isEqualTo(WorkflowStatus.SUCCEEDED);
        assertThat(output(v)).isEqualTo(json("{\"result\":{\"ok\":3}}"));
        assertThat(v.events()).containsSubsequence("TaskFailed Submit Busy", "RetryScheduled Submit 2.0", "TaskFailed Submit Busy",
                "RetryScheduled Submit 6.0", "TaskSucceeded Submit");
    }

    @Test
    void theFirstMatchingRetrierDecidesAndStatesTaskFailedMatchesOtherErrors() throws Exception {
        f.function("Flaky", p -> {
            throw new TaskFunctions.LambdaError("java.lang.IllegalStateException", "bug");
        });
        var v = f.run(f.machineResource("retry.asl.json"), "{}");
        assertThat(f.calls).hasSize(2); // the States.TaskFailed retrier: 1 retry
        assertThat(output(v).at("/other/Error").asText()).isEqualTo("java.lang.IllegalStateException");
    }

    @Test
    void fullJitterKeepsEveryDelayWithinTheBackoff() throws Exception {
        f.function("F", p -> {
            throw new TaskFunctions.LambdaError("Busy", "x");
        });
        String m = f.machine(pass("""
                {"Type":"Task","Resource":"arn:aws:lambda:us-east-1:123456789012:function:F",
                 "Retry":[{"ErrorEquals":["States.ALL"],"IntervalSeconds":4,"MaxAttempts":3,"BackoffRate":2,"JitterStrategy":"FULL"}],"End":true}"""));
        var v = f.run(m, "{}");
        List<Double> delays = v.events().stream().filter(e -> e.startsWith("RetryScheduled"))
                .map(e -> Double.parseDouble(e.substring(e.lastIndexOf(' ') + 1))).toList();
        assertThat(delays).hasSize(3);
        assertThat(delays.get(0)).isBetween(0.0, 4.0);
        assertThat(delays.get(1)).isBetween(0.0, 8.0);
        assertThat(delays.get(2)).isBetween(0.0, 16.0);
        assertThat(v.status()).isEqualTo(WorkflowStatus.FAILED);
        assertThat(v.error()).isEqualTo("Busy");
    }

    @Test
    void anUnknownFunctionIsLambdaResourceNotFound() throws Exception {
        var v = f.run(f.machine(pass("{\"Type\":\"Task\",\"Resource\":\"arn:aws:lambda:us-east-1:123456789012:function:Nope\",\"End\":true}")), "{}");
        assertThat(v.error()).isEqualTo("Lambda.ResourceNotFoundException");
    }

    @Test
    void aTaskTimeoutIsStatesTimeoutWhichStatesTaskFailedDoesNotCatch() throws Exception {
        f.function("Slow", p -> {
            try {
                Thread.sleep(2_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return json("{}");
        });
        String m = f.machine("""
                {"StartAt":"T","States":{"T":{"Type":"Task","Resource":"arn:aws:lambda:us-east-1:123456789012:function:Slow","TimeoutSeconds":5,
                  "Catch":[{"ErrorEquals":["States.TaskFailed"],"Next":"Caught"}],"End":true},"Caught":{"Type":"Succeed"}}}""");
        var v = f.run(m, "{}");
        assertThat(v.status()).isEqualTo(WorkflowStatus.FAILED);
        assertThat(v.error()).isEqualTo("States.Timeout");
        assertThat(v.visitedStates()).containsExactly("T");
    }

    @Test
    void aResultArrivingAfterItsTaskTimedOutChangesNothing() throws Exception {
        f.function("Slow", p -> {
            try {
                Thread.sleep(300);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return json("{\"late\":true}");
        });
        String m = f.machine("""
                {"StartAt":"T","States":{
                  "T":{"Type":"Task","Resource":"arn:aws:lambda:us-east-1:123456789012:function:Slow","TimeoutSeconds":10,
                       "Catch":[{"ErrorEquals":["States.Timeout"],"Next":"Hold"}],"Next":"After"},
                  "Hold":{"Type":"Wait","Seconds":100000,"Next":"After"},
                  "After":{"Type":"Succeed"}}}""");
        String arn = f.start(m, "{}");
        Thread.sleep(800); // the function answered at 300 ms, long after its 10 ms timeout
        var v = f.engine.describe(arn).orElseThrow();
        assertThat(v.status()).isEqualTo(WorkflowStatus.RUNNING);
        assertThat(v.visitedStates()).containsExactly("T", "Hold");
        assertThat(f.calls).containsExactly("Slow");
    }

    @Test
    void aParameterPathThatResolvesToNothingIsNotCaughtByStatesAll() throws Exception {
        f.function("F", p -> json("{}"));
        String m = f.machine("""
                {"StartAt":"T","States":{
                  "T":{"Type":"Task","Resource":"arn:aws:states:::lambda:invoke",
                       "Parameters":{"FunctionName":"F","Payload":{"x.$":"$.missing"}},
                       "Catch":[{"ErrorEquals":["States.ALL"],"Next":"Caught"}],"End":true},
                  "Caught":{"Type":"Succeed"}}}""");
        var v = f.run(m, "{}");
        assertThat(v.status()).isEqualTo(WorkflowStatus.FAILED);
        assertThat(v.error()).isEqualTo("States.Runtime");
        assertThat(f.calls).isEmpty();
    }

    @Test
    void aTokenTaskCompletesWithTheSendTaskSuccessOutput() throws Exception {
        f.function("Notify", p -> json("\"ignored\""));
        String m = f.machineResource("token.asl.json");
        String arn = f.start(m, "{\"port\":\"p1\",\"timeout\":100000,\"heartbeat\":100000,\"wait\":1}");
        String token = f.awaitToken(arn);
        for (int i = 0; i < 1000 && f.payloads.isEmpty(); i++) {
            Thread.sleep(2); // the token exists before the function is invoked with it
        }
        assertThat(f.payloads.get(0).get("token").asText()).isEqualTo(token);
        assertThat(f.payloads.get(0).get("port").asText()).isEqualTo("p1");
        f.engine.sendTaskSuccess(token, "{\"authorized\":true}");
        var v = f.await(arn);
        assertThat(v.status()).isEqualTo(WorkflowStatus.SUCCEEDED);
        assertThat(output(v).get("decision")).isEqualTo(json("{\"authorized\":true}"));
        assertThatThrownBy(() -> f.engine.sendTaskSuccess(token, "{}")).isInstanceOf(TaskTokenException.class);
    }

    @Test
    void aTokenTaskFailureIsCaughtByItsErrorName() throws Exception {
        f.function("Notify", p -> json("{}"));
        String arn = f.start(f.machineResource("token.asl.json"), "{\"port\":\"p1\",\"timeout\":100000,\"heartbeat\":100000,\"wait\":1}");
        f.engine.sendTaskFailure(f.awaitToken(arn), "Rejected", "ENTITY_NAME_MISMATCH");
        var v = f.await(arn);
        assertThat(v.visitedStates()).containsExactly("AwaitDecision", "Rejected");
        assertThat(v.error()).isEqualTo("Rejected");
        assertThat(v.cause()).isEqualTo("ENTITY_NAME_MISMATCH");
    }

    @Test
    void anUnknownTokenIsRefused() {
        assertThatThrownBy(() -> f.engine.sendTaskSuccess("no-such-token", "{}"))
                .isInstanceOf(TaskTokenException.class).hasMessageContaining("TaskDoesNotExist");
        assertThatThrownBy(() -> f.engine.sendTaskFailure("no-such-token", "E", "c")).isInstanceOf(TaskTokenException.class);
        assertThatThrownBy(() -> f.engine.sendTaskHeartbeat("no-such-token")).isInstanceOf(TaskTokenException.class);
    }

    @Test
    void aTokenTaskWithoutAnswerTimesOut() throws Exception {
        f.function("Notify", p -> json("{}"));
        var v = f.run(f.machineResource("token.asl.json"), "{\"port\":\"p1\",\"timeout\":20,\"heartbeat\":100000,\"wait\":1}");
        assertThat(v.status()).isEqualTo(WorkflowStatus.FAILED);
        assertThat(v.error()).isEqualTo("States.Timeout");
    }

    @Test
    void heartbeatsKeepATaskAliveAndAMissedOneIsAHeartbeatTimeout() throws Exception {
        f.function("Notify", p -> json("{}"));
        String m = f.machineResource("token.asl.json");
        // heartbeat every 100 workflow seconds = 100 ms here
        String arn = f.start(m, "{\"port\":\"p1\",\"timeout\":100000,\"heartbeat\":100,\"wait\":1}");
        String token = f.awaitToken(arn);
        for (int i = 0; i < 5; i++) {
            Thread.sleep(40);
            f.engine.sendTaskHeartbeat(token);
        }
        assertThat(f.engine.describe(arn).orElseThrow().status()).isEqualTo(WorkflowStatus.RUNNING); // 200 ms > 100 ms, alive
        var v = f.await(arn);
        assertThat(v.visitedStates()).containsExactly("AwaitDecision", "NoHeartbeat");
        assertThat(v.events()).contains("TaskFailed AwaitDecision States.HeartbeatTimeout");
        assertThatThrownBy(() -> f.engine.sendTaskSuccess(token, "{}")).isInstanceOf(TaskTokenException.class);
    }

    @Test
    void stopAbortsARunningExecutionAndItsTokenNoLongerCounts() throws Exception {
        f.function("Notify", p -> json("{}"));
        String arn = f.start(f.machineResource("token.asl.json"), "{\"port\":\"p1\",\"timeout\":100000,\"heartbeat\":100000,\"wait\":1}");
        String token = f.awaitToken(arn);
        f.engine.stopExecution(arn, "Cancelled", "customer cancelled");
        var v = f.await(arn);
        assertThat(v.status()).isEqualTo(WorkflowStatus.ABORTED);
        assertThat(v.error()).isEqualTo("Cancelled");
        assertThatThrownBy(() -> f.engine.sendTaskSuccess(token, "{}")).isInstanceOf(TaskTokenException.class);
        f.engine.stopExecution(arn, "again", null); // a finished one is left alone
        assertThat(f.engine.describe(arn).orElseThrow().error()).isEqualTo("Cancelled");
        f.engine.stopExecution(arn + "-unknown", "x", null);
    }

    @Test
    void stopDuringAWaitEndsItThere() throws Exception {
        String m = f.machine("{\"StartAt\":\"W\",\"States\":{\"W\":{\"Type\":\"Wait\",\"Seconds\":100,\"Next\":\"After\"},\"After\":{\"Type\":\"Succeed\"}}}");
        String arn = f.start(m, "{}");
        f.engine.stopExecution(arn, null, null);
        Thread.sleep(250); // the wait (100 ms) has passed: it must not move a stopped execution
        var v = f.engine.describe(arn).orElseThrow();
        assertThat(v.status()).isEqualTo(WorkflowStatus.ABORTED);
        assertThat(v.visitedStates()).containsExactly("W");
    }

    @Test
    void startIsIdempotentByExecutionName() throws Exception {
        AtomicInteger runs = new AtomicInteger();
        f.function("Count", p -> json("{\"n\":" + runs.incrementAndGet() + "}"));
        String m = f.machine(pass("{\"Type\":\"Task\",\"Resource\":\"arn:aws:lambda:us-east-1:123456789012:function:Count\",\"End\":true}"));
        assertThat(f.engine.startExecution(m, "port-p1-attempt-1", "{}")).isTrue();
        assertThat(f.engine.startExecution(m, "port-p1-attempt-1", "{\"other\":1}")).isFalse();
        var v = f.await(StepFunctionsEngine.executionArn(m, "port-p1-attempt-1"));
        assertThat(f.engine.startExecution(m, "port-p1-attempt-1", "{}")).isFalse(); // finished: still taken
        Thread.sleep(50);
        assertThat(runs.get()).isEqualTo(1);
        assertThat(v.input()).isEqualTo("{}");
        assertThat(f.engine.startExecution(m, "port-p1-attempt-2", "{}")).isTrue();
    }

    @Test
    void anExecutionTimeoutEndsItTimedOut() throws Exception {
        String m = f.machine("{\"TimeoutSeconds\":10,\"StartAt\":\"W\",\"States\":{\"W\":{\"Type\":\"Wait\",\"Seconds\":100000,\"End\":true}}}");
        var v = f.run(m, "{}");
        assertThat(v.status()).isEqualTo(WorkflowStatus.TIMED_OUT);
        assertThat(v.error()).isEqualTo("States.Timeout");
    }

    @Test
    void callersAreNeverBlockedByASlowTask() throws Exception {
        f.function("Slow", p -> {
            try {
                Thread.sleep(1_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return json("{}");
        });
        String m = f.machine(pass("{\"Type\":\"Task\",\"Resource\":\"arn:aws:lambda:us-east-1:123456789012:function:Slow\",\"End\":true}"));
        long t0 = System.nanoTime();
        String arn = f.start(m, "{}");
        assertThat(System.nanoTime() - t0).isLessThan(500_000_000L);
        assertThat(f.engine.describe(arn).orElseThrow().status()).isEqualTo(WorkflowStatus.RUNNING);
    }
}
