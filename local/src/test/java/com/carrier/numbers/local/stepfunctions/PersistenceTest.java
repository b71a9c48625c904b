package com.carrier.numbers.local.stepfunctions;

import static com.carrier.numbers.local.stepfunctions.EngineFixture.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** With a persistence directory, executions survive a restart of the engine and carry on. */
class PersistenceTest {
    @TempDir
    Path dir;

    @Test
    void aTaskWaitingForItsTokenResumesAndTheOldTokenStillCompletesIt() throws Exception {
        String arn;
        String token;
        String machine;
        try (EngineFixture before = new EngineFixture(1000, dir)) {
            before.function("Notify", p -> json("{}"));
            machine = before.machineResource("token.asl.json");
            arn = before.start(machine, "{\"port\":\"p1\",\"timeout\":100000,\"heartbeat\":100000,\"wait\":1}");
            token = before.awaitToken(arn);
        }
        try (EngineFixture after = new EngineFixture(1000, dir)) {
            after.function("Notify", p -> json("{}"));
            assertThat(after.machineResource("token.asl.json")).isEqualTo(machine);
            assertThat(after.engine.resumePersisted()).isEqualTo(1);
            after.engine.sendTaskSuccess(token, "{\"authorized\":true}");
            var v = after.await(arn);
            assertThat(v.status()).isEqualTo(WorkflowStatus.SUCCEEDED);
            assertThat(v.visitedStates()).containsExactly("AwaitDecision", "Wait", "Done");
            assertThat(json(v.output()).get("decision")).isEqualTo(json("{\"authorized\":true}"));
            assertThat(after.calls).isEmpty(); // the notification is not sent twice
            // the name stays taken across the restart
            assertThat(after.engine.startExecution(machine, arn.substring(arn.lastIndexOf(':') + 1), "{}")).isFalse();
        }
    }

    @Test
    void aWaitWhoseDeadlinePassedWhileStoppedEndsAtOnce_aFutureOneKeepsItsWallClockDeadline() throws Exception {
        String def = "{\"StartAt\":\"W\",\"States\":{\"W\":{\"Type\":\"Wait\",\"SecondsPath\":\"$.s\",\"Next\":\"Done\"},\"Done\":{\"Type\":\"Succeed\"}}}";
        String shortWait;
        String longWait;
        String machine;
        try (EngineFixture before = new EngineFixture(1000, dir)) {
            machine = before.machine(def);
            // 1 s: long enough that the engine stops before it ends even on a busy machine (100 ms was not)
            shortWait = before.start(machine, "{\"s\":1000}");
            longWait = before.start(machine, "{\"s\":100000}"); // 100 s
        }
        Thread.sleep(1_200);
        try (EngineFixture after = new EngineFixture(1000, dir)) {
            after.machine(def);
            assertThat(after.engine.resumePersisted()).isEqualTo(2);
            assertThat(after.await(shortWait).status()).isEqualTo(WorkflowStatus.SUCCEEDED);
            assertThat(after.engine.describe(longWait).orElseThrow().status()).isEqualTo(WorkflowStatus.RUNNING);
            assertThat(after.engine.describe(longWait).orElseThrow().currentState()).isEqualTo("W");
        }
    }

    @Test
    void anInvocationInFlightWhenTheEngineStoppedRunsAgainAfterTheRestart() throws Exception {
        String def = "{\"StartAt\":\"T\",\"States\":{\"T\":{\"Type\":\"Task\",\"Resource\":\"arn:aws:lambda:us-east-1:123456789012:function:F\",\"End\":true}}}";
        CountDownLatch entered = new CountDownLatch(1);
        AtomicInteger invocations = new AtomicInteger();
        String arn;
        try (EngineFixture before = new EngineFixture(1000, dir)) {
            before.function("F", p -> {
                invocations.incrementAndGet();
                entered.countDown();
                try {
                    Thread.sleep(60_000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return json("{\"first\":true}");
            });
            arn = before.start(before.machine(def), "{}");
            entered.await();
        }
        try (EngineFixture after = new EngineFixture(1000, dir)) {
            after.function("F", p -> {
                invocations.incrementAndGet();
                return json("{\"second\":true}");
            });
            after.machine(def);
            after.engine.resumePersisted();
            var v = after.await(arn);
            assertThat(v.status()).isEqualTo(WorkflowStatus.SUCCEEDED);
            assertThat(json(v.output())).isEqualTo(json("{\"second\":true}"));
            assertThat(invocations.get()).isEqualTo(2);
        }
    }

    @Test
    void withoutADirectoryNothingIsKept() throws Exception {
        try (EngineFixture memory = new EngineFixture()) {
            assertThat(memory.engine.resumePersisted()).isZero();
        }
    }
}
