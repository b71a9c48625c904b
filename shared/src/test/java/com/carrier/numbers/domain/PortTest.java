package com.carrier.numbers.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The port record and its draft: which numbers are still moving, and what a change carries over. */
class PortTest {
    private static final Instant T0 = Instant.parse("2026-12-01T10:00:00Z");

    private static Port port(PortedNumber... numbers) {
        Port.Draft d = new Port.Draft();
        d.id = "prt_1";
        d.accountId = "MA_demo";
        d.status = PortStatus.PENDING;
        d.attempt = 1;
        d.numbers.addAll(List.of(numbers));
        d.accountNumber = "123456789";
        d.accountPin = "1234";
        d.carrierName = "Losing Carrier";
        d.billingPhone = "+14155550100";
        d.endUserName = "Acme Corp";
        d.endUserAddress = new EndUserAddress("1 Main St", "San Francisco", "CA", "94105", "US");
        d.requestedFocDate = LocalDate.parse("2026-12-10");
        d.createdAt = T0;
        d.updatedAt = T0;
        return d.build();
    }

    private static PortedNumber n(String number, PortNumberStatus s) {
        return new PortedNumber(number, s, s == PortNumberStatus.REJECTED ? RejectionReason.PIN_INVALID : null);
    }

    @Test
    void theSeedsSingleNumberIsTheFirstNumberAndTheListKeepsTheirOrder() {
        Port p = port(n("+14155550101", PortNumberStatus.PENDING), n("+14155550102", PortNumberStatus.PENDING));
        assertThat(p.number()).isEqualTo("+14155550101");
        assertThat(p.numberList()).containsExactly("+14155550101", "+14155550102");
    }

    @Test
    void rejectedAndCancelledNumbersAreNoLongerMoving() {
        Port p = port(n("+14155550101", PortNumberStatus.AUTHORIZED), n("+14155550102", PortNumberStatus.REJECTED),
                n("+14155550103", PortNumberStatus.CANCELLED), n("+14155550104", PortNumberStatus.PENDING));
        assertThat(p.activeNumbers()).extracting(PortedNumber::number).containsExactly("+14155550101", "+14155550104");
    }

    @Test
    void settingTheActiveNumbersLeavesRejectedAndCancelledOnesAsTheyWere() {
        Port p = port(n("+14155550101", PortNumberStatus.AUTHORIZED), n("+14155550102", PortNumberStatus.REJECTED),
                n("+14155550103", PortNumberStatus.CANCELLED));
        Port.Draft d = p.draft();
        assertThat(d.activeNumbers(PortNumberStatus.PORTED)).isSameAs(d);
        assertThat(d.event(T0, "ported", null, null)).as("changes chain").isSameAs(d);
        Port changed = d.build();
        assertThat(changed.numbers()).containsExactly(
                new PortedNumber("+14155550101", PortNumberStatus.PORTED, null),
                new PortedNumber("+14155550102", PortNumberStatus.REJECTED, RejectionReason.PIN_INVALID),
                new PortedNumber("+14155550103", PortNumberStatus.CANCELLED, null));
    }

    @Test
    void aDraftCarriesEveryFieldOverAndEachBuildBumpsTheVersionByOne() {
        Port p = port(n("+14155550101", PortNumberStatus.PENDING));
        assertThat(p.version()).isEqualTo(1);
        Port.Draft d = p.draft();
        d.event(T0, "submitted", "+14155550101", "handed to the carrier");
        Port next = d.build();
        assertThat(next.version()).isEqualTo(2);
        assertThat(next.events()).containsExactly(new PortEvent(T0, "submitted", "+14155550101", "handed to the carrier"));
        // every other field unchanged: the same record once the version and the event are put back
        assertThat(new Port(next.id(), next.accountId(), next.status(), next.attempt(), next.numbers(), next.accountNumber(),
                next.accountPin(), next.carrierName(), next.billingPhone(), next.endUserName(), next.endUserAddress(),
                next.requestedFocDate(), next.focDate(), next.focAt(), next.createdAt(), next.updatedAt(), next.completedAt(),
                next.estimatedCompletion(), next.messages(), p.events(), next.taskToken(), next.taskStage(), next.submissions(),
                next.decision(), next.carrierCompletedAt(), next.eventIds(), next.failureReason(), p.version())).isEqualTo(p);
        assertThat(p.events()).as("the port the draft came from is unchanged").isEmpty();
    }

    @Test
    void statusesOnTheWireAndAsTheLosingCarrierShowsThem() {
        assertThat(PortStatus.IN_PROGRESS.wire()).isEqualTo("in_progress");
        assertThat(PortStatus.fromWire("cancelled")).isEqualTo(PortStatus.CANCELLED);
        assertThat(PortStatus.fromWire("CANCELLED")).as("wire names are lower case").isNull();
        assertThat(PortStatus.fromWire("ported")).isNull();
        assertThat(java.util.Arrays.stream(PortStatus.values()).map(PortStatus::carrierStatus)).containsExactly(
                "pending_transfer", "foc_confirmed", "transferring", "ported", "rejected", "cancelled");
        assertThat(PortNumberStatus.IN_PROGRESS.wire()).isEqualTo("in_progress");
        assertThat(PortNumberStatus.fromWire("ported")).isEqualTo(PortNumberStatus.PORTED);
        assertThat(n("+14155550101", PortNumberStatus.REJECTED).isRejected()).isTrue();
        assertThat(n("+14155550101", PortNumberStatus.CANCELLED).isRejected()).isFalse();
    }

    @Test
    void missingListsReadAsEmptyAndTheExecutionIsNamedForTheAttempt() {
        Port p = new Port("prt_9", "MA_demo", PortStatus.PENDING, 3, List.of(n("+14155550101", PortNumberStatus.PENDING)),
                null, null, null, null, null, null, null, null, null, T0, T0, null, null, null, null, null, null, 0, null,
                null, null, null, 0);
        assertThat(p.messages()).isEmpty();
        assertThat(p.events()).isEmpty();
        assertThat(p.eventIds()).isEmpty();
        assertThat(p.executionName()).isEqualTo("prt_9-3");
        assertThat(p.carrierStatus()).isEqualTo(PortStatus.PENDING.carrierStatus());
    }
}
