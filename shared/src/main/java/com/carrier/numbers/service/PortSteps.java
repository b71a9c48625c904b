package com.carrier.numbers.service;

import com.carrier.numbers.domain.BusinessCalendar;
import com.carrier.numbers.domain.Caller;
import com.carrier.numbers.domain.CarrierEvent;
import com.carrier.numbers.domain.LedgerEntry;
import com.carrier.numbers.domain.Money;
import com.carrier.numbers.domain.NumberLifecycle;
import com.carrier.numbers.domain.NumberState;
import com.carrier.numbers.domain.PhoneNumber;
import com.carrier.numbers.domain.Port;
import com.carrier.numbers.domain.PortLifecycle;
import com.carrier.numbers.domain.PortNumberStatus;
import com.carrier.numbers.domain.PortStatus;
import com.carrier.numbers.domain.PortedNumber;
import com.carrier.numbers.domain.RejectionReason;
import com.carrier.numbers.port.CarrierGateway;
import com.carrier.numbers.port.ConditionFailed;
import com.carrier.numbers.port.NumberStore;
import com.carrier.numbers.port.NumberWrite;
import com.carrier.numbers.port.PortStore;
import com.carrier.numbers.port.Workflows;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.function.UnaryOperator;

/**
 * The steps of the port lifecycle state machine ({@code statemachines/port-lifecycle.asl.json}),
 * each a conditional write through a {@link PortLifecycle} row. A step for an attempt that is no
 * longer the port's, or for a port whose status moved on (cancelled, failed), throws
 * {@link PortSuperseded} and changes nothing: the definition ends quietly on it.
 */
public class PortSteps {
    /** The notice before the cut-over: a {@code cutover_soon} event this long before the FOC. */
    public static final Duration CUTOVER_NOTICE = Duration.ofHours(24);
    /** The error a waiting task fails with when the carrier rejected every number. */
    public static final String PORT_REJECTED = "PortRejected";
    private static final int ATTEMPTS = 20;

    private final PortStore ports;
    private final NumberStore numbers;
    private final CarrierGateway carrier;
    private final Workflows workflows;
    private final Clock clock;
    private final String brand;
    private final PortNumbers portNumbers;

    public PortSteps(PortStore ports, NumberStore numbers, CarrierGateway carrier, Workflows workflows, Clock clock, String brand) {
        this.ports = ports;
        this.numbers = numbers;
        this.carrier = carrier;
        this.workflows = workflows;
        this.clock = clock;
        this.brand = brand;
        this.portNumbers = new PortNumbers(numbers, clock);
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.SECONDS);
    }

    /** The port of this execution, or PortSuperseded when the attempt is no longer the port's. */
    private Port current(String portId, int attempt) {
        Port p = ports.find(portId).orElseThrow(() -> new PortSuperseded("port " + portId + " does not exist"));
        if (p.attempt() != attempt) {
            throw new PortSuperseded("port " + portId + " is on attempt " + p.attempt() + ", not " + attempt);
        }
        return p;
    }

    /** Reads, checks the row allows the port's status, changes and writes conditionally; re-reads on a lost race. */
    private Port change(String portId, int attempt, PortLifecycle action, UnaryOperator<Port.Draft> edit) {
        return Retry.onConflict(ATTEMPTS, () -> {
            Port before = current(portId, attempt);
            if (!action.allows(before.status())) {
                throw new PortSuperseded("port " + portId + " is " + before.status().wire() + "; " + action + " does not apply");
            }
            Port.Draft d = edit.apply(before.draft());
            d.status = action.after(before.status());
            d.updatedAt = now();
            Port after = d.build();
            ports.apply(before, after, action);
            return after;
        });
    }

    /** Submit: counts the submission, then hands the port to the carrier (CarrierUnavailable: the definition retries). */
    public void submit(String portId, int attempt) {
        Port submitted = change(portId, attempt, PortLifecycle.SUBMIT, d -> {
            d.submissions++;
            return d;
        });
        carrier.submit(submitted, submitted.submissions());
    }

    /**
     * A {@code .waitForTaskToken} step: stores the token for the carrier's decision (while pending)
     * or its completion (which first moves an authorized port to in_progress). If the carrier's
     * event is already recorded, answers the token at once.
     */
    public void awaitCarrier(String portId, int attempt, String stage, String taskToken) {
        Port after;
        if (Port.STAGE_DECISION.equals(stage)) {
            after = change(portId, attempt, PortLifecycle.AWAIT_DECISION, d -> {
                d.taskToken = taskToken;
                d.taskStage = stage;
                return d;
            });
        } else if (Port.STAGE_COMPLETION.equals(stage)) {
            Port now = current(portId, attempt);
            PortLifecycle action = now.status() == PortStatus.IN_PROGRESS ? PortLifecycle.RECORD_COMPLETION : PortLifecycle.START_CUTOVER;
            after = change(portId, attempt, action, d -> {
                if (d.status == PortStatus.AUTHORIZED) {
                    d.activeNumbers(PortNumberStatus.IN_PROGRESS);
                    d.event(now(), PortStatus.IN_PROGRESS.wire(), null, "the FOC has come: the numbers are cutting over");
                }
                d.taskToken = taskToken;
                d.taskStage = stage;
                return d;
            });
        } else {
            throw new IllegalArgumentException("unknown stage " + stage);
        }
        resume(workflows, after);
    }

    /**
     * Answers the waiting task if what it waits for is recorded on the port: the carrier's decision
     * (success if any number was authorized, else PortRejected) or its completion.
     */
    static void resume(Workflows workflows, Port port) {
        if (port.taskToken() == null) {
            return;
        }
        if (Port.STAGE_DECISION.equals(port.taskStage()) && port.decision() != null) {
            CarrierEvent d = port.decision();
            boolean anyAuthorized = d.type() == CarrierEvent.Type.AUTHORIZED
                    && port.numbers().stream().anyMatch(n -> d.rejectionOf(n.number()) == null);
            if (anyAuthorized) {
                workflows.sendTaskSuccess(port.taskToken(), "{\"outcome\":\"authorized\",\"foc_date\":\"" + d.focDate() + "\"}");
            } else {
                RejectionReason r = port.numbers().stream().map(n -> d.rejectionOf(n.number())).filter(x -> x != null)
                        .findFirst().orElse(RejectionReason.NUMBER_NOT_PORTABLE);
                workflows.sendTaskFailure(port.taskToken(), PORT_REJECTED, r.name());
            }
        } else if (Port.STAGE_COMPLETION.equals(port.taskStage()) && port.carrierCompletedAt() != null
                && port.status() == PortStatus.IN_PROGRESS) {
            workflows.sendTaskSuccess(port.taskToken(), "{\"outcome\":\"completed\"}");
        }
    }

    /** When the workflow waits next: the FOC instant and the notice 24 hours before it. */
    public record Schedule(Instant focAt, Instant cutoverNoticeAt) {
    }

    /**
     * Applies the recorded decision: pending -> authorized with the confirmed FOC; numbers the
     * carrier rejected get their reason and leave the account; the others are authorized.
     */
    public Schedule authorize(String portId, int attempt) {
        Port after = change(portId, attempt, PortLifecycle.AUTHORIZE, d -> {
            CarrierEvent decision = d.decision;
            if (decision == null || decision.type() != CarrierEvent.Type.AUTHORIZED) {
                throw new PortSuperseded("port " + portId + " has no authorization to apply");
            }
            Instant now = now();
            LocalDate foc = decision.focDate();
            d.focDate = foc;
            d.focAt = BusinessCalendar.cutover(foc);
            d.estimatedCompletion = d.focAt;
            d.numbers.replaceAll(n -> {
                RejectionReason r = decision.rejectionOf(n.number());
                return r == null ? n.with(PortNumberStatus.AUTHORIZED, null) : n.with(PortNumberStatus.REJECTED, r);
            });
            for (PortedNumber n : d.numbers) {
                if (n.isRejected()) {
                    d.messages.add(rejectionMessage(n.number(), n.reason()));
                    d.event(now, PortNumberStatus.REJECTED.wire(), n.number(), n.reason().name());
                }
            }
            d.event(now, PortStatus.AUTHORIZED.wire(), null, "authorized by the losing carrier; FOC " + foc);
            d.taskToken = null;
            d.taskStage = null;
            return d;
        });
        for (PortedNumber n : after.numbers()) {
            if (n.isRejected()) {
                portNumbers.withdrawOne(Caller.SYSTEM, after.accountId(), n.number(), "rejected: " + n.reason().name());
            }
        }
        return new Schedule(after.focAt(), after.focAt().minus(CUTOVER_NOTICE));
    }

    /** 24 hours before the FOC: a {@code cutover_soon} event on the timeline. */
    public void notifyCutover(String portId, int attempt) {
        change(portId, attempt, PortLifecycle.NOTIFY_CUTOVER, d -> d.event(now(), "cutover_soon", null,
                "the numbers cut over at " + d.focAt + " (FOC " + d.focDate + ")"));
    }

    /**
     * Activation: each number moves port_in -> in_service on the account, its rent starting now (the
     * first month is charged like a purchase's, if the balance covers it; otherwise it is due at once
     * and the renewal run suspends the number until a top-up pays it); then the port completes.
     */
    public Port activate(String portId, int attempt) {
        Port port = current(portId, attempt);
        if (port.status() != PortStatus.IN_PROGRESS) {
            throw new PortSuperseded("port " + portId + " is " + port.status().wire());
        }
        for (PortedNumber n : port.activeNumbers()) {
            activateNumber(port, n.number());
        }
        return change(portId, attempt, PortLifecycle.COMPLETE, d -> {
            Instant now = now();
            d.activeNumbers(PortNumberStatus.PORTED);
            d.completedAt = now;
            d.taskToken = null;
            d.taskStage = null;
            d.messages.add(0, (d.numbers.size() == 1 ? "Number" : "Numbers") + " successfully transferred to " + brand);
            d.event(now, PortStatus.COMPLETED.wire(), null, "ported");
            return d;
        });
    }

    private void activateNumber(Port port, String number) {
        Retry.onConflict(ATTEMPTS, () -> {
            PhoneNumber before = numbers.find(number).orElse(null);
            if (before == null || before.state() != NumberState.PORT_IN || !port.accountId().equals(before.ownerId())) {
                return null; // already active (a retried step), or not ours
            }
            Instant now = now();
            try {
                numbers.apply(activation(port, before, now, true));
            } catch (ConditionFailed e) {
                if (!e.accountRefused()) {
                    throw e;
                }
                numbers.apply(activation(port, before, now, false)); // the balance is short: due at once instead
            }
            return null;
        });
    }

    private static NumberWrite activation(Port port, PhoneNumber before, Instant now, boolean chargeNow) {
        NumberDraft d = NumberDraft.of(before);
        d.state = NumberLifecycle.PORT_IN_COMPLETE.to();
        d.purchasedAt = now;
        d.expiresAt = now.atZone(ZoneOffset.UTC).plusYears(1).toInstant();
        d.nextCharge = chargeNow ? now.atZone(ZoneOffset.UTC).plusMonths(1).toInstant() : now;
        PhoneNumber after = d.build();
        Money rent = before.monthlyCost();
        LedgerEntry entry = chargeNow && rent.isPositive()
                ? new LedgerEntry(port.accountId(), Ids.next("led_"), now, "port_in_first_month", Money.ZERO.minus(rent), null,
                        before.number(), "first month of " + before.number() + " (ported in by " + port.id() + ")")
                : null;
        return new NumberWrite(before, after, NumberLifecycle.PORT_IN_COMPLETE,
                Counters.deltas(before, after, port.accountId(), entry == null ? null : rent), entry,
                Audits.change(Caller.SYSTEM, now, before.number(), before.state(), NumberLifecycle.PORT_IN_COMPLETE, port.accountId()));
    }

    /**
     * Failure (the definition's Catch): the port fails with a typed reason in {@code messages} and
     * on each number, and its numbers leave the account. A number's reason is the carrier's recorded
     * rejection of it when there is one (engines may drop a SendTaskFailure's cause), else what the
     * error says: a task timeout is CARRIER_TIMEOUT, anything else SUBMISSION_FAILED.
     */
    public Port fail(String portId, int attempt, String error, RejectionReason given) {
        Port failed = change(portId, attempt, PortLifecycle.FAIL, d -> {
            Instant now = now();
            CarrierEvent decision = d.decision;
            // a number the carrier did not reject (none decided, or authorized) fails for the platform's reason, never
            // NUMBER_NOT_PORTABLE: a whole-port rejection already gives every number its reason (CarrierEvent.rejectionOf)
            RejectionReason fallback = given != null ? given
                    : error != null && error.contains("Timeout") ? RejectionReason.CARRIER_TIMEOUT
                    : RejectionReason.SUBMISSION_FAILED;
            d.numbers.replaceAll(n -> {
                if (n.isRejected()) {
                    return n;
                }
                RejectionReason r = decision == null ? null : decision.rejectionOf(n.number());
                return n.with(PortNumberStatus.REJECTED, r != null ? r : fallback);
            });
            d.messages.clear();
            for (PortedNumber n : d.numbers) {
                d.messages.add(rejectionMessage(n.number(), n.reason()));
            }
            d.failureReason = d.numbers.get(0).reason();
            d.taskToken = null;
            d.taskStage = null;
            d.event(now, PortStatus.FAILED.wire(), null, d.failureReason.name());
            return d;
        });
        portNumbers.withdraw(Caller.SYSTEM, failed, PortLifecycle.FAIL);
        return failed;
    }

    private static String rejectionMessage(String number, RejectionReason r) {
        return number + " rejected: " + r.name() + " (" + r.message() + ")";
    }
}
