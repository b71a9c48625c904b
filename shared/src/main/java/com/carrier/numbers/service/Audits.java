package com.carrier.numbers.service;

import com.carrier.numbers.domain.AuditRecord;
import com.carrier.numbers.domain.Caller;
import com.carrier.numbers.domain.NumberLifecycle;
import com.carrier.numbers.domain.NumberState;
import java.time.Instant;

/** Builds audit records: who (caller account and auth id), when, from, to, why. */
final class Audits {
    private Audits() {
    }

    static AuditRecord change(Caller caller, Instant at, String number, NumberState from, NumberLifecycle action, String accountId) {
        return new AuditRecord(number, at, action.reason(), from, action.to(), caller.accountId(), caller.authId(),
                accountId, action.reason(), false, null);
    }

    /** A change that keeps the state (assign, unassign), possibly an admin override of the cool-off; every caller gives its reason. */
    static AuditRecord event(Caller caller, Instant at, String number, NumberState state, String action, String accountId,
                             String reason, boolean forced, Instant coolOffUntil) {
        return new AuditRecord(number, at, action, state, state, caller.accountId(), caller.authId(), accountId,
                reason, forced, coolOffUntil);
    }
}
