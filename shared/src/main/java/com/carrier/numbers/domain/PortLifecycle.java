package com.carrier.numbers.domain;

import java.util.EnumSet;
import java.util.Set;

/**
 * The one table of allowed changes of a port-in request (like {@link NumberLifecycle} for numbers).
 * Every write of a port names one of these rows; the store turns {@link #from()} into the write's
 * condition, so a stale, duplicated or stopped workflow execution, or a late carrier callback, can
 * never move a port that a cancel (or a failure) has already moved on: the status in the table is
 * the truth. Rows without a target status record something and keep the status.
 */
public enum PortLifecycle {
    /** A customer asks to port numbers in. {@code null}: the port does not exist yet. */
    REQUEST(null, PortStatus.PENDING),
    /** The submission to the losing carrier was made (counted, so a simulated carrier can fail the first ones). */
    SUBMIT(EnumSet.of(PortStatus.PENDING), null),
    /** The workflow waits for the carrier's decision: the task token is stored on the port. */
    AWAIT_DECISION(EnumSet.of(PortStatus.PENDING), null),
    /** The carrier's decision arrived (callback): recorded, to be applied by the workflow. */
    RECORD_DECISION(EnumSet.of(PortStatus.PENDING), null),
    /** The carrier authorized (some of) the numbers and confirmed a FOC date. */
    AUTHORIZE(EnumSet.of(PortStatus.PENDING), PortStatus.AUTHORIZED),
    /** The cut-over is 24 hours away: a {@code cutover_soon} event on the timeline. */
    NOTIFY_CUTOVER(EnumSet.of(PortStatus.AUTHORIZED), null),
    /** The FOC has come: the carrier moves the numbers; the workflow waits for its completion. */
    START_CUTOVER(EnumSet.of(PortStatus.AUTHORIZED), PortStatus.IN_PROGRESS),
    /** The carrier's completion arrived (callback), possibly a little before the FOC wait ended here. */
    RECORD_COMPLETION(EnumSet.of(PortStatus.AUTHORIZED, PortStatus.IN_PROGRESS), null),
    /** The numbers are live here: in service on the account, rent starting. */
    COMPLETE(EnumSet.of(PortStatus.IN_PROGRESS), PortStatus.COMPLETED),
    /** Rejection, timeout or a failed step: the typed reasons are on the port and on each number. */
    FAIL(EnumSet.of(PortStatus.PENDING, PortStatus.AUTHORIZED, PortStatus.IN_PROGRESS), PortStatus.FAILED),
    /** The customer withdrew the request (only while pending or authorized, and not close to the FOC). */
    CANCEL(EnumSet.of(PortStatus.PENDING, PortStatus.AUTHORIZED), PortStatus.CANCELLED),
    /** A failed port corrected by the customer goes back to the carrier as a new attempt. */
    RESUBMIT(EnumSet.of(PortStatus.FAILED), PortStatus.PENDING);

    private final Set<PortStatus> from;
    private final PortStatus to;

    PortLifecycle(Set<PortStatus> from, PortStatus to) {
        this.from = from == null ? Set.of() : Set.copyOf(from);
        this.to = to;
    }

    /** Statuses the port may be in for this change; empty means the port must not exist yet. */
    public Set<PortStatus> from() {
        return from;
    }

    /** The status this change leads to; null for a row that keeps the status. */
    public PortStatus to() {
        return to;
    }

    public boolean createsPort() {
        return from.isEmpty();
    }

    public boolean allows(PortStatus current) {
        return current == null ? createsPort() : from.contains(current);
    }

    /** The status after this change from {@code current}. */
    public PortStatus after(PortStatus current) {
        return to == null ? current : to;
    }
}
