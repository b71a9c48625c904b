package com.carrier.numbers.service;

import java.time.Instant;

/** Calls reported by the switch: the last call per number, which drives the cool-off. */
public class CallActivity {

    /** Records a call on {@code number} at {@code at}; keeps the latest (an older report never moves it back). Unknown numbers are 404. */
    public void record(String number, Instant at) {
        throw new UnsupportedOperationException("TODO");
    }
}
