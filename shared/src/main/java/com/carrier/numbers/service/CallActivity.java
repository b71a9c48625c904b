package com.carrier.numbers.service;

import com.carrier.numbers.domain.E164;
import com.carrier.numbers.domain.PlatformException;
import com.carrier.numbers.port.CallActivityStore;
import com.carrier.numbers.port.NumberStore;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Calls reported by the switch: the last call per number, which drives the cool-off. Stored apart
 * from the number item, so a report at call volume never rewrites the number or its index copies.
 */
public class CallActivity {
    /** One call the switch reported. */
    public record Call(String number, Instant at) {
    }

    private final NumberStore numbers;
    private final CallActivityStore calls;

    public CallActivity(NumberStore numbers, CallActivityStore calls) {
        this.numbers = numbers;
        this.calls = calls;
    }

    /**
     * Records a call on {@code number} at {@code at}; keeps the latest (an older report never moves it
     * back). Unknown numbers are 404. A report on a number no customer has in service (back in
     * inventory, aging, held) is nobody's call: it is accepted and dropped, so a late report of a
     * previous customer's call never holds the next customer to a cool-off.
     */
    public void record(String number, Instant at) {
        String e164 = E164.parse(number, "number");
        if (at == null) {
            throw PlatformException.validation("at", "at is required");
        }
        var current = numbers.find(e164).orElseThrow(() -> PlatformException.notFound("number " + e164));
        if (current.state() == com.carrier.numbers.domain.NumberState.IN_SERVICE) {
            calls.record(e164, at);
        }
    }

    /**
     * A batch from the switch's queue: the latest call of each number, written side by side. No
     * existence check (one read per report would double the cost at call volume): a report of a
     * number we do not have leaves a small item nobody reads.
     */
    public void recordAll(List<Call> reported) {
        Map<String, Instant> latest = new HashMap<>();
        for (Call c : reported) {
            latest.merge(c.number(), c.at(), (a, b) -> a.isAfter(b) ? a : b);
        }
        calls.recordAll(latest);
    }

    /** The last call reported on {@code e164}, if any, (what the cool-off and the deferred unassign read). */
    public Optional<Instant> lastCallAt(String e164) {
        return calls.lastCall(e164);
    }
}
