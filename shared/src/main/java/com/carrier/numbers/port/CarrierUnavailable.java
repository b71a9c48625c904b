package com.carrier.numbers.port;

/**
 * The carrier's gateway could not take a submission right now (a transient failure). Thrown out of
 * the submit task, so the state machine's Retry (on this class's name) tries again with backoff.
 */
public class CarrierUnavailable extends RuntimeException {
    public CarrierUnavailable(String message) {
        super(message, null, false, false);
    }
}
