package com.carrier.numbers.local.stepfunctions;

import java.time.Duration;
import java.time.Instant;

/**
 * Scaled workflow time (DESIGN.md section 5). Locally a day of waiting passes in two seconds by
 * default ({@link #DEFAULT_SCALE}); {@code --time-scale N} sets another scale, 1 = real time.
 *
 * <p>Only waits scale: Wait states, task TimeoutSeconds/HeartbeatSeconds, Retry intervals and the
 * simulated carrier's delays ({@link #sleep}, {@link #realDelay}). Clocks and timestamps stay on
 * wall-clock time: a wait until a timestamp lasts {@code (timestamp - time the wait was entered) / scale},
 * so a workflow compares against the timestamps that started its wait, never against a scaled "now".
 */
public final class WorkflowTime {
    /** One day (86 400 s) in two seconds. */
    public static final double DEFAULT_SCALE = 43_200;

    private static volatile WorkflowTime local = new WorkflowTime(DEFAULT_SCALE);

    private final double scale;

    public WorkflowTime(double scale) {
        if (!(scale > 0) || Double.isInfinite(scale)) {
            throw new IllegalArgumentException("time scale must be a positive number, got " + scale);
        }
        this.scale = scale;
    }

    public static WorkflowTime realTime() {
        return new WorkflowTime(1);
    }

    /** The scale the local runtime runs with (set once at start; other local code such as the simulated carrier reads it). */
    public static WorkflowTime local() {
        return local;
    }

    public static void useLocal(WorkflowTime time) {
        local = time;
    }

    public double scale() {
        return scale;
    }

    /** How long a workflow wait of {@code workflowDuration} really lasts here. */
    public Duration realDelay(Duration workflowDuration) {
        return Duration.ofNanos(Math.max(0, Math.round(workflowDuration.toNanos() / scale)));
    }

    /** Real milliseconds for a workflow wait of {@code seconds} (fractions allowed, e.g. a jittered retry). */
    public long realMillis(double seconds) {
        return Math.max(0, Math.round(seconds * 1000 / scale));
    }

    /** The wall-clock instant a wait entered at {@code enteredAt} until workflow timestamp {@code until} really ends. */
    public Instant realDeadline(Instant enteredAt, Instant until) {
        long workflowMillis = until.toEpochMilli() - enteredAt.toEpochMilli();
        return enteredAt.plusMillis(Math.max(0, Math.round(workflowMillis / scale)));
    }

    /** Sleeps for a scaled workflow duration (the simulated carrier's "one business day"). */
    public void sleep(Duration workflowDuration) throws InterruptedException {
        Duration d = realDelay(workflowDuration);
        Thread.sleep(d.toMillis(), (int) (d.toNanos() % 1_000_000));
    }

    @Override
    public String toString() {
        return scale == 1 ? "real time" : "1 day in " + String.format("%.3g", 86_400 / scale) + " s (scale " + scale + ")";
    }
}
