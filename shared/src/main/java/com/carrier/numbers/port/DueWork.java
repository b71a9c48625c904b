package com.carrier.numbers.port;

import java.time.Instant;

/**
 * A number a workflow waits on (DESIGN.md section 5): a released number aging until
 * {@code dueAt}, or a deferred unassign waiting for the cool-off to end at {@code dueAt}.
 *
 * @param since when the wait began (the release, the request or the last re-check): with
 *              {@code dueAt}, what a scaled local clock needs to know when the wait is over
 */
public record DueWork(Kind kind, String number, Instant since, Instant dueAt) {

    public enum Kind { AGING, DEFERRED_UNASSIGN }
}
