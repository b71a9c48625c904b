package com.carrier.numbers.testing;

import com.carrier.numbers.port.Workflows;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Stands in for the engine where a test only needs to see which executions the domain asked for,
 * by name, as Step Functions keeps them: a second start of a name starts nothing. It can lose
 * starts on purpose ({@link #loseNextStarts}), as a failed StartExecution call would.
 */
public final class RecordingWorkflows implements Workflows {
    /** An execution the domain started. */
    public record Started(Machine machine, String name, String input) {
    }

    private final Map<String, Started> started = new LinkedHashMap<>();
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

    public synchronized List<Started> started() {
        return new ArrayList<>(started.values());
    }

    public synchronized int attempts() {
        return attempts;
    }

    @Override
    public void stop(Machine machine, String executionName, String cause) {
        throw new UnsupportedOperationException("aging and cool-off never stop executions");
    }

    @Override
    public void sendTaskSuccess(String taskToken, String outputJson) {
        throw new UnsupportedOperationException("aging and cool-off have no callback tasks");
    }

    @Override
    public void sendTaskFailure(String taskToken, String error, String cause) {
        throw new UnsupportedOperationException("aging and cool-off have no callback tasks");
    }
}
