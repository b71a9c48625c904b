package com.carrier.numbers.service;

import com.carrier.numbers.domain.E164;
import com.carrier.numbers.domain.PlatformException;
import com.carrier.numbers.port.NumberStore;
import java.time.Instant;
import java.util.Optional;

/** Calls reported by the switch: the last call per number, which drives the cool-off. */
public class CallActivity {
    private final NumberStore numbers;

    public CallActivity(NumberStore numbers) {
        this.numbers = numbers;
    }

    /** Records a call on {@code number} at {@code at}; keeps the latest (an older report never moves it back). Unknown numbers are 404. */
    public void record(String number, Instant at) {
        String e164 = E164.parse(number, "number");
        if (at == null) {
            throw PlatformException.validation("at", "at is required");
        }
        if (!numbers.recordCall(e164, at)) {
            throw PlatformException.notFound("number " + e164);
        }
    }

    /**
     * The last call reported on {@code e164}, if any: the one place the cool-off reads call activity
     * from (the deferred unassign's re-check included), whatever store keeps the reports.
     */
    public Optional<Instant> lastCallAt(String e164) {
        return numbers.find(e164).map(p -> p.lastCallAt());
    }
}
