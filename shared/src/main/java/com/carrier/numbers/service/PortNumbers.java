package com.carrier.numbers.service;

import com.carrier.numbers.domain.Caller;
import com.carrier.numbers.domain.NumberLifecycle;
import com.carrier.numbers.domain.NumberState;
import com.carrier.numbers.domain.PhoneNumber;
import com.carrier.numbers.domain.PlatformException;
import com.carrier.numbers.domain.Port;
import com.carrier.numbers.domain.PortLifecycle;
import com.carrier.numbers.domain.Rate;
import com.carrier.numbers.port.ConditionFailed;
import com.carrier.numbers.port.NumberStore;
import com.carrier.numbers.port.NumberWrite;
import com.carrier.numbers.port.StoreUnavailable;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The number side of a port: each number is claimed in {@code port_in} on the account when the
 * port is accepted (so another port or a purchase cannot take it: 409), and withdrawn when the
 * port does not happen. Every change goes through a {@link NumberLifecycle} row.
 */
final class PortNumbers {
    private static final int ATTEMPTS = 10;

    private final NumberStore numbers;
    private final Clock clock;

    PortNumbers(NumberStore numbers, Clock clock) {
        this.numbers = numbers;
        this.clock = clock;
    }

    /** Claims every number of the port's current attempt; if one is taken, releases those claimed and answers 409. */
    void claim(Caller caller, Port port, Function<String, Rate> rateOf) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        List<PhoneNumber> claimed = new ArrayList<>();
        for (String n : port.numberList()) {
            PhoneNumber p = Ports.portInNumber(n, port, rateOf.apply(n));
            try {
                numbers.apply(new NumberWrite(null, p, NumberLifecycle.PORT_IN_REQUEST, Counters.deltas(null, p), null,
                        Audits.change(caller, now, n, null, NumberLifecycle.PORT_IN_REQUEST, port.accountId())));
                claimed.add(p);
            } catch (ConditionFailed | StoreUnavailable e) {
                for (PhoneNumber c : claimed) {
                    withdrawOne(caller, port.accountId(), c.number(), "port " + port.id() + " not accepted");
                }
                throw Ports.unavailable(n);
            }
        }
    }

    /** Removes the port's numbers still in port_in on its account (cancel, failure). */
    void withdraw(Caller caller, Port port, PortLifecycle why) {
        for (String n : port.numberList()) {
            withdrawOne(caller, port.accountId(), n, why.name().toLowerCase(java.util.Locale.ROOT) + " of " + port.id());
        }
    }

    /** Removes one number if it is still a port_in number of {@code accountId}; anything else is left alone. */
    void withdrawOne(Caller caller, String accountId, String number, String reason) {
        try {
            Retry.onConflict(ATTEMPTS, () -> {
                Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
                numbers.find(number)
                        .filter(p -> p.state() == NumberState.PORT_IN && accountId.equals(p.ownerId()))
                        .ifPresent(p -> numbers.apply(new NumberWrite(p, null, NumberLifecycle.PORT_IN_WITHDRAW,
                                Counters.deltas(p, null), null,
                                new com.carrier.numbers.domain.AuditRecord(number, now, NumberLifecycle.PORT_IN_WITHDRAW.reason(),
                                        p.state(), null, caller.accountId(), caller.authId(), accountId, reason, false, null))));
                return null;
            });
        } catch (ConditionFailed | StoreUnavailable e) {
            throw new PlatformException(com.carrier.numbers.domain.ErrorCode.INTERNAL_ERROR,
                    "could not remove " + number + " from the account; try again");
        }
    }
}
