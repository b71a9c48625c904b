package com.carrier.numbers.service;

import com.carrier.numbers.domain.PhoneNumber;
import com.carrier.numbers.port.DueWork;
import com.carrier.numbers.port.NumberStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The backstop for lost workflow starts (DESIGN.md section 5: a state change and the start of its
 * execution are not one transaction). Scheduled, it reads from a sparse index only the numbers whose
 * wait ended more than {@link #GRACE} ago, and does what their execution would have done: ages out a
 * released number (same release only), finishes a deferred unassign (or moves it on after a newer
 * call). Both steps are conditional and idempotent, so racing a live execution is harmless; the grace
 * leaves the ordinary case to the execution.
 */
public class OverdueSweep {
    /** How long past its due time a number waits before the sweep steps in. */
    public static final Duration GRACE = Duration.ofMinutes(10);
    /** Numbers per run and kind: a backlog is worked off over successive runs. */
    static final int BATCH = 500;

    /** What one run did. */
    public record Report(int agedOut, int unassigned, int rescheduled, int unchanged, int failed) {
    }

    /**
     * When a wait is over. On AWS, and by default, at its due time on the wall clock; the local runtime
     * scales waits (DESIGN.md section 5), so there a wait from {@code since} to {@code dueAt} is over
     * after (dueAt - since) / scale of wall-clock time.
     */
    public interface WaitClock {
        /** The latest due time the store must be asked for at {@code now} (a bound: {@link #isOver} decides). */
        Instant readDueBy(Instant now);

        boolean isOver(DueWork work, Instant now);

        /** Real time, with the grace: what the deployed sweep uses. */
        static WaitClock realTime(Duration grace) {
            return new WaitClock() {
                @Override public Instant readDueBy(Instant now) {
                    return now.minus(grace);
                }

                @Override public boolean isOver(DueWork work, Instant now) {
                    return !work.dueAt().isAfter(now.minus(grace));
                }
            };
        }

        /**
         * Waits {@code scale} times faster (the local runtime's clock); the grace is wall-clock time.
         * The due times in the store are wall-clock ones, so every waiting number is read and the
         * scaled end of its wait computed: fine for a local data set, and why AWS never uses this.
         */
        static WaitClock scaled(double scale, Duration grace) {
            return new WaitClock() {
                @Override public Instant readDueBy(Instant now) {
                    return Instant.parse("9999-12-31T23:59:59Z");
                }

                @Override public boolean isOver(DueWork work, Instant now) {
                    Instant since = work.since() == null ? work.dueAt() : work.since();
                    long waitMillis = Math.max(0, Duration.between(since, work.dueAt()).toMillis());
                    Instant over = since.plusMillis((long) (waitMillis / scale)).plus(grace);
                    return !over.isAfter(now);
                }
            };
        }
    }

    private final NumberStore numbers;
    private final Inventory inventory;
    private final SubAccountPool pool;
    private final Clock clock;

    public OverdueSweep(NumberStore numbers, Inventory inventory, SubAccountPool pool, Clock clock) {
        this.numbers = numbers;
        this.inventory = inventory;
        this.pool = pool;
        this.clock = clock;
    }

    /** One run on real time (the scheduled function). */
    public Report run() {
        return run(WaitClock.realTime(GRACE));
    }

    public Report run(WaitClock waits) {
        Instant now = clock.instant();
        int agedOut = 0;
        int unassigned = 0;
        int rescheduled = 0;
        int unchanged = 0;
        int failed = 0;
        for (DueWork.Kind kind : DueWork.Kind.values()) {
            List<DueWork> due = numbers.due(kind, waits.readDueBy(now), BATCH);
            for (DueWork work : due) {
                if (!waits.isOver(work, now)) {
                    continue;
                }
                try {
                    PhoneNumber current = numbers.find(work.number()).orElse(null);
                    if (current == null) {
                        unchanged++;
                    } else if (kind == DueWork.Kind.AGING) {
                        if (current.releasedAt() != null && inventory.ageOut(work.number(), current.releasedAt()).agedOut()) {
                            agedOut++;
                        } else {
                            unchanged++;
                        }
                    } else if (current.unassignSchedule() != null) {
                        var s = current.unassignSchedule();
                        var outcome = pool.completeDeferredUnassign(work.number(), s.subAccountId(), s.requestedAt(), s.coolOffUntil());
                        switch (outcome.result()) {
                            case UNASSIGNED -> unassigned++;
                            case WAITING -> rescheduled++;
                            default -> unchanged++;
                        }
                    } else {
                        unchanged++;
                    }
                } catch (RuntimeException e) {
                    failed++; // the next run tries again; one number never stops the others
                }
            }
        }
        return new Report(agedOut, unassigned, rescheduled, unchanged, failed);
    }
}
