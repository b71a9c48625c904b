package com.carrier.numbers.port;

/** A conditional write lost: what it was conditioned on has changed. Re-read and decide again. */
public class ConditionFailed extends RuntimeException {
    private final boolean accountRefused;

    public ConditionFailed(String message, boolean accountRefused) {
        super(message, null, false, false);
        this.accountRefused = accountRefused;
    }

    /** True when an account's condition failed (its balance did not cover the debit). */
    public boolean accountRefused() {
        return accountRefused;
    }
}
