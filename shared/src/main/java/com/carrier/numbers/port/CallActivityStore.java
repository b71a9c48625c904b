package com.carrier.numbers.port;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * The last call per number, kept apart from the number item: a call report neither rewrites the
 * number (and its index copies) nor makes a concurrent change of that number retry.
 */
public interface CallActivityStore {

    /** Moves the number's last call forward to {@code at}; an older report never moves it back. */
    void record(String number, Instant at);

    /** {@link #record} for each number (the latest report of each), side by side. */
    void recordAll(Map<String, Instant> latestPerNumber);

    Optional<Instant> lastCall(String number);

    /** Drops the number's call record (it aged out: the next customer starts without a cool-off). */
    void forget(String number);
}
