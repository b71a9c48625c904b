package com.carrier.numbers.domain;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * A bulk job's status and its one table of allowed changes: queued -> running when the consumer
 * takes its first item; queued or running -> one final status once every item has a result. The
 * store turns {@link #FINAL_FROM} into the condition of the final write, so it is set exactly once.
 */
public enum JobStatus {
    QUEUED, RUNNING, COMPLETED, COMPLETED_WITH_ERRORS, FAILED;

    /** The statuses a job may leave for running ({@link #START_FROM}) or for a final status ({@link #FINAL_FROM}). */
    public static final Set<JobStatus> START_FROM = EnumSet.of(QUEUED);
    public static final Set<JobStatus> FINAL_FROM = EnumSet.of(QUEUED, RUNNING);

    public boolean isFinal() {
        return !FINAL_FROM.contains(this);
    }

    /** The final status of a job whose items all have results: failed only if none succeeded. */
    public static JobStatus finalFor(long succeeded, long failed) {
        if (failed == 0) {
            return COMPLETED;
        }
        return succeeded == 0 ? FAILED : COMPLETED_WITH_ERRORS;
    }

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static JobStatus fromWire(String wire) {
        return valueOf(wire.toUpperCase(Locale.ROOT));
    }
}
