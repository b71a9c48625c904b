package com.carrier.numbers.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The 15-day cool-off: a DID that carried a call in the last 15 days cannot go back to the parent
 * pool (and on to another customer) until 15 days after that call.
 */
public final class CoolOff {
    public static final Duration PERIOD = Duration.ofDays(15);

    private CoolOff() {
    }

    /** When the cool-off ends, if it is still in effect at {@code now}; empty if never used or over. */
    public static Optional<Instant> until(Instant lastCallAt, Instant now) {
        if (lastCallAt == null) {
            return Optional.empty();
        }
        Instant end = lastCallAt.plus(PERIOD);
        return end.isAfter(now) ? Optional.of(end) : Optional.empty();
    }
}
