package com.carrier.numbers.service;

import com.carrier.numbers.domain.PhoneNumber;
import com.carrier.numbers.domain.UnassignSchedule;
import com.carrier.numbers.port.Workflows;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * Starts the executions that wait on a number: aging after a release (number-aging.asl.json) and
 * a deferred unassign (number-cooloff.asl.json). The state change is already committed when a start
 * is attempted, and the two are not one transaction: a start that fails is logged and left to the
 * overdue sweep ({@link OverdueSweep}), which finishes whatever a lost execution did not. Execution
 * names are derived from the change (the number and its release or request time), so starting
 * twice, from here and from a retry, starts one execution.
 */
public class NumberWorkflows {
    private static final System.Logger LOG = System.getLogger(NumberWorkflows.class.getName());
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Workflows workflows;

    public NumberWorkflows(Workflows workflows) {
        this.workflows = workflows;
    }

    /** "aging-14155550100-1764575700": the number's digits and its release, in epoch seconds. */
    public static String agingExecutionName(PhoneNumber released) {
        return "aging-" + digits(released.number()) + "-" + released.releasedAt().getEpochSecond();
    }

    /** {number, released_at, available_at}: what the aging definition waits on and hands to its AgeOut task. */
    public static String agingInput(PhoneNumber released) {
        ObjectNode o = JSON.createObjectNode();
        o.put("number", released.number());
        o.put("released_at", iso(released.releasedAt()));
        o.put("available_at", iso(released.availableAt()));
        return o.toString();
    }

    /** "unassign-14155550100-1764575700": the number's digits and the deferred unassign's request time. */
    public static String deferredUnassignExecutionName(String number, UnassignSchedule schedule) {
        return "unassign-" + digits(number) + "-" + schedule.requestedAt().getEpochSecond();
    }

    /** {number, sub_account_id, requested_at, cool_off_until}: what the cool-off definition waits on and re-checks. */
    public static String deferredUnassignInput(String number, UnassignSchedule schedule) {
        ObjectNode o = JSON.createObjectNode();
        o.put("number", number);
        o.put("sub_account_id", schedule.subAccountId());
        o.put("requested_at", iso(schedule.requestedAt()));
        o.put("cool_off_until", iso(schedule.coolOffUntil()));
        return o.toString();
    }

    /** Starts the aging of a just-released number; false if it was not started (already running, or the start failed). */
    public boolean startAging(PhoneNumber released) {
        return start(Workflows.Machine.NUMBER_AGING, agingExecutionName(released), agingInput(released));
    }

    /** Starts the wait of a just-scheduled deferred unassign. */
    public boolean startDeferredUnassign(PhoneNumber number) {
        UnassignSchedule s = number.unassignSchedule();
        return start(Workflows.Machine.NUMBER_COOLOFF, deferredUnassignExecutionName(number.number(), s),
                deferredUnassignInput(number.number(), s));
    }

    private boolean start(Workflows.Machine machine, String name, String input) {
        try {
            return workflows.start(machine, name, input);
        } catch (RuntimeException e) {
            // The change is committed; the sweep finishes what this execution would have done.
            LOG.log(System.Logger.Level.WARNING, "could not start " + machine.logicalId() + " execution " + name
                    + " (the overdue sweep will catch it): " + e);
            return false;
        }
    }

    static String iso(Instant t) {
        return t.truncatedTo(ChronoUnit.SECONDS).toString();
    }

    private static String digits(String e164) {
        return e164.startsWith("+") ? e164.substring(1) : e164;
    }
}
