package com.carrier.numbers.domain;

import java.time.Instant;

/**
 * One line of a number's audit trail: a state change (who, when, from, to, why) or an admin
 * override such as a forced unassign during cool-off.
 */
public record AuditRecord(
        String number,
        Instant at,
        String action,
        NumberState fromState,
        NumberState toState,
        String actorAccountId,
        String actorAuthId,
        String accountId,
        String reason,
        boolean forced,
        Instant coolOffUntil) {
}
