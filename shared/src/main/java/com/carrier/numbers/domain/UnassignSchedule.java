package com.carrier.numbers.domain;

import java.time.Instant;

/**
 * A deferred unassign (DELETE /v2/subaccounts/{S}/numbers/{N}?defer=true during a cool-off): the
 * DID goes back to the parent pool once the cool-off is over. Not a state change (the number stays
 * in service), so it is an attribute of the number rather than a row of {@link NumberLifecycle}.
 *
 * @param subAccountId the sub-account the number leaves
 * @param requestedAt  when the master asked: with the number, it names the schedule (and its execution)
 * @param coolOffUntil when the cool-off ends as last known; a call during the wait moves it on
 * @param waitingSince when the current wait began (the request, or the check that found a newer call)
 */
public record UnassignSchedule(String subAccountId, Instant requestedAt, Instant coolOffUntil, Instant waitingSince) {
}
