package com.carrier.numbers.testing;

import com.carrier.numbers.port.Workflows;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Workflows for tests that drive a lifecycle's steps themselves (the domain, the event files):
 * it runs nothing, and records what the domain asked for (starts, stops, task answers), with
 * Step Functions' rule that an execution name is used once: a second start of a name starts
 * nothing. It can lose starts on purpose ({@link #loseNextStarts}), as a failed StartExecution
 * call would.
 */
public final class RecordingWorkflows implements Workflows {
    /** An execution the domain started. */
    public record Started(Machine machine, String name, String input) {
    }

    public record Answer(String token, boolean success, String output, String error) {
    }

    private final Map<String, Started> started = new LinkedHashMap<>();
    private final List<String> stopped = new ArrayList<>();
    private final List<Answer> answers = new ArrayList<>();
    private final AtomicInteger toLose = new AtomicInteger();
    private int attempts;

    /** The next {@code n} starts throw, as StartExecution does when the service cannot be reached. */
    public void loseNextStarts(int n) {
        toLose.set(n);
    }

    @Override
    public synchronized boolean start(Machine machine, String executionName, String inputJson) {
        attempts++;
        if (toLose.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            throw new IllegalStateException("StartExecution failed: connection reset (lost on purpose)");
        }
        return started.putIfAbsent(machine + "/" + executionName, new Started(machine, executionName, inputJson)) == null;
    }

    @Override
    public synchronized void stop(Machine machine, String executionName, String cause) {
        stopped.add(machine + "/" + executionName);
    }

    @Override
    public synchronized void sendTaskSuccess(String taskToken, String outputJson) {
        answers.add(new Answer(taskToken, true, outputJson, null));
    }

    @Override
    public synchronized void sendTaskFailure(String taskToken, String error, String cause) {
        answers.add(new Answer(taskToken, false, cause, error));
    }

    public synchronized List<Started> started() {
        return List.copyOf(started.values());
    }

    public synchronized List<Started> started(Machine machine) {
        return started.values().stream().filter(s -> s.machine() == machine).toList();
    }

    /** StartExecution calls made, lost ones and repeats of a name included. */
    public synchronized int attempts() {
        return attempts;
    }

    public synchronized List<String> stopped() {
        return List.copyOf(stopped);
    }

    public synchronized List<Answer> answers() {
        return List.copyOf(answers);
    }
}
