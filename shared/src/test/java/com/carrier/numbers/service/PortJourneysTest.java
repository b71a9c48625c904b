package com.carrier.numbers.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.carrier.numbers.adapter.carrier.CarrierEventJson;
import com.carrier.numbers.domain.BusinessCalendar;
import com.carrier.numbers.domain.Caller;
import com.carrier.numbers.domain.CarrierEvent;
import com.carrier.numbers.domain.EndUserAddress;
import com.carrier.numbers.domain.ErrorCode;
import com.carrier.numbers.domain.Money;
import com.carrier.numbers.domain.NumberState;
import com.carrier.numbers.domain.Port;
import com.carrier.numbers.domain.PortNumberStatus;
import com.carrier.numbers.domain.PortStatus;
import com.carrier.numbers.domain.RejectionReason;
import com.carrier.numbers.port.CarrierUnavailable;
import com.carrier.numbers.port.Workflows;
import com.carrier.numbers.testing.PlatformFixture;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The port domain on DynamoDB Local, its workflow steps driven in the order the state machine runs
 * them, the carrier's answers taken from the simulated carrier's own plan.
 */
class PortJourneysTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final EndUserAddress ADDRESS = new EndUserAddress("123 Main St", "San Francisco", "CA", "94102", "US");
    /** A Tuesday: the simulated carrier answers Wednesday, FOC the Friday. */
    private static final Instant NOW = Instant.parse("2026-12-01T15:00:00Z");

    private PlatformFixture f;
    private Caller alice;

    @BeforeEach
    void setUp() {
        f = PlatformFixture.create();
        f.clock.set(NOW);
        alice = f.master("MA_alice", "10.00");
    }

    private static PortRequest request(String accountNumber, String... numbers) {
        return new PortRequest(List.of(numbers), accountNumber, "1234", "Previous Provider", "+14155551234", "John Doe", ADDRESS, null);
    }

    private Port port(String id) {
        return f.platform.ports().get(Caller.SYSTEM, id);
    }

    private JsonNode simulatorPlan(Port p) throws Exception {
        var starts = f.workflows.started(Workflows.Machine.CARRIER_SIMULATOR);
        return JSON.readTree(starts.stream().filter(s -> s.name().equals("carrier-" + p.executionName())).findFirst().orElseThrow().input());
    }

    /** What the simulator would POST, through the domain call the callback makes. */
    private void carrierSends(Port p, String which) throws Exception {
        JsonNode plan = simulatorPlan(p);
        f.platform.ports().carrierEvent(p.id(), CarrierEventJson.read(plan.get(which)));
    }

    @Test
    void theSeedExampleTakesTheHappyPath() throws Exception {
        Port p = f.platform.ports().create(alice, request("123456789", "+14155551234"));
        assertThat(p.status()).isEqualTo(PortStatus.PENDING);
        assertThat(p.carrierStatus()).isEqualTo("pending_transfer");
        assertThat(p.estimatedCompletion()).as("5 business days").isEqualTo(Instant.parse("2026-12-08T15:00:00Z"));
        assertThat(f.workflows.started(Workflows.Machine.PORT_LIFECYCLE)).extracting(s -> s.name()).containsExactly(p.id() + "-1");
        assertThat(f.platform.phoneNumbers().get(alice, "MA_alice", "+14155551234").state()).isEqualTo(NumberState.PORT_IN);

        f.platform.portSteps().submit(p.id(), 1);
        JsonNode plan = simulatorPlan(p);
        assertThat(plan.get("decision_at").asText()).as("one business day later").isEqualTo("2026-12-02T15:00:00Z");
        assertThat(plan.get("decision").get("foc_date").asText()).as("two business days after the decision").isEqualTo("2026-12-04");

        f.platform.portSteps().awaitCarrier(p.id(), 1, Port.STAGE_DECISION, "tok-1");
        carrierSends(p, "decision");
        assertThat(f.workflows.answers()).singleElement().satisfies(a -> {
            assertThat(a.token()).isEqualTo("tok-1");
            assertThat(a.success()).isTrue();
        });
        PortSteps.Schedule s = f.platform.portSteps().authorize(p.id(), 1);
        assertThat(s.focAt()).isEqualTo(Instant.parse("2026-12-04T14:00:00Z"));
        assertThat(s.cutoverNoticeAt()).isEqualTo(Instant.parse("2026-12-03T14:00:00Z"));
        assertThat(port(p.id()).status()).isEqualTo(PortStatus.AUTHORIZED);
        assertThat(port(p.id()).estimatedCompletion()).as("then the confirmed FOC").isEqualTo(s.focAt());

        f.platform.portSteps().notifyCutover(p.id(), 1);
        assertThat(port(p.id()).events()).anySatisfy(e -> assertThat(e.status()).isEqualTo("cutover_soon"));

        f.clock.set(s.focAt());
        carrierSends(p, "completion"); // the carrier is a little early: recorded, the workflow picks it up
        f.platform.portSteps().awaitCarrier(p.id(), 1, Port.STAGE_COMPLETION, "tok-2");
        assertThat(f.workflows.answers()).as("the completion step answers itself").anySatisfy(a -> assertThat(a.token()).isEqualTo("tok-2"));
        Port done = f.platform.portSteps().activate(p.id(), 1);

        assertThat(done.status()).isEqualTo(PortStatus.COMPLETED);
        assertThat(done.carrierStatus()).isEqualTo("ported");
        assertThat(done.completedAt()).isEqualTo(s.focAt());
        assertThat(done.messages()).containsExactly("Number successfully transferred to Audian");
        assertThat(done.numbers()).singleElement().satisfies(n -> assertThat(n.status()).isEqualTo(PortNumberStatus.PORTED));
        var number = f.platform.phoneNumbers().get(alice, "MA_alice", "+14155551234");
        assertThat(number.state()).isEqualTo(NumberState.IN_SERVICE);
        assertThat(number.purchasedAt()).as("rent starts at completion").isEqualTo(s.focAt());
        assertThat(f.account("MA_alice").balance()).as("porting is free; the first month is charged").isEqualTo(Money.of("9.01"));
    }

    @Test
    void aRejectedPortFailsWithTheCarriersReasonAndCompletesAfterACorrection() throws Exception {
        Port p = f.platform.ports().create(alice, request("999000111", "+14155551234"));
        f.platform.portSteps().submit(p.id(), 1);
        f.platform.portSteps().awaitCarrier(p.id(), 1, Port.STAGE_DECISION, "tok-1");
        carrierSends(p, "decision");
        assertThat(f.workflows.answers()).singleElement().satisfies(a -> {
            assertThat(a.success()).isFalse();
            assertThat(a.error()).isEqualTo(PortSteps.PORT_REJECTED);
        });
        Port failed = f.platform.portSteps().fail(p.id(), 1, PortSteps.PORT_REJECTED, null); // the Catch; the cause may be lost
        assertThat(failed.status()).isEqualTo(PortStatus.FAILED);
        assertThat(failed.numbers()).singleElement().satisfies(n -> assertThat(n.reason()).isEqualTo(RejectionReason.ENTITY_NAME_MISMATCH));
        assertThat(failed.messages()).singleElement().asString().contains("ENTITY_NAME_MISMATCH");
        assertThat(f.platform.phoneNumbers().listAll(alice, "MA_alice", false, 10)).as("the number left the account").isEmpty();

        assertThat(Errors.code(() -> f.platform.ports().cancel(alice, p.id()))).isEqualTo(ErrorCode.PORT_NOT_CANCELLABLE);
        Port again = f.platform.ports().correct(alice, p.id(), new PortRequest(null, "123456789", null, null, null, null, null, null));
        assertThat(again.status()).isEqualTo(PortStatus.PENDING);
        assertThat(again.attempt()).isEqualTo(2);
        assertThat(again.messages()).isEmpty();
        assertThat(f.workflows.started(Workflows.Machine.PORT_LIFECYCLE)).extracting(s -> s.name()).containsExactly(p.id() + "-1", p.id() + "-2");
        assertThatThrownBy(() -> f.platform.portSteps().authorize(p.id(), 1)).as("the old attempt's execution changes nothing")
                .isInstanceOf(PortSuperseded.class);

        Port p2 = port(p.id());
        f.platform.portSteps().submit(p.id(), 2);
        f.platform.portSteps().awaitCarrier(p.id(), 2, Port.STAGE_DECISION, "tok-3");
        carrierSends(p2, "decision");
        f.platform.portSteps().authorize(p.id(), 2);
        f.platform.portSteps().awaitCarrier(p.id(), 2, Port.STAGE_COMPLETION, "tok-4");
        carrierSends(p2, "completion");
        assertThat(f.platform.portSteps().activate(p.id(), 2).status()).isEqualTo(PortStatus.COMPLETED);
        assertThat(Errors.code(() -> f.platform.ports().correct(alice, p.id(), new PortRequest(null, "1", null, null, null, null, null, null))))
                .isEqualTo(ErrorCode.PORT_NOT_CORRECTABLE);
    }

    @Test
    void aNumberEndingIn0000IsRejectedAloneAndTheOthersPort() throws Exception {
        Port p = f.platform.ports().create(alice, request("123456789", "+14155551234", "+14155550000"));
        f.platform.portSteps().submit(p.id(), 1);
        carrierSends(p, "decision");
        f.platform.portSteps().awaitCarrier(p.id(), 1, Port.STAGE_DECISION, "tok-1");
        assertThat(f.workflows.answers()).as("the decision was already there: answered at once").singleElement()
                .satisfies(a -> assertThat(a.success()).isTrue());
        f.platform.portSteps().authorize(p.id(), 1);
        Port authorized = port(p.id());
        assertThat(authorized.numbers()).extracting(n -> n.number() + " " + n.status().wire() + " " + n.reason())
                .containsExactly("+14155551234 authorized null", "+14155550000 rejected NUMBER_NOT_PORTABLE");
        assertThatThrownBy(() -> f.platform.phoneNumbers().get(alice, "MA_alice", "+14155550000")).isInstanceOf(RuntimeException.class);
        f.platform.portSteps().awaitCarrier(p.id(), 1, Port.STAGE_COMPLETION, "tok-2");
        carrierSends(p, "completion");
        Port done = f.platform.portSteps().activate(p.id(), 1);
        assertThat(done.status()).isEqualTo(PortStatus.COMPLETED);
        assertThat(done.numbers()).extracting(n -> n.status().wire()).containsExactly("ported", "rejected");
        assertThat(done.messages()).anySatisfy(m -> assertThat(m).contains("+14155550000", "NUMBER_NOT_PORTABLE"));
    }

    @Test
    void the997CarrierFailsTheFirstTwoSubmissions() {
        Port p = f.platform.ports().create(alice, request("997123", "+14155551234"));
        assertThatThrownBy(() -> f.platform.portSteps().submit(p.id(), 1)).isInstanceOf(CarrierUnavailable.class);
        assertThatThrownBy(() -> f.platform.portSteps().submit(p.id(), 1)).isInstanceOf(CarrierUnavailable.class);
        f.platform.portSteps().submit(p.id(), 1);
        assertThat(f.workflows.started(Workflows.Machine.CARRIER_SIMULATOR)).hasSize(1);
    }

    @Test
    void the998CarrierNeverAnswersAndTheTimeoutFailsThePort() {
        Port p = f.platform.ports().create(alice, request("998123", "+14155551234"));
        f.platform.portSteps().submit(p.id(), 1);
        assertThat(f.workflows.started(Workflows.Machine.CARRIER_SIMULATOR)).isEmpty();
        Port failed = f.platform.portSteps().fail(p.id(), 1, "States.Timeout", null);
        assertThat(failed.failureReason()).isEqualTo(RejectionReason.CARRIER_TIMEOUT);
        assertThat(failed.numbers()).singleElement().satisfies(n -> assertThat(n.reason()).isEqualTo(RejectionReason.CARRIER_TIMEOUT));
    }

    @Test
    void numbersOnThePlatformOrOnAnotherOpenPortAreUnavailable() {
        f.load("+14152000000", 2);
        assertThat(Errors.code(() -> f.platform.ports().create(alice, request("1", "+14152000000")))).as("in inventory")
                .isEqualTo(ErrorCode.NUMBER_UNAVAILABLE);
        f.platform.ports().create(alice, request("1", "+14155551234"));
        Caller bob = f.master("MA_bob", "0");
        assertThat(Errors.code(() -> f.platform.ports().create(bob, request("1", "+14155551235", "+14155551234"))))
                .as("on an open port").isEqualTo(ErrorCode.NUMBER_UNAVAILABLE);
        assertThatThrownBy(() -> f.platform.phoneNumbers().get(bob, "MA_bob", "+14155551235"))
                .as("the refused port claimed nothing").isInstanceOf(RuntimeException.class);
        assertThat(f.platform.ports().list(bob, null, 20, 0).total()).isZero();
    }

    @Test
    void validationNamesTheField() {
        assertThat(Errors.of(() -> f.platform.ports().create(alice, request("1", "+442079460000"))).details())
                .as("only NANP").containsEntry("field", "number");
        assertThat(Errors.of(() -> f.platform.ports().create(alice, request("1", "+14155551234", "+14155551234"))).details())
                .containsEntry("field", "numbers[1]");
        assertThat(Errors.of(() -> f.platform.ports().create(alice, request(" ", "+14155551234"))).details())
                .containsEntry("field", "account_number");
        assertThat(Errors.of(() -> f.platform.ports().create(alice, new PortRequest(List.of("+14155551234"), "1", null, null,
                "+14155551234", "John", new EndUserAddress("1 Main", "SF", "California", "94102", "US"), null))).details())
                .containsEntry("field", "end_user_address.state");
    }

    @Test
    void regionsOfTheAccountApply() {
        Caller ny = f.masterIn("MA_ny", "0", List.of("US-NY"));
        assertThat(Errors.code(() -> f.platform.ports().create(ny, request("1", "+14155551234")))).isEqualTo(ErrorCode.INVALID_REGION);
    }

    @Test
    void requestedFocDates() {
        // now is Tuesday 2026-12-01 (Eastern): three business days ahead is Friday 2026-12-04
        assertThat(Ports.focDate("2026-12-04", NOW)).isEqualTo(LocalDate.parse("2026-12-04"));
        assertThat(Errors.of(() -> Ports.focDate("2026-12-03", NOW)).getMessage()).contains("3 business days");
        assertThat(Errors.of(() -> Ports.focDate("2026-12-05", NOW)).getMessage()).contains("business day");
        assertThat(Errors.of(() -> Ports.focDate("2026-12-25", NOW)).getMessage()).as("Christmas").contains("business day");
        assertThat(Ports.focDate("2026-12-31", NOW)).isEqualTo(LocalDate.parse("2026-12-31"));
        assertThat(Errors.of(() -> Ports.focDate("2027-01-04", NOW)).getMessage()).contains("30 days");
        assertThat(Errors.of(() -> Ports.focDate("12/04/2026", NOW)).details()).containsEntry("field", "requested_foc_date");
        assertThat(Errors.of(() -> Ports.focDate("2026-02-30", NOW)).details()).containsEntry("field", "requested_foc_date");
        // over a holiday: from Wednesday 2026-07-01, the 3rd business day skips the observed July 4th (Friday 3rd)
        assertThat(Errors.of(() -> Ports.focDate("2026-07-06", Instant.parse("2026-07-01T15:00:00Z"))).getMessage()).contains("3 business days");
        assertThat(Ports.focDate("2026-07-07", Instant.parse("2026-07-01T15:00:00Z"))).isEqualTo(LocalDate.parse("2026-07-07"));
    }

    @Test
    void cancelWhilePendingRemovesTheNumbersAndStopsTheExecution() {
        Port p = f.platform.ports().create(alice, request("123456789", "+14155551234"));
        f.platform.portSteps().awaitCarrier(p.id(), 1, Port.STAGE_DECISION, "tok-1");
        Port cancelled = f.platform.ports().cancel(alice, p.id());
        assertThat(cancelled.status()).isEqualTo(PortStatus.CANCELLED);
        assertThat(cancelled.numbers()).singleElement().satisfies(n -> assertThat(n.status()).isEqualTo(PortNumberStatus.CANCELLED));
        assertThat(f.platform.phoneNumbers().listAll(alice, "MA_alice", false, 10)).isEmpty();
        assertThat(f.workflows.stopped()).containsExactly("PORT_LIFECYCLE/" + p.id() + "-1");
        // a late answer and a stale execution change nothing
        var late = f.platform.ports().carrierEvent(p.id(), new CarrierEvent("evt_late", CarrierEvent.Type.AUTHORIZED,
                LocalDate.parse("2026-12-04"), List.of(), null, null, null));
        assertThat(late.applied()).isFalse();
        assertThatThrownBy(() -> f.platform.portSteps().authorize(p.id(), 1)).isInstanceOf(PortSuperseded.class);
        assertThatThrownBy(() -> f.platform.portSteps().fail(p.id(), 1, "States.Timeout", null)).isInstanceOf(PortSuperseded.class);
        assertThat(port(p.id()).status()).isEqualTo(PortStatus.CANCELLED);
    }

    @Test
    void cancelIsRefusedInProgressAndWithin48HoursOfTheFoc() throws Exception {
        Port p = f.platform.ports().create(alice, request("123456789", "+14155551234"));
        f.platform.portSteps().submit(p.id(), 1);
        carrierSends(p, "decision");
        PortSteps.Schedule s = f.platform.portSteps().authorize(p.id(), 1); // FOC Friday 14:00Z; now is Tuesday 15:00Z
        f.clock.set(s.focAt().minus(Duration.ofHours(48)));
        assertThat(Errors.code(() -> f.platform.ports().cancel(alice, p.id()))).isEqualTo(ErrorCode.PORT_NOT_CANCELLABLE);
        f.clock.set(s.focAt());
        f.platform.portSteps().awaitCarrier(p.id(), 1, Port.STAGE_COMPLETION, "tok");
        assertThat(Errors.code(() -> f.platform.ports().cancel(alice, p.id()))).isEqualTo(ErrorCode.PORT_NOT_CANCELLABLE);
        assertThat(port(p.id()).status()).isEqualTo(PortStatus.IN_PROGRESS);
    }

    @Test
    void otherAccountsPortsAreNotFoundAndAMasterSeesItsSubAccounts() {
        Caller sub = f.sub(alice, "SA_alice1", "0");
        Port p = f.platform.ports().create(sub, request("123456789", "+14155551234"));
        Caller stranger = f.master("MA_stranger", "0");
        assertThat(Errors.code(() -> f.platform.ports().get(stranger, p.id()))).isEqualTo(ErrorCode.NOT_FOUND);
        assertThat(Errors.code(() -> f.platform.ports().cancel(stranger, p.id()))).isEqualTo(ErrorCode.NOT_FOUND);
        assertThat(port(p.id()).status()).isEqualTo(PortStatus.PENDING);
        assertThat(f.platform.ports().get(alice, p.id()).id()).isEqualTo(p.id());
        assertThat(f.platform.ports().list(alice, null, 20, 0).ports()).extracting(Port::id).containsExactly(p.id());
        assertThat(f.platform.ports().list(alice, "completed", 20, 0).total()).isZero();
        assertThat(f.platform.ports().list(stranger, null, 20, 0).total()).isZero();
    }

    @Test
    void aRepeatedEventIdChangesNothing() throws Exception {
        Port p = f.platform.ports().create(alice, request("123456789", "+14155551234"));
        f.platform.portSteps().submit(p.id(), 1);
        f.platform.portSteps().awaitCarrier(p.id(), 1, Port.STAGE_DECISION, "tok-1");
        CarrierEvent decision = CarrierEventJson.read(simulatorPlan(p).get("decision"));
        // the carrier's webhook retries: the same event, many times at once
        ExecutorService pool = Executors.newFixedThreadPool(8);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Ports.EventOutcome>> results = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            results.add(pool.submit(() -> {
                go.await();
                return f.platform.ports().carrierEvent(p.id(), decision);
            }));
        }
        go.countDown();
        int applied = 0;
        for (Future<Ports.EventOutcome> r : results) {
            applied += r.get().applied() ? 1 : 0;
        }
        pool.shutdown();
        assertThat(applied).isEqualTo(1);
        assertThat(f.workflows.answers()).as("the waiting task is answered once").hasSize(1);
        assertThat(port(p.id()).eventIds()).containsExactly(decision.eventId());
    }

    @Test
    void aCancelAndAnAuthorizationTogetherEndInOneConsistentState() throws Exception {
        for (int round = 0; round < 6; round++) {
            f.clock.set(NOW);
            String number = "+1415555120" + round;
            Port p = f.platform.ports().create(alice, request("123456789", number));
            f.platform.portSteps().submit(p.id(), 1);
            f.platform.portSteps().awaitCarrier(p.id(), 1, Port.STAGE_DECISION, "tok");
            CarrierEvent decision = CarrierEventJson.read(simulatorPlan(p).get("decision"));
            ExecutorService pool = Executors.newFixedThreadPool(2);
            CountDownLatch go = new CountDownLatch(1);
            Future<?> authorize = pool.submit(() -> {
                go.await();
                f.platform.ports().carrierEvent(p.id(), decision);
                try {
                    f.platform.portSteps().authorize(p.id(), 1);
                } catch (PortSuperseded lostToTheCancel) {
                    // fine: the cancel came first
                }
                return null;
            });
            Future<Port> cancel = pool.submit(() -> {
                go.await();
                return f.platform.ports().cancel(alice, p.id());
            });
            go.countDown();
            authorize.get();
            assertThat(cancel.get().status()).isEqualTo(PortStatus.CANCELLED);
            pool.shutdown();
            Port end = port(p.id());
            assertThat(end.status()).as("round %d", round).isEqualTo(PortStatus.CANCELLED);
            assertThat(end.numbers()).allSatisfy(n -> assertThat(n.status()).isEqualTo(PortNumberStatus.CANCELLED));
            assertThatThrownBy(() -> f.platform.phoneNumbers().get(alice, "MA_alice", number)).as("round %d: number gone", round)
                    .isInstanceOf(RuntimeException.class);
            assertThatThrownBy(() -> f.platform.portSteps().notifyCutover(p.id(), 1)).isInstanceOf(PortSuperseded.class);
        }
    }
}
