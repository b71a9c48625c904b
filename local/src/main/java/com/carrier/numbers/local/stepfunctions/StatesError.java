package com.carrier.numbers.local.stepfunctions;

/** A runtime error with a Step Functions error name ({@code States.Runtime}, {@code States.Timeout}, a Lambda errorType...). */
public final class StatesError extends RuntimeException {
    private final String error;
    private final String cause;

    public StatesError(String error, String cause) {
        super(error + (cause == null ? "" : ": " + cause));
        this.error = error;
        this.cause = cause;
    }

    public static StatesError runtime(String cause) {
        return new StatesError("States.Runtime", cause);
    }

    public String error() {
        return error;
    }

    public String causeText() {
        return cause;
    }
}
