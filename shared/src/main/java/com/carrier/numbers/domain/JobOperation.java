package com.carrier.numbers.domain;

import java.util.Locale;

/**
 * One operation of a customer's bulk job, validated when the job is submitted. A purchase names
 * a {@code number}, or a search ({@code prefix} / {@code city} / {@code state}) of which it takes
 * one matching number when it runs; {@code subAccountId} is for assign and unassign; {@code update}
 * for update.
 */
public record JobOperation(Action action, String number, String prefix, String city, String state, String subAccountId,
                           NumberUpdate update) {

    public enum Action {
        PURCHASE, RELEASE, ASSIGN, UNASSIGN, UPDATE;

        public String wire() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static Action fromWire(String wire) {
            return valueOf(wire.toUpperCase(Locale.ROOT));
        }
    }

    /** A purchase of whichever matching number is free when it runs. */
    public boolean bySearch() {
        return action == Action.PURCHASE && number == null;
    }
}
