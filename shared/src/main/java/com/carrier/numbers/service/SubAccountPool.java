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
import com.carrier.numbers.domain.UnassignSchedule;
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
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A master's pool of DIDs and the hand-over to (and back from) its sub-accounts, with the 15-day cool-off. */
public class SubAccountPool {
    private static final int ATTEMPTS = 5;

    private final NumberStore numbers;
    private final Scope scope;
    private final Clock clock;
    private final CallActivity callActivity;
    private final NumberWorkflows workflows;

    public SubAccountPool(NumberStore numbers, Scope scope, Clock clock, CallActivity callActivity, NumberWorkflows workflows) {
        this.numbers = numbers;
        this.scope = scope;
        this.clock = clock;
        this.callActivity = callActivity;
        this.workflows = workflows;
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
            PhoneNumber before = assignedTo(e164, subAccountId);
            Optional<Instant> coolOff = CoolOff.until(callActivity.lastCallAt(e164).orElse(null), now);
            if (coolOff.isPresent() && !force) {
                throw coolOffInEffect(e164, coolOff.get(), now);
            }
            return unassignNow(caller, before, subAccountId, now, coolOff, reason, job);
        });
    }

    /** What a deferred unassign request did: unassigned at once (no cool-off), or scheduled for when it ends. */
    public record UnassignOutcome(PhoneNumber number, boolean scheduled) {
    }

    /**
     * {@code ?defer=true}: with no cool-off in effect, unassigns at once as {@link #unassign} does;
     * during a cool-off, schedules the unassign for when it ends (the number's unassign_schedule)
     * and starts the cool-off execution that carries it out. Asking again while scheduled changes
     * nothing and starts nothing new.
     */
    public UnassignOutcome unassignWhenCooledOff(Caller caller, String subAccountId, String number) {
        String e164 = E164.parse(number, "number");
        requireSubOfCaller(caller, subAccountId);
        UnassignOutcome outcome = write(e164, () -> {
            Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
            PhoneNumber before = assignedTo(e164, subAccountId);
            if (before.unassignSchedule() != null) {
                return new UnassignOutcome(before, true); // asking twice schedules once
            }
            Optional<Instant> coolOff = CoolOff.until(callActivity.lastCallAt(e164).orElse(null), now);
            if (coolOff.isEmpty()) {
                return new UnassignOutcome(unassignNow(caller, before, subAccountId, now, coolOff, null, null), false);
            }
            NumberDraft d = NumberDraft.of(before);
            d.unassignSchedule = new UnassignSchedule(subAccountId, now, coolOff.get(), now);
            PhoneNumber after = d.build();
            numbers.apply(new NumberWrite(before, after, null, List.of(), null,
                    Audits.event(caller, now, e164, before.state(), "unassign_scheduled", subAccountId,
                            "unassign from " + subAccountId + " when the cool-off ends", false, coolOff.get())));
            return new UnassignOutcome(after, true);
        });
        if (outcome.scheduled()) {
            // Also on a repeated request: the name is the schedule's, so a running execution is not doubled,
            // and a start lost the first time gets another chance.
            workflows.startDeferredUnassign(outcome.number());
        }
        return outcome;
    }

    /** What the cool-off execution's check found. */
    public record DeferredUnassignOutcome(Result result, PhoneNumber number, Instant coolOffUntil) {
        public enum Result {
            /** Back in the parent pool. */
            UNASSIGNED,
            /** A call came in during the wait: the cool-off now ends at {@code coolOffUntil}; wait again. */
            WAITING,
            /** Released, forced back, reassigned or rescheduled meanwhile: nothing was changed. */
            ABANDONED
        }
    }

    /**
     * The cool-off execution's check, after waiting until {@code coolOffUntil}: reads the call
     * activity again; if a call came in meanwhile, the schedule moves to the new end and the
     * execution waits again; otherwise the DID goes back to the parent pool, audited as a deferred
     * unassign. It compares the last call with the cool-off the wait was computed from, never with
     * the clock: the wait itself ran on the workflow's (possibly scaled) time. If the schedule it
     * belongs to ({@code requestedAt}) is gone, it changes nothing.
     */
    public DeferredUnassignOutcome completeDeferredUnassign(String number, String subAccountId, Instant requestedAt,
                                                            Instant coolOffUntil) {
        String e164 = E164.parse(number, "number");
        if (subAccountId == null || requestedAt == null || coolOffUntil == null) {
            throw PlatformException.validation("cool_off_until", "sub_account_id, requested_at and cool_off_until are required");
        }
        try {
            return Retry.onConflict(ATTEMPTS, () -> {
                Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
                PhoneNumber before = numbers.find(e164).orElse(null);
                UnassignSchedule schedule = before == null ? null : before.unassignSchedule();
                if (schedule == null || before.state() != NumberState.IN_SERVICE || !subAccountId.equals(before.subAccountId())
                        || !subAccountId.equals(schedule.subAccountId()) || !requestedAt.equals(schedule.requestedAt())) {
                    return new DeferredUnassignOutcome(DeferredUnassignOutcome.Result.ABANDONED, before, null);
                }
                Instant end = callActivity.lastCallAt(e164).map(c -> c.plus(CoolOff.PERIOD)).orElse(null);
                if (end != null && end.isAfter(coolOffUntil)) {
                    NumberDraft d = NumberDraft.of(before);
                    d.unassignSchedule = new UnassignSchedule(subAccountId, requestedAt, end, now);
                    PhoneNumber after = d.build();
                    numbers.apply(new NumberWrite(before, after, null, List.of(), null, null));
                    return new DeferredUnassignOutcome(DeferredUnassignOutcome.Result.WAITING, after, end);
                }
                NumberDraft d = NumberDraft.of(before);
                d.subAccountId = null;
                d.unassignSchedule = null;
                PhoneNumber after = d.build();
                numbers.apply(new NumberWrite(before, after, null, Counters.deltas(before, after), null,
                        Audits.event(Caller.SYSTEM, now, e164, before.state(), "deferred_unassign", subAccountId,
                                "deferred unassign from " + subAccountId + " after the cool-off (requested " + requestedAt + ")",
                                false, coolOffUntil)));
                return new DeferredUnassignOutcome(DeferredUnassignOutcome.Result.UNASSIGNED, after, coolOffUntil);
            });
        } catch (ConditionFailed | StoreUnavailable e) {
            throw new PlatformException(ErrorCode.NUMBER_UNAVAILABLE, e164 + " is being changed by others; try again");
        }
    }

    private PhoneNumber assignedTo(String e164, String subAccountId) {
        return numbers.find(e164).filter(p -> subAccountId.equals(p.subAccountId()))
                .orElseThrow(() -> PlatformException.notFound("number " + e164));
    }

    private static PlatformException coolOffInEffect(String e164, Instant until, Instant now) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("cool_off_until", until.toString());
        details.put("cool_off_remaining_seconds", Duration.between(now, until).toSeconds());
        return new PlatformException(ErrorCode.DID_COOL_OFF_IN_EFFECT,
                e164 + " carried a call in the last 15 days; it can go back to the pool at " + until, details);
    }

    /** The write of an immediate (or forced) unassign; a scheduled deferred unassign is dropped with it. */
    private PhoneNumber unassignNow(Caller caller, PhoneNumber before, String subAccountId, Instant now,
                                   Optional<Instant> coolOff, String reason, JobItemMark job) {
        String e164 = before.number();
        NumberDraft d = NumberDraft.of(before);
        d.subAccountId = null;
        d.unassignSchedule = null;
        PhoneNumber after = d.build();
        boolean overrode = coolOff.isPresent();
        String why = overrode ? (reason == null || reason.isBlank() ? "forced unassign during cool-off" : reason)
                : "unassign from " + subAccountId;
        numbers.apply(new NumberWrite(before, after, null, Counters.deltas(before, after), null,
                Audits.event(caller, now, e164, before.state(), overrode ? "forced_unassign" : "unassign", subAccountId,
                        why, overrode, coolOff.orElse(null))).withJobItem(job));
        return after;
    }

    /** The sub-account, if the caller is its master (or an admin): 403 otherwise. */
    private Account requireSubOfCaller(Caller caller, String subAccountId) {
        Account sub = scope.require(caller, subAccountId);
        if (sub.type() != AccountType.SUB) { // a sub-account always has its parent (Accounts.create)
            throw PlatformException.validation("sub_account_id", subAccountId + " is not a sub-account");
        }
        if (!caller.isAdmin() && !caller.accountId().equals(sub.parentId())) {
            throw PlatformException.forbidden("only the master account of " + subAccountId + " manages its numbers");
        }
        return sub;
    }

    private <T> T write(String e164, java.util.function.Supplier<T> readDecideWrite) {
        try {
            return Retry.onConflict(ATTEMPTS, readDecideWrite);
        } catch (ConditionFailed | StoreUnavailable e) {
            throw new PlatformException(ErrorCode.NUMBER_UNAVAILABLE, e164 + " is being changed by others; try again");
        }
    }
}
