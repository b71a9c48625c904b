package com.carrier.numbers.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.carrier.numbers.domain.Caller;
import com.carrier.numbers.domain.CarrierEvent;
import com.carrier.numbers.domain.EndUserAddress;
import com.carrier.numbers.domain.Money;
import com.carrier.numbers.domain.NumberState;
import com.carrier.numbers.domain.PhoneNumber;
import com.carrier.numbers.domain.Port;
import com.carrier.numbers.domain.PortEvent;
import com.carrier.numbers.domain.PortNumberStatus;
import com.carrier.numbers.domain.PortStatus;
import com.carrier.numbers.domain.RejectionReason;
import com.carrier.numbers.port.Workflows;
import com.carrier.numbers.testing.PlatformFixture;
import com.carrier.numbers.testing.RecordingWorkflows;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The port lifecycle's steps ({@link PortSteps}) as the state machine runs them (DESIGN section 5):
 * a step of a stale attempt or of a port that moved on changes nothing; the waits answer their
 * tokens with the carrier's outcome; activation starts the rent; failure gives typed reasons.
 */
class PortStepsTest {
    private static final EndUserAddress ADDRESS = new EndUserAddress("123 Main St", "San Francisco", "CA", "94102", "US");
    /** A Tuesday; the FOC below is the Friday, cutover at 14:00Z (9:00 Eastern). */
    private static final Instant NOW = Instant.parse("2026-12-01T15:00:00Z");
    private static final LocalDate FOC = LocalDate.parse("2026-12-04");
    private static final Instant CUTOVER = Instant.parse("2026-12-04T14:00:00Z");

    private PlatformFixture f;
    private Caller alice;

    @BeforeEach
    void setUp() {
        f = PlatformFixture.create();
        f.clock.set(NOW);
        alice = f.master("MA_alice", "10.00");
    }

    private Port create(Caller caller, String... numbers) {
        return f.platform.ports().create(caller,
                new PortRequest(List.of(numbers), "123456789", "1234", null, "+14155551234", "John Doe", ADDRESS, null));
    }

    private Port port(String id) {
        return f.platform.ports().get(Caller.SYSTEM, id);
    }

    private PhoneNumber number(Caller owner, String e164) {
        return f.platform.phoneNumbers().get(owner, owner.accountId(), e164);
    }

    private void carrier(Port p, CarrierEvent e) {
        assertThat(f.platform.ports().carrierEvent(p.id(), e).applied()).isTrue();
    }

    private static CarrierEvent authorized(String id, CarrierEvent.NumberDecision... decisions) {
        return new CarrierEvent(id, CarrierEvent.Type.AUTHORIZED, FOC, List.of(decisions), null, null, null);
    }

    private static CarrierEvent rejected(String id, RejectionReason reason, CarrierEvent.NumberDecision... decisions) {
        return new CarrierEvent(id, CarrierEvent.Type.REJECTED, null, List.of(decisions), reason, null, null);
    }

    private static CarrierEvent.NumberDecision rejects(String number, RejectionReason r) {
        return new CarrierEvent.NumberDecision(number, true, r);
    }

    /** A port of {@code numbers} the carrier authorized (FOC Friday), its cutover begun. */
    private Port inProgress(Caller caller, String... numbers) {
        Port p = create(caller, numbers);
        carrier(p, authorized("evt_a"));
        f.platform.portSteps().authorize(p.id(), 1);
        f.clock.set(CUTOVER);
        f.platform.portSteps().awaitCarrier(p.id(), 1, Port.STAGE_COMPLETION, "tok-completion");
        return port(p.id());
    }

    @Test
    void aStepOfAnotherAttemptOrOfAnUnknownPortIsSupersededAndChangesNothing() {
        Port p = create(alice, "+14155551234");
        Port before = port(p.id());
        assertThatThrownBy(() -> f.platform.portSteps().submit(p.id(), 2)).isInstanceOf(PortSuperseded.class)
                .hasMessage("port " + p.id() + " is on attempt 1, not 2");
        assertThatThrownBy(() -> f.platform.portSteps().submit("port_0123abcd", 1)).isInstanceOf(PortSuperseded.class)
                .hasMessage("port port_0123abcd does not exist");
        assertThat(port(p.id())).isEqualTo(before);
        assertThat(f.workflows.started(Workflows.Machine.CARRIER_SIMULATOR)).as("nothing sent to the carrier").isEmpty();
    }

    @Test
    void authorizeNeedsARecordedAuthorization() {
        Port p = create(alice, "+14155551234");
        assertThatThrownBy(() -> f.platform.portSteps().authorize(p.id(), 1)).as("no decision yet").isInstanceOf(PortSuperseded.class)
                .hasMessage("port " + p.id() + " has no authorization to apply");
        carrier(p, rejected("evt_r", RejectionReason.PIN_INVALID));
        Port before = port(p.id());
        assertThatThrownBy(() -> f.platform.portSteps().authorize(p.id(), 1)).as("a rejection").isInstanceOf(PortSuperseded.class)
                .hasMessage("port " + p.id() + " has no authorization to apply");
        assertThat(port(p.id())).isEqualTo(before);
        assertThat(before.status()).isEqualTo(PortStatus.PENDING);
        assertThat(number(alice, "+14155551234").state()).isEqualTo(NumberState.PORT_IN);
    }

    @Test
    void theCompletionWaitStartsTheCutoverOnceAndMayBeRetried() {
        Port p = inProgress(alice, "+14155551234", "+14155551235");
        assertThat(p.status()).isEqualTo(PortStatus.IN_PROGRESS);
        assertThat(p.numbers()).extracting(n -> n.status()).containsExactly(PortNumberStatus.IN_PROGRESS, PortNumberStatus.IN_PROGRESS);
        assertThat(p.events().get(p.events().size() - 1))
                .isEqualTo(new PortEvent(CUTOVER, "in_progress", null, "the FOC has come: the numbers are cutting over"));
        assertThat(p.taskToken()).isEqualTo("tok-completion");

        // the step retried (a lost Lambda answer): the new token is stored, the cutover not repeated
        f.platform.portSteps().awaitCarrier(p.id(), 1, Port.STAGE_COMPLETION, "tok-retry");
        Port again = port(p.id());
        assertThat(again.status()).isEqualTo(PortStatus.IN_PROGRESS);
        assertThat(again.taskToken()).isEqualTo("tok-retry");
        assertThat(again.events()).filteredOn(e -> e.status().equals("in_progress")).hasSize(1);
        assertThat(f.workflows.answers()).as("no completion yet: nothing to answer").isEmpty();
    }

    @Test
    void activationBeforeTheCutoverIsSupersededAndChargesNothing() {
        Port p = create(alice, "+14155551234");
        carrier(p, authorized("evt_a"));
        f.platform.portSteps().authorize(p.id(), 1);
        assertThatThrownBy(() -> f.platform.portSteps().activate(p.id(), 1)).isInstanceOf(PortSuperseded.class)
                .hasMessage("port " + p.id() + " is authorized");
        assertThat(number(alice, "+14155551234").state()).isEqualTo(NumberState.PORT_IN);
        assertThat(f.account("MA_alice").balance()).isEqualTo(Money.of("10.00"));
    }

    @Test
    void activationChargesTheFirstMonthAndStartsTheMonthlyCycle() {
        Port p = inProgress(alice, "+14155551234");
        Port done = f.platform.portSteps().activate(p.id(), 1);
        assertThat(done.status()).isEqualTo(PortStatus.COMPLETED);
        PhoneNumber n = number(alice, "+14155551234");
        assertThat(n.state()).isEqualTo(NumberState.IN_SERVICE);
        assertThat(n.purchasedAt()).isEqualTo(CUTOVER);
        assertThat(n.nextCharge()).as("the first month paid: the next charge a month on").isEqualTo(Instant.parse("2027-01-04T14:00:00Z"));
        assertThat(n.expiresAt()).isEqualTo(Instant.parse("2027-12-04T14:00:00Z"));
        assertThat(f.account("MA_alice").balance()).isEqualTo(Money.of("9.01"));
    }

    @Test
    void activationWithAShortBalanceMakesTheFirstMonthDueAtOnce() {
        Caller poor = f.master("MA_poor", "0");
        Port p = inProgress(poor, "+14155551234");
        Port done = f.platform.portSteps().activate(p.id(), 1);
        assertThat(done.status()).as("the port completes all the same").isEqualTo(PortStatus.COMPLETED);
        PhoneNumber n = number(poor, "+14155551234");
        assertThat(n.state()).isEqualTo(NumberState.IN_SERVICE);
        assertThat(n.nextCharge()).as("due now: the renewal run collects or suspends").isEqualTo(CUTOVER);
        assertThat(f.account("MA_poor").balance()).isEqualTo(Money.ZERO);
    }

    @Test
    void anAuthorizationThatRejectsEveryNumberFailsTheWaitingTask() {
        Port p = create(alice, "+14155551234");
        f.platform.portSteps().awaitCarrier(p.id(), 1, Port.STAGE_DECISION, "tok-1");
        carrier(p, authorized("evt_a", rejects("+14155551234", RejectionReason.PIN_INVALID)));
        assertThat(f.workflows.answers()).containsExactly(
                new RecordingWorkflows.Answer("tok-1", false, "PIN_INVALID", PortSteps.PORT_REJECTED));
    }

    @Test
    void aRejectionFailsTheWaitingTaskWithTheCarriersReason() {
        Port p = create(alice, "+14155551234");
        f.platform.portSteps().awaitCarrier(p.id(), 1, Port.STAGE_DECISION, "tok-1");
        carrier(p, rejected("evt_r", RejectionReason.ENTITY_NAME_MISMATCH));
        assertThat(f.workflows.answers()).containsExactly(
                new RecordingWorkflows.Answer("tok-1", false, "ENTITY_NAME_MISMATCH", PortSteps.PORT_REJECTED));
    }

    @Test
    void failureGivesEachNumberTheCarriersReasonForIt() {
        Port p = create(alice, "+14155551234", "+14155551235");
        carrier(p, rejected("evt_r", RejectionReason.ENTITY_NAME_MISMATCH, rejects("+14155551234", RejectionReason.PIN_INVALID)));
        Port failed = f.platform.portSteps().fail(p.id(), 1, PortSteps.PORT_REJECTED, null);
        assertThat(failed.numbers()).extracting(n -> n.number() + " " + n.status().wire() + " " + n.reason())
                .containsExactly("+14155551234 rejected PIN_INVALID", "+14155551235 rejected ENTITY_NAME_MISMATCH");
        assertThat(failed.failureReason()).isEqualTo(RejectionReason.PIN_INVALID);
        assertThat(failed.messages()).containsExactly(
                "+14155551234 rejected: PIN_INVALID (the account PIN is wrong)",
                "+14155551235 rejected: ENTITY_NAME_MISMATCH (the end user's name does not match the losing carrier's records)");
        assertThat(port(p.id())).isEqualTo(f.platform.ports().get(alice, p.id()));
        assertThat(port(p.id()).status()).isEqualTo(PortStatus.FAILED);
        assertThat(f.platform.phoneNumbers().listAll(alice, "MA_alice", false, 10)).isEmpty();
    }

    @Test
    void aReasonGivenToFailWinsOverTheErrorName() {
        Port p = create(alice, "+14155551234");
        Port failed = f.platform.portSteps().fail(p.id(), 1, "States.Timeout", RejectionReason.SUBMISSION_FAILED);
        assertThat(failed.failureReason()).isEqualTo(RejectionReason.SUBMISSION_FAILED);
    }

    @Test
    void anAuthorizedNumberFailedByAStepErrorIsNotCalledUnportable() {
        // the carrier authorized the number; the cutover notice step then failed for good (Catch States.ALL)
        Port p = create(alice, "+14155551234");
        carrier(p, authorized("evt_a"));
        f.platform.portSteps().authorize(p.id(), 1);
        Port failed = f.platform.portSteps().fail(p.id(), 1, "States.TaskFailed", null);
        assertThat(failed.numbers()).extracting(n -> n.number() + " " + n.reason()).containsExactly("+14155551234 SUBMISSION_FAILED");
        assertThat(failed.failureReason()).isEqualTo(RejectionReason.SUBMISSION_FAILED);
    }

    @Test
    void aTimeoutAfterAPartialAuthorizationKeepsTheRejectionAndListsEachNumberOnce() {
        Port p = create(alice, "+14155551234", "+14155550000");
        carrier(p, authorized("evt_a", rejects("+14155550000", RejectionReason.NUMBER_NOT_PORTABLE)));
        f.platform.portSteps().authorize(p.id(), 1);
        assertThat(port(p.id()).messages()).hasSize(1);
        Port failed = f.platform.portSteps().fail(p.id(), 1, "States.Timeout", null);
        assertThat(failed.numbers()).extracting(n -> n.number() + " " + n.reason())
                .containsExactly("+14155551234 CARRIER_TIMEOUT", "+14155550000 NUMBER_NOT_PORTABLE");
        assertThat(failed.failureReason()).isEqualTo(RejectionReason.CARRIER_TIMEOUT);
        assertThat(failed.messages()).containsExactly(
                "+14155551234 rejected: CARRIER_TIMEOUT (the losing carrier did not answer in time)",
                "+14155550000 rejected: NUMBER_NOT_PORTABLE (the number cannot be ported)");
        assertThat(f.platform.phoneNumbers().listAll(alice, "MA_alice", false, 10)).isEmpty();
    }
}
