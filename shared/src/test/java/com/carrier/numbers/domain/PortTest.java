package com.carrier.numbers.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class PortTest {
    private static final Instant AT = Instant.parse("2026-02-02T10:00:00Z");

    private static Port port() {
        Port.Draft d = new Port.Draft();
        d.id = "port_1";
        d.accountId = "MA_1";
        d.status = PortStatus.PENDING;
        d.attempt = 2;
        d.numbers.add(new PortedNumber("+14155550100", PortNumberStatus.PENDING, null));
        d.numbers.add(new PortedNumber("+14155550101", PortNumberStatus.REJECTED, RejectionReason.PIN_INVALID));
        d.numbers.add(new PortedNumber("+14155550102", PortNumberStatus.CANCELLED, null));
        d.numbers.add(new PortedNumber("+14155550103", PortNumberStatus.AUTHORIZED, null));
        d.requestedFocDate = LocalDate.of(2026, 2, 10);
        d.version = 4;
        return d.build();
    }

    @Test
    void buildBumpsTheVersionAndKeepsFields() {
        Port p = port();
        assertThat(p.version()).isEqualTo(5);
        assertThat(p.draft().build().version()).isEqualTo(6);
        assertThat(p.draft().build().requestedFocDate()).isEqualTo(LocalDate.of(2026, 2, 10));
        assertThat(p.messages()).isEmpty();
        assertThat(p.eventIds()).isEmpty();
    }

    @Test
    void numbersAndActiveNumbers() {
        Port p = port();
        assertThat(p.number()).isEqualTo("+14155550100");
        assertThat(p.numberList()).containsExactly("+14155550100", "+14155550101", "+14155550102", "+14155550103");
        assertThat(p.activeNumbers()).extracting(PortedNumber::number).containsExactly("+14155550100", "+14155550103");
        assertThat(p.numbers().get(1).isRejected()).isTrue();
        assertThat(p.numbers().get(0).isRejected()).isFalse();
    }

    @Test
    void draftMovesOnlyActiveNumbers() {
        Port p = port().draft().activeNumbers(PortNumberStatus.IN_PROGRESS).build();
        assertThat(p.numbers()).extracting(PortedNumber::status).containsExactly(
                PortNumberStatus.IN_PROGRESS, PortNumberStatus.REJECTED, PortNumberStatus.CANCELLED, PortNumberStatus.IN_PROGRESS);
        assertThat(p.numbers().get(1).reason()).isEqualTo(RejectionReason.PIN_INVALID);
    }

    @Test
    void draftRecordsEventsWithoutChangingTheOriginal() {
        Port original = port();
        Port p = original.draft().event(AT, "authorized", "+14155550100", "FOC confirmed").build();
        assertThat(p.events()).containsExactly(new PortEvent(AT, "authorized", "+14155550100", "FOC confirmed"));
        assertThat(original.events()).isEmpty();
    }

    @Test
    void executionNameIsPortAndAttempt() {
        assertThat(port().executionName()).isEqualTo("port_1-2");
        assertThat(Port.executionName("p", 7)).isEqualTo("p-7");
    }

    @Test
    void carrierStatusPerPortStatus() {
        assertThat(port().carrierStatus()).isEqualTo("pending_transfer");
        assertThat(PortStatus.AUTHORIZED.carrierStatus()).isEqualTo("foc_confirmed");
        assertThat(PortStatus.IN_PROGRESS.carrierStatus()).isEqualTo("transferring");
        assertThat(PortStatus.COMPLETED.carrierStatus()).isEqualTo("ported");
        assertThat(PortStatus.FAILED.carrierStatus()).isEqualTo("rejected");
        assertThat(PortStatus.CANCELLED.carrierStatus()).isEqualTo("cancelled");
    }

    @Test
    void portStatusWireNames() {
        assertThat(PortStatus.IN_PROGRESS.wire()).isEqualTo("in_progress");
        assertThat(PortStatus.fromWire("in_progress")).isEqualTo(PortStatus.IN_PROGRESS);
        assertThat(PortStatus.fromWire("IN_PROGRESS")).isNull();
        assertThat(PortStatus.fromWire("done")).isNull();
        assertThat(PortNumberStatus.PORTED.wire()).isEqualTo("ported");
        assertThat(PortNumberStatus.fromWire("ported")).isEqualTo(PortNumberStatus.PORTED);
    }

    @Test
    void carrierEventRejections() {
        List<CarrierEvent.NumberDecision> decisions = List.of(
                new CarrierEvent.NumberDecision("+14155550100", true, RejectionReason.PIN_INVALID),
                new CarrierEvent.NumberDecision("+14155550101", true, null),
                new CarrierEvent.NumberDecision("+14155550102", false, null));
        CarrierEvent authorized = new CarrierEvent("e1", CarrierEvent.Type.AUTHORIZED, LocalDate.of(2026, 2, 10), decisions,
                null, null, AT);
        assertThat(authorized.rejectionOf("+14155550100")).isEqualTo(RejectionReason.PIN_INVALID);
        assertThat(authorized.rejectionOf("+14155550101")).isEqualTo(RejectionReason.NUMBER_NOT_PORTABLE);
        assertThat(authorized.rejectionOf("+14155550102")).isNull();
        assertThat(authorized.rejectionOf("+14155550199")).isNull();

        CarrierEvent whole = new CarrierEvent("e2", CarrierEvent.Type.REJECTED, null, decisions,
                RejectionReason.ENTITY_NAME_MISMATCH, null, AT);
        assertThat(whole.rejectionOf("+14155550100")).isEqualTo(RejectionReason.PIN_INVALID);
        assertThat(whole.rejectionOf("+14155550101")).isEqualTo(RejectionReason.ENTITY_NAME_MISMATCH);
        assertThat(whole.rejectionOf("+14155550199")).isEqualTo(RejectionReason.ENTITY_NAME_MISMATCH);
        CarrierEvent bare = new CarrierEvent("e3", CarrierEvent.Type.REJECTED, null, null, null, null, AT);
        assertThat(bare.numbers()).isEmpty();
        assertThat(bare.rejectionOf("+14155550100")).isEqualTo(RejectionReason.NUMBER_NOT_PORTABLE);
    }

    @Test
    void rejectionReasonsFromWire() {
        assertThat(RejectionReason.fromWire("PIN_INVALID")).isEqualTo(RejectionReason.PIN_INVALID);
        assertThat(RejectionReason.fromWire("pin_invalid")).isNull();
        assertThat(RejectionReason.CARRIER_TIMEOUT.message()).isEqualTo("the losing carrier did not answer in time");
    }
    @Test
    void missingListsReadAsEmpty() {
        Port p = new Port("p", "MA_1", PortStatus.PENDING, 1, List.of(new PortedNumber("+14155550100", PortNumberStatus.PENDING, null)),
                null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, 0, null,
                null, null, null, 0);
        assertThat(p.messages()).isEmpty();
        assertThat(p.events()).isEmpty();
        assertThat(p.eventIds()).isEmpty();
    }
}
