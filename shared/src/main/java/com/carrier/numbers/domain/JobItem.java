package com.carrier.numbers.domain;

/**
 * One operation of a job and its result. {@code number} is null for a quantity purchase until it
 * runs and takes a number. {@code status} is pending, succeeded or failed; a failure carries the
 * single operation's error code and message.
 */
public record JobItem(String jobId, int index, String action, String number, String status, String errorCode,
                      String errorMessage) {
    public static final String PENDING = "pending";
    public static final String SUCCEEDED = "succeeded";
    public static final String FAILED = "failed";

    public boolean pending() {
        return PENDING.equals(status);
    }
}
