package com.carrier.numbers.service;

import com.carrier.numbers.domain.Account;
import com.carrier.numbers.domain.AccountType;
import com.carrier.numbers.domain.Caller;
import com.carrier.numbers.domain.CoolOff;
import com.carrier.numbers.domain.E164;
import com.carrier.numbers.domain.ErrorCode;
import com.carrier.numbers.domain.NumberState;
import com.carrier.numbers.domain.PhoneNumber;
import com.carrier.numbers.domain.PlatformException;
import com.carrier.numbers.port.ConditionFailed;
import com.carrier.numbers.port.JobItemMark;
import com.carrier.numbers.port.NumberStore;
import com.carrier.numbers.port.NumberWrite;
import com.carrier.numbers.port.StoreUnavailable;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** A master's pool of DIDs and the hand-over to (and back from) its sub-accounts, with the 15-day cool-off. */
public class SubAccountPool {
    private static final int ATTEMPTS = 5;

    private final NumberStore numbers;
    private final Scope scope;
    private final Clock clock;
    private final CallActivity calls;

    public SubAccountPool(NumberStore numbers, Scope scope, Clock clock, CallActivity calls) {
        this.numbers = numbers;
        this.scope = scope;
        this.clock = clock;
        this.calls = calls;
    }

    /** The master (parent of {@code subAccountId}) hands one of its in-service, unassigned DIDs to the sub-account. */
    public PhoneNumber assign(Caller caller, String subAccountId, String number) {
        return assign(caller, subAccountId, number, null);
    }

    /** {@link #assign} as item {@code job} of a bulk job (its result written in the assign's transaction). */
    public PhoneNumber assign(Caller caller, String subAccountId, String number, JobItemMark job) {
        String e164 = E164.parse(number, "number");
        Account sub = requireSubOfCaller(caller, subAccountId);
        return write(e164, () -> {
            Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
            PhoneNumber before = numbers.find(e164).filter(p -> sub.parentId().equals(p.ownerId()))
                    .orElseThrow(() -> PlatformException.notFound("number " + e164));
            if (subAccountId.equals(before.subAccountId())) {
                return before; // already there: assigning again changes nothing
            }
            if (before.state() != NumberState.IN_SERVICE || before.subAccountId() != null) {
                throw new PlatformException(ErrorCode.NUMBER_UNAVAILABLE, e164 + " is not an unassigned in-service number of the pool",
                        Map.of("number", e164));
            }
            NumberDraft d = NumberDraft.of(before);
            d.subAccountId = subAccountId;
            PhoneNumber after = d.build();
            numbers.apply(new NumberWrite(before, after, null, Counters.deltas(before, after), null,
                    Audits.event(caller, now, e164, before.state(), "assign", subAccountId, "assign to " + subAccountId, false, null))
                    .withJobItem(job));
            return after;
        });
    }

    /**
     * Back to the parent pool: at once if the DID never had a call or its cool-off is over; else
     * 409 did_cool_off_in_effect with cool_off_until and cool_off_remaining_seconds. {@code force}
     * (admin only, else 403) overrides and writes an audit record naming the cool-off it overrode.
     */
    public PhoneNumber unassign(Caller caller, String subAccountId, String number, boolean force, String reason) {
        return unassign(caller, subAccountId, number, force, reason, null);
    }

    /** {@link #unassign} as item {@code job} of a bulk job (its result written in the unassign's transaction). */
    public PhoneNumber unassign(Caller caller, String subAccountId, String number, boolean force, String reason, JobItemMark job) {
        String e164 = E164.parse(number, "number");
        if (force && !caller.isAdmin()) {
            throw PlatformException.forbidden("force=true is for platform operators only");
        }
        requireSubOfCaller(caller, subAccountId);
        return write(e164, () -> {
            Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
            PhoneNumber before = numbers.find(e164).filter(p -> subAccountId.equals(p.subAccountId()))
                    .orElseThrow(() -> PlatformException.notFound("number " + e164));
            Optional<Instant> coolOff = CoolOff.until(calls.lastCallAt(e164).orElse(null), now);
            if (coolOff.isPresent() && !force) {
                Map<String, Object> details = new LinkedHashMap<>();
                details.put("cool_off_until", coolOff.get().toString());
                details.put("cool_off_remaining_seconds", Duration.between(now, coolOff.get()).toSeconds());
                throw new PlatformException(ErrorCode.DID_COOL_OFF_IN_EFFECT,
                        e164 + " carried a call in the last 15 days; it can go back to the pool at " + coolOff.get(), details);
            }
            NumberDraft d = NumberDraft.of(before);
            d.subAccountId = null;
            PhoneNumber after = d.build();
            boolean overrode = coolOff.isPresent();
            String why = overrode ? (reason == null || reason.isBlank() ? "forced unassign during cool-off" : reason)
                    : "unassign from " + subAccountId;
            numbers.apply(new NumberWrite(before, after, null, Counters.deltas(before, after), null,
                    Audits.event(caller, now, e164, before.state(), overrode ? "forced_unassign" : "unassign", subAccountId,
                            why, overrode, coolOff.orElse(null))).withJobItem(job));
            return after;
        });
    }

    /** The sub-account, if the caller is its master (or an admin): 403 otherwise. */
    private Account requireSubOfCaller(Caller caller, String subAccountId) {
        Account sub = scope.require(caller, subAccountId);
        if (sub.type() != AccountType.SUB || sub.parentId() == null) {
            throw PlatformException.validation("sub_account_id", subAccountId + " is not a sub-account");
        }
        if (!caller.isAdmin() && !caller.accountId().equals(sub.parentId())) {
            throw PlatformException.forbidden("only the master account of " + subAccountId + " manages its numbers");
        }
        return sub;
    }

    private PhoneNumber write(String e164, java.util.function.Supplier<PhoneNumber> readDecideWrite) {
        try {
            return Retry.onConflict(ATTEMPTS, readDecideWrite);
        } catch (ConditionFailed | StoreUnavailable e) {
            throw new PlatformException(ErrorCode.NUMBER_UNAVAILABLE, e164 + " is being changed by others; try again");
        }
    }
}
