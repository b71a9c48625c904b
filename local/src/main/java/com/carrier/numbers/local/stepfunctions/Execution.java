package com.carrier.numbers.local.stepfunctions;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One execution's mutable state, guarded by its lock. Everything needed to resume it after a
 * restart is here and in {@link #toJson()}: the current state and its input, the context, the
 * waiting task token and the wait / retry / timeout deadlines as wall-clock instants.
 */
final class Execution {
    enum Phase {
        /** About to run the current state. */
        ENTERING,
        /** In a Wait state until {@link #resumeAt}. */
        WAITING,
        /** A Task failed and is retried at {@link #resumeAt}. */
        RETRY_PENDING,
        /** A Task's function is being invoked. */
        TASK_RUNNING,
        /** A {@code .waitForTaskToken} task waits for SendTaskSuccess/Failure of {@link #token}. */
        TASK_WAITING_TOKEN,
        DONE
    }

    final ReentrantLock lock = new ReentrantLock();
    final String arn;
    final String name;
    final String machineArn;
    final JsonNode input;
    final Instant startTime;

    WorkflowStatus status = WorkflowStatus.RUNNING;
    JsonNode output;
    String error;
    String cause;
    Instant stopTime;

    String state;
    JsonNode stateInput;
    Instant stateEnteredTime;
    Phase phase = Phase.ENTERING;
    /** Attempts made per retrier of the current state (Retry index -> count). */
    Map<Integer, Integer> retries = new HashMap<>();
    int retryCount;
    /** Bumped on every step, so that a late timer, invocation result or callback of an earlier step is ignored. */
    long step;
    String token;
    Instant resumeAt;
    Instant taskTimeoutAt;
    Instant heartbeatAt;
    Instant executionTimeoutAt;
    final List<String> visited = new ArrayList<>();
    /** A short history ("TaskFailed Submit com.x.E", "RetryScheduled Submit 2.0"...), for tests and logs. */
    final List<String> events = new ArrayList<>();

    Execution(String arn, String name, String machineArn, JsonNode input, Instant startTime) {
        this.arn = arn;
        this.name = name;
        this.machineArn = machineArn;
        this.input = input;
        this.startTime = startTime;
    }

    /** The context object ({@code $$}) of the current state. */
    JsonNode context(String taskToken) {
        ObjectNode c = AslPaths.JSON.createObjectNode();
        ObjectNode e = c.putObject("Execution");
        e.put("Id", arn);
        e.put("Name", name);
        e.set("Input", input);
        e.put("StartTime", startTime.toString());
        e.put("RoleArn", "arn:aws:iam::" + StepFunctionsEngine.ACCOUNT + ":role/local-state-machine");
        ObjectNode m = c.putObject("StateMachine");
        m.put("Id", machineArn);
        m.put("Name", machineArn.substring(machineArn.lastIndexOf(':') + 1));
        ObjectNode s = c.putObject("State");
        s.put("Name", state);
        s.put("EnteredTime", stateEnteredTime == null ? null : stateEnteredTime.toString());
        s.put("RetryCount", retryCount);
        if (taskToken != null) {
            c.putObject("Task").put("Token", taskToken);
        }
        return c;
    }

    ObjectNode toJson() {
        ObjectNode j = AslPaths.JSON.createObjectNode();
        j.put("arn", arn);
        j.put("name", name);
        j.put("machineArn", machineArn);
        j.set("input", input);
        j.put("startTime", startTime.toString());
        j.put("status", status.name());
        j.set("output", output);
        j.put("error", error);
        j.put("cause", cause);
        j.put("stopTime", str(stopTime));
        j.put("state", state);
        j.set("stateInput", stateInput);
        j.put("stateEnteredTime", str(stateEnteredTime));
        j.put("phase", phase.name());
        ObjectNode r = j.putObject("retries");
        retries.forEach((k, v) -> r.put(String.valueOf(k), v));
        j.put("retryCount", retryCount);
        j.put("token", token);
        j.put("resumeAt", str(resumeAt));
        j.put("taskTimeoutAt", str(taskTimeoutAt));
        j.put("heartbeatAt", str(heartbeatAt));
        j.put("executionTimeoutAt", str(executionTimeoutAt));
        ArrayNode v = j.putArray("visited");
        visited.forEach(v::add);
        ArrayNode h = j.putArray("events");
        events.forEach(h::add);
        return j;
    }

    static Execution fromJson(JsonNode j) {
        Execution x = new Execution(j.get("arn").asText(), j.get("name").asText(), j.get("machineArn").asText(),
                j.get("input"), Instant.parse(j.get("startTime").asText()));
        x.status = WorkflowStatus.valueOf(j.get("status").asText());
        x.output = nullable(j.get("output"));
        x.error = text(j, "error");
        x.cause = text(j, "cause");
        x.stopTime = instant(j, "stopTime");
        x.state = text(j, "state");
        x.stateInput = nullable(j.get("stateInput"));
        x.stateEnteredTime = instant(j, "stateEnteredTime");
        x.phase = Phase.valueOf(j.get("phase").asText());
        j.path("retries").fields().forEachRemaining(e -> x.retries.put(Integer.parseInt(e.getKey()), e.getValue().asInt()));
        x.retryCount = j.path("retryCount").asInt();
        x.token = text(j, "token");
        x.resumeAt = instant(j, "resumeAt");
        x.taskTimeoutAt = instant(j, "taskTimeoutAt");
        x.heartbeatAt = instant(j, "heartbeatAt");
        x.executionTimeoutAt = instant(j, "executionTimeoutAt");
        j.path("visited").forEach(v -> x.visited.add(v.asText()));
        j.path("events").forEach(v -> x.events.add(v.asText()));
        return x;
    }

    private static String str(Instant i) {
        return i == null ? null : i.toString();
    }

    private static String text(JsonNode j, String f) {
        JsonNode v = j.get(f);
        return v == null || v.isNull() ? null : v.asText();
    }

    private static Instant instant(JsonNode j, String f) {
        String s = text(j, f);
        return s == null ? null : Instant.parse(s);
    }

    private static JsonNode nullable(JsonNode n) {
        return n;
    }
}
