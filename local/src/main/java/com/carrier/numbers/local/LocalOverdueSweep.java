package com.carrier.numbers.local;

import com.carrier.numbers.NumbersPlatform;
import com.carrier.numbers.service.OverdueSweep;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The template's OverdueNumbersSweepFunction schedule (every 5 minutes on AWS), run by the local
 * runtime on its scaled workflow time: the interval is scaled (at least a second), and a wait counts
 * as over after its scaled length plus a grace of the deployed grace scaled, but at least a few
 * wall-clock seconds, so the in-JVM engine's own execution normally finishes first and the sweep only
 * catches what a lost start left behind.
 */
final class LocalOverdueSweep implements AutoCloseable {
    /** The deployed schedule's rate. */
    static final Duration DEPLOYED_INTERVAL = Duration.ofMinutes(5);
    /** Never less than this behind the engine locally: its executions run their tasks right after their waits. */
    static final Duration MIN_LOCAL_GRACE = Duration.ofSeconds(5);

    private final ScheduledExecutorService timer;

    private LocalOverdueSweep(ScheduledExecutorService timer) {
        this.timer = timer;
    }

    static LocalOverdueSweep start(NumbersPlatform platform, double scale) {
        Duration interval = clamp(scaled(DEPLOYED_INTERVAL, scale), Duration.ofSeconds(1), DEPLOYED_INTERVAL);
        Duration grace = max(scaled(OverdueSweep.GRACE, scale), MIN_LOCAL_GRACE);
        OverdueSweep.WaitClock waits = scale == 1 ? OverdueSweep.WaitClock.realTime(OverdueSweep.GRACE)
                : OverdueSweep.WaitClock.scaled(scale, grace);
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "overdue-sweep");
            t.setDaemon(true);
            return t;
        });
        timer.scheduleWithFixedDelay(() -> {
            try {
                OverdueSweep.Report r = platform.overdueSweep().run(waits);
                if (r.agedOut() + r.unassigned() + r.rescheduled() + r.failed() > 0) {
                    System.out.println("overdue sweep: " + r);
                }
            } catch (RuntimeException e) {
                System.err.println("overdue sweep failed (next run retries): " + e);
            }
        }, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
        return new LocalOverdueSweep(timer);
    }

    private static Duration scaled(Duration d, double scale) {
        return Duration.ofNanos(Math.round(d.toNanos() / scale));
    }

    private static Duration clamp(Duration d, Duration lo, Duration hi) {
        return d.compareTo(lo) < 0 ? lo : d.compareTo(hi) > 0 ? hi : d;
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
