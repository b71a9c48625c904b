package com.carrier.numbers.domain;

import java.util.EnumSet;
import java.util.Set;

/**
 * The one table of allowed state changes of a number (after Kazoo's knm_number_states).
 * Every change of state in the platform names one of these actions; the persistence adapter
 * turns {@link #from()} into the condition of its write, so a number can only move along a row
 * of this table, and the audit trail records the action's name as the reason.
 */
public enum NumberLifecycle {
    /** An operator loads a number into inventory. {@code null} stands for "no such number yet". */
    LOAD(null, NumberState.AVAILABLE),
    /** A customer holds an available number (or one whose earlier hold has lapsed). */
    RESERVE(EnumSet.of(NumberState.AVAILABLE, NumberState.RESERVED), NumberState.RESERVED),
    /** A hold is dropped before its expiry: its holder releases it (back in inventory at once, no aging). */
    CANCEL_HOLD(EnumSet.of(NumberState.RESERVED), NumberState.AVAILABLE),
    /** Purchase: from inventory, or from a hold the buyer owns (or that has lapsed). */
    PURCHASE(EnumSet.of(NumberState.AVAILABLE, NumberState.RESERVED), NumberState.IN_SERVICE),
    /** Release: the number leaves the account and starts aging (a reserved one is never released: CANCEL_HOLD). */
    RELEASE(EnumSet.of(NumberState.IN_SERVICE, NumberState.PORT_IN), NumberState.RELEASED),
    /** Aging is over: the number returns to inventory. */
    AGE_OUT(EnumSet.of(NumberState.RELEASED), NumberState.AVAILABLE),
    /** A port-in request creates the number in port_in. */
    PORT_IN_REQUEST(null, NumberState.PORT_IN),
    /** The losing carrier completed the port: the number is live here. */
    PORT_IN_COMPLETE(EnumSet.of(NumberState.PORT_IN), NumberState.IN_SERVICE),
    /**
     * The port did not happen (cancelled, failed, or the carrier rejected this number): the number
     * was never ours, so it leaves the platform at once, without aging. {@code null}: no such number.
     */
    PORT_IN_WITHDRAW(EnumSet.of(NumberState.PORT_IN), null),
    /** Another carrier asked for one of our numbers. */
    PORT_OUT_REQUEST(EnumSet.of(NumberState.IN_SERVICE), NumberState.PORT_OUT),
    /** A port-out was withdrawn: the number stays in service here. */
    PORT_OUT_CANCEL(EnumSet.of(NumberState.PORT_OUT), NumberState.IN_SERVICE),
    /** The port-out completed: the number has left us; it ages like a released one. */
    PORT_OUT_COMPLETE(EnumSet.of(NumberState.PORT_OUT), NumberState.RELEASED);

    private final Set<NumberState> from;
    private final NumberState to;

    NumberLifecycle(Set<NumberState> from, NumberState to) {
        this.from = from == null ? Set.of() : Set.copyOf(from);
        this.to = to;
    }

    /** States the number may be in for this action; empty means the number must not exist yet. */
    public Set<NumberState> from() {
        return from;
    }

    /** The state this action leads to; null when the number leaves the platform (its item is deleted). */
    public NumberState to() {
        return to;
    }

    public boolean removesNumber() {
        return to == null;
    }

    public boolean createsNumber() {
        return from.isEmpty();
    }

    public boolean allows(NumberState current) {
        return current == null ? createsNumber() : from.contains(current);
    }

    public String reason() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
