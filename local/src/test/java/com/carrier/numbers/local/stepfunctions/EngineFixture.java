package com.carrier.numbers.local.stepfunctions;

import com.carrier.numbers.local.stepfunctions.StepFunctionsEngine.ExecutionView;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** An engine with in-process test task functions, on a fast workflow clock (1 s of workflow time = 1 ms). */
final class EngineFixture implements AutoCloseable {
    static final ObjectMapper JSON = new ObjectMapper();
    static final double FAST = 1000;

    @FunctionalInterface
    interface Fn {
        JsonNode apply(JsonNode payload) throws TaskFunctions.LambdaError;
    }

    final Map<String, Fn> functions = new ConcurrentHashMap<>();
    final List<String> calls = Collections.synchronizedList(new ArrayList<>());
    final List<JsonNode> payloads = Collections.synchronizedList(new ArrayList<>());
    final StepFunctionsEngine engine;

    EngineFixture() {
        this(FAST, null);
    }

    EngineFixture(double scale, Path persistDir) {
        engine = new StepFunctionsEngine(this::invoke, new WorkflowTime(scale), Clock.systemUTC(), persistDir);
    }

    private JsonNode invoke(String arn, JsonNode payload) throws TaskFunctions.LambdaError {
        String name = arn.substring(arn.lastIndexOf(':') + 1);
        calls.add(name);
        payloads.add(payload);
        Fn fn = functions.get(name);
        if (fn == null) {
            throw new TaskFunctions.LambdaError("Lambda.ResourceNotFoundException", name);
        }
        return fn.apply(payload);
    }

    EngineFixture function(String name, Fn fn) {
        functions.put(name, fn);
        return this;
    }

    String machine(String definitionJson) {
        return engine.createStateMachine("m" + Integer.toHexString(definitionJson.hashCode()), definitionJson);
    }

    String machineResource(String resource) {
        return engine.createStateMachine(resource.replaceAll("\\W", "_"), resource(resource));
    }

    static String resource(String name) {
        try (InputStream in = EngineFixture.class.getClassLoader().getResourceAsStream("stepfunctions/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String start(String machineArn, String input) {
        String name = "e" + System.nanoTime();
        if (!engine.startExecution(machineArn, name, input)) {
            throw new AssertionError("not started");
        }
        return StepFunctionsEngine.executionArn(machineArn, name);
    }

    ExecutionView run(String machineArn, String input) throws InterruptedException {
        return await(start(machineArn, input));
    }

    ExecutionView await(String executionArn) throws InterruptedException {
        ExecutionView v = engine.awaitEnd(executionArn, Duration.ofSeconds(10));
        if (v.status() == WorkflowStatus.RUNNING) {
            throw new AssertionError("still running: " + v);
        }
        return v;
    }

    /** Polls until the execution waits for a task token and answers it. */
    String awaitToken(String executionArn) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < deadline) {
            List<String> tokens = engine.describe(executionArn).orElseThrow().waitingTokens();
            if (!tokens.isEmpty()) {
                return tokens.get(0);
            }
            Thread.sleep(2);
        }
        throw new AssertionError("no task token: " + engine.describe(executionArn).orElseThrow());
    }

    static JsonNode json(String s) {
        try {
            return JSON.readTree(s);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JsonNode output(ExecutionView v) {
        return json(v.output());
    }

    @Override
    public void close() {
        engine.close();
    }
}
