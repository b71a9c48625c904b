package com.carrier.numbers.service;

/**
 * A workflow step found the port moved on without it (cancelled, failed, resubmitted as a newer
 * attempt): the step changes nothing, and the state machine ends quietly on this error's name.
 */
public class PortSuperseded extends RuntimeException {
    public PortSuperseded(String message) {
        super(message, null, false, false);
    }
}
