package com.carrier.numbers.service;

import com.carrier.numbers.domain.Caller;
import com.carrier.numbers.domain.PhoneNumber;

/** A master's pool of DIDs and the hand-over to (and back from) its sub-accounts, with the 15-day cool-off. */
public class SubAccountPool {

    /** The master (parent of {@code subAccountId}) hands one of its in-service, unassigned DIDs to the sub-account. */
    public PhoneNumber assign(Caller caller, String subAccountId, String number) {
        throw new UnsupportedOperationException("TODO");
    }

    /**
     * Back to the parent pool: at once if the DID never had a call or its cool-off is over; else
     * 409 did_cool_off_in_effect with cool_off_until and cool_off_remaining_seconds. {@code force}
     * (admin only, else 403) overrides and writes an audit record naming the cool-off it overrode.
     */
    public PhoneNumber unassign(Caller caller, String subAccountId, String number, boolean force, String reason) {
        throw new UnsupportedOperationException("TODO");
    }
}
