package com.carrier.numbers.adapter.carrier;

import com.carrier.numbers.domain.BusinessCalendar;
import com.carrier.numbers.domain.CarrierEvent;
import com.carrier.numbers.domain.Port;
import com.carrier.numbers.domain.RejectionReason;
import com.carrier.numbers.port.CarrierGateway;
import com.carrier.numbers.port.CarrierUnavailable;
import com.carrier.numbers.port.Workflows;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * A losing carrier that behaves like one (DESIGN.md section 5), chosen by the port's
 * {@code account_number}:
 * <ul>
 * <li>anything else (the seed's {@code 123456789} included): authorizes after one business day with
 *     a FOC two business days later (or the requested FOC, if later) and completes on the FOC;</li>
 * <li>{@code 999...}: rejects every number, ENTITY_NAME_MISMATCH;</li>
 * <li>{@code 998...}: never answers (the platform's wait times out: CARRIER_TIMEOUT);</li>
 * <li>{@code 997...}: the first two submissions fail (transient), then it goes on as usual;</li>
 * <li>a number ending in {@code 0000} is rejected alone, NUMBER_NOT_PORTABLE.</li>
 * </ul>
 * Its answers are not return values: a submission starts an execution of the carrier simulator
 * state machine, whose Wait states hold the delays (scaled locally like every wait) and whose task
 * signs each event and POSTs it to the platform's callback route, exactly as a real carrier would.
 */
public final class SimulatedCarrier implements CarrierGateway {
    /** The carrier's network work after the FOC cut-over starts, before it reports completion. */
    static final Duration TRANSFER_TIME = Duration.ofMinutes(30);
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final Workflows workflows;
    private final Clock clock;

    public SimulatedCarrier(Workflows workflows, Clock clock) {
        this.workflows = workflows;
        this.clock = clock;
    }

    @Override
    public void submit(Port port, int submission) {
        String account = port.accountNumber();
        if (account.startsWith("997") && submission <= 2) {
            throw new CarrierUnavailable("the simulated carrier's gateway is unavailable (submission " + submission + " of account 997...)");
        }
        if (account.startsWith("998")) {
            return; // takes the request and never answers
        }
        workflows.start(Workflows.Machine.CARRIER_SIMULATOR, "carrier-" + port.executionName(), plan(port, clock.instant()).toString());
    }

    /** The simulator's input: when to send which signed event. */
    static ObjectNode plan(Port port, Instant now) {
        Instant decisionAt = BusinessCalendar.plusBusinessDays(now, 1);
        String prefix = "evt_" + port.executionName() + "_";
        ObjectNode in = MAPPER.createObjectNode();
        in.put("port_id", port.id());
        in.put("attempt", port.attempt());
        in.put("decision_at", decisionAt.toString());
        if (port.accountNumber().startsWith("999")) {
            List<CarrierEvent.NumberDecision> all = new ArrayList<>();
            port.numberList().forEach(n -> all.add(new CarrierEvent.NumberDecision(n, true, RejectionReason.ENTITY_NAME_MISMATCH)));
            in.set("decision", CarrierEventJson.toJson(new CarrierEvent(prefix + "decision", CarrierEvent.Type.REJECTED, null, all,
                    RejectionReason.ENTITY_NAME_MISMATCH, "end user name does not match our records", decisionAt)));
            in.put("completes", false);
            return in;
        }
        List<CarrierEvent.NumberDecision> decisions = new ArrayList<>();
        boolean anyAuthorized = false;
        for (String n : port.numberList()) {
            boolean notPortable = n.endsWith("0000");
            decisions.add(new CarrierEvent.NumberDecision(n, notPortable, notPortable ? RejectionReason.NUMBER_NOT_PORTABLE : null));
            anyAuthorized |= !notPortable;
        }
        if (!anyAuthorized) {
            in.set("decision", CarrierEventJson.toJson(new CarrierEvent(prefix + "decision", CarrierEvent.Type.REJECTED, null,
                    decisions, RejectionReason.NUMBER_NOT_PORTABLE, "no number of this request can be ported", decisionAt)));
            in.put("completes", false);
            return in;
        }
        LocalDate foc = BusinessCalendar.plusBusinessDays(BusinessCalendar.today(decisionAt), 2);
        if (port.requestedFocDate() != null && port.requestedFocDate().isAfter(foc)) {
            foc = port.requestedFocDate();
        }
        in.set("decision", CarrierEventJson.toJson(new CarrierEvent(prefix + "decision", CarrierEvent.Type.AUTHORIZED, foc,
                decisions, null, "FOC confirmed for " + foc, decisionAt)));
        Instant completionAt = BusinessCalendar.cutover(foc).plus(TRANSFER_TIME);
        in.put("completes", true);
        in.put("completion_at", completionAt.toString());
        in.set("completion", CarrierEventJson.toJson(new CarrierEvent(prefix + "completion", CarrierEvent.Type.COMPLETED, null,
                List.of(), null, "numbers released to the new carrier", completionAt)));
        return in;
    }
}
