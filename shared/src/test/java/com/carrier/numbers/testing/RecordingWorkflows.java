package com.carrier.numbers.testing;

import com.carrier.numbers.port.Workflows;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Workflows for tests that drive a lifecycle's steps themselves (the domain, the event files):
 * it runs nothing, and records what the domain asked for (starts, stops, task answers), with
 * Step Functions' rule that an execution name is used once.
 */
public final class RecordingWorkflows implements Workflows {
    public record Start(Machine machine, String name, String input) {
    }

    public record Answer(String token, boolean success, String output, String error) {
    }

    private final Map<String, Start> started = new LinkedHashMap<>();
    private final List<String> stopped = new ArrayList<>();
    private final List<Answer> answers = new ArrayList<>();

    @Override
    public synchronized boolean start(Machine machine, String executionName, String inputJson) {
        return started.putIfAbsent(machine + "/" + executionName, new Start(machine, executionName, inputJson)) == null;
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

    public synchronized List<Start> started() {
        return List.copyOf(started.values());
    }

    public synchronized List<Start> started(Machine machine) {
        return started.values().stream().filter(s -> s.machine() == machine).toList();
    }

    public synchronized List<String> stopped() {
        return List.copyOf(stopped);
    }

    public synchronized List<Answer> answers() {
        return List.copyOf(answers);
    }
}
