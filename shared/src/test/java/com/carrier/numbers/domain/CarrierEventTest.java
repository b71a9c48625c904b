package com.carrier.numbers.domain;

import static org.assertj.core.api.Assertions.assertThat;

import com.carrier.numbers.domain.CarrierEvent.NumberDecision;
import com.carrier.numbers.domain.CarrierEvent.Type;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which reason a number fails with, from what the losing carrier said. */
class CarrierEventTest {
    private static final String A = "+14155550101";
    private static final String B = "+14155550102";
    private static final String C = "+14155550103";

    private static CarrierEvent event(Type type, RejectionReason whole, NumberDecision... numbers) {
        return new CarrierEvent("evt_1", type, null, List.of(numbers), whole, null, Instant.parse("2026-12-01T10:00:00Z"));
    }

    @Test
    void aWholePortRejectionGivesEachNumberItsOwnReasonElseThePortsElseNotPortable() {
        CarrierEvent e = event(Type.REJECTED, RejectionReason.ACCOUNT_NUMBER_INVALID,
                new NumberDecision(A, true, RejectionReason.PIN_INVALID), new NumberDecision(B, true, null));
        assertThat(e.rejectionOf(A)).isEqualTo(RejectionReason.PIN_INVALID);
        assertThat(e.rejectionOf(B)).as("listed without a reason: the port's").isEqualTo(RejectionReason.ACCOUNT_NUMBER_INVALID);
        assertThat(e.rejectionOf(C)).as("not listed: the port's").isEqualTo(RejectionReason.ACCOUNT_NUMBER_INVALID);
        assertThat(event(Type.REJECTED, null).rejectionOf(A)).isEqualTo(RejectionReason.NUMBER_NOT_PORTABLE);
    }

    @Test
    void anAuthorizationRejectsOnlyTheNumbersItMarksRejected() {
        CarrierEvent e = event(Type.AUTHORIZED, RejectionReason.CARRIER_TIMEOUT,
                new NumberDecision(A, true, RejectionReason.ENTITY_NAME_MISMATCH), new NumberDecision(B, true, null),
                new NumberDecision(C, false, RejectionReason.PIN_INVALID));
        assertThat(e.rejectionOf(A)).isEqualTo(RejectionReason.ENTITY_NAME_MISMATCH);
        assertThat(e.rejectionOf(B)).as("rejected without a reason").isEqualTo(RejectionReason.NUMBER_NOT_PORTABLE);
        assertThat(e.rejectionOf(C)).as("listed, not rejected").isNull();
        assertThat(e.rejectionOf("+14155550199")).as("not listed").isNull();
        assertThat(event(Type.COMPLETED, null).rejectionOf(A)).isNull();
    }

    @Test
    void anEventWithoutPerNumberDecisionsHasAnEmptyList() {
        assertThat(new CarrierEvent("evt_2", Type.COMPLETED, null, null, null, null, null).numbers()).isEmpty();
    }
}
