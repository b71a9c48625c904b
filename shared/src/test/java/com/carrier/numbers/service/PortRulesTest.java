package com.carrier.numbers.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.carrier.numbers.domain.Caller;
import com.carrier.numbers.domain.CarrierEvent;
import com.carrier.numbers.domain.EndUserAddress;
import com.carrier.numbers.domain.ErrorCode;
import com.carrier.numbers.domain.Money;
import com.carrier.numbers.domain.NumberState;
import com.carrier.numbers.domain.PhoneNumber;
import com.carrier.numbers.domain.PlatformException;
import com.carrier.numbers.domain.Port;
import com.carrier.numbers.domain.PortEvent;
import com.carrier.numbers.domain.PortNumberStatus;
import com.carrier.numbers.domain.PortStatus;
import com.carrier.numbers.domain.RejectionReason;
import com.carrier.numbers.port.Workflows;
import com.carrier.numbers.testing.PlatformFixture;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The port-in rules a customer and a carrier meet through {@link Ports} (DESIGN "Ports"): what a
 * new port claims and starts, the regions, cancel's 48-hour cutoff, correct-and-resubmit, and how
 * the carrier's events are recorded. Each refusal answers its documented code and changes nothing.
 */
class PortRulesTest {
    private static final EndUserAddress ADDRESS = new EndUserAddress("123 Main St", "San Francisco", "CA", "94102", "US");
    private static final EndUserAddress NEW_YORK = new EndUserAddress("1 Broadway", "New York", "NY", "10004", "US");
    private static final EndUserAddress TORONTO = new EndUserAddress("1 King St W", "Toronto", "ON", "M5V 2T6", "CA");
    /** A Tuesday: three business days ahead is Friday 2026-12-04, whose cutover is 14:00Z (9:00 Eastern). */
    private static final Instant NOW = Instant.parse("2026-12-01T15:00:00Z");
    private static final LocalDate FOC = LocalDate.parse("2026-12-04");

    private PlatformFixture f;
    private Caller alice;

    @BeforeEach
    void setUp() {
        f = PlatformFixture.create();
        f.clock.set(NOW);
        alice = f.master("MA_alice", "10.00");
    }

    private static PortRequest request(EndUserAddress address, String... numbers) {
        return new PortRequest(List.of(numbers), "123456789", "1234", "Previous Provider", "+14155551234", "John Doe", address, null);
    }

    private Port create(Caller caller, String... numbers) {
        return f.platform.ports().create(caller, request(ADDRESS, numbers));
    }

    /** A port whose first execution could not be started: failed at once, ready to be corrected. */
    private Port failed(Caller caller, String... numbers) {
        f.workflows.loseNextStarts(1);
        Port p = create(caller, numbers);
        assertThat(p.status()).isEqualTo(PortStatus.FAILED);
        return port(p.id()); // as stored: what a refused correction must leave as it is
    }

    private Port port(String id) {
        return f.platform.ports().get(Caller.SYSTEM, id);
    }

    private PhoneNumber number(Caller owner, String e164) {
        return f.platform.phoneNumbers().get(owner, owner.accountId(), e164);
    }

    private static CarrierEvent authorized(String id, CarrierEvent.NumberDecision... decisions) {
        return new CarrierEvent(id, CarrierEvent.Type.AUTHORIZED, FOC, List.of(decisions), null, null, null);
    }

    private static CarrierEvent.NumberDecision rejects(String number, RejectionReason r) {
        return new CarrierEvent.NumberDecision(number, true, r);
    }

    private static PortEvent lastEvent(Port p) {
        return p.events().get(p.events().size() - 1);
    }

    // ---- create

    @Test
    void theExecutionStartedNamesThePortItsAttemptAndTheWaits() {
        Port p = create(alice, "+14155551234");
        assertThat(f.workflows.started(Workflows.Machine.PORT_LIFECYCLE)).singleElement().satisfies(s -> {
            assertThat(s.name()).isEqualTo(p.id() + "-1");
            assertThat(s.input()).isEqualTo("{\"port_id\":\"" + p.id() + "\",\"attempt\":1,"
                    + "\"decision_timeout_seconds\":604800,\"completion_timeout_seconds\":172800}");
        });
    }

    @Test
    void aLostStartFailsThePortAtOnceSoTheCustomerCanResubmit() {
        f.workflows.loseNextStarts(1);
        Port p = create(alice, "+14155551234");
        assertThat(p.status()).isEqualTo(PortStatus.FAILED);
        assertThat(p.failureReason()).isEqualTo(RejectionReason.SUBMISSION_FAILED);
        assertThat(p.numbers()).singleElement().satisfies(n -> {
            assertThat(n.status()).isEqualTo(PortNumberStatus.REJECTED);
            assertThat(n.reason()).isEqualTo(RejectionReason.SUBMISSION_FAILED);
        });
        assertThat(port(p.id()).status()).isEqualTo(PortStatus.FAILED);
        assertThat(f.platform.phoneNumbers().listAll(alice, "MA_alice", false, 10)).as("the number left the account").isEmpty();
    }

    @Test
    void theNumbersArePortedInAtTheirTypesRateWhereTheEndUserIs() {
        create(alice, "+14155551234", "+18005550123", "+18765550123");
        PhoneNumber local = number(alice, "+14155551234");
        assertThat(local.state()).isEqualTo(NumberState.PORT_IN);
        assertThat(List.of(local.country(), local.region(), local.city(), local.type()))
                .containsExactly("US", "CA", "San Francisco", "local");
        assertThat(local.monthlyCost()).isEqualTo(Money.of("0.99"));
        assertThat(local.setupFee()).as("porting is free").isEqualTo(Money.ZERO);
        PhoneNumber tollFree = number(alice, "+18005550123");
        assertThat(tollFree.type()).isEqualTo("toll_free");
        assertThat(tollFree.monthlyCost()).isEqualTo(Money.of("1.99"));
        PhoneNumber jamaica = number(alice, "+18765550123");
        assertThat(jamaica.country()).isEqualTo("JM");
        assertThat(jamaica.region()).as("the end user's state is not Jamaica's").isNull();
        assertThat(jamaica.type()).isEqualTo("local");
        assertThat(jamaica.monthlyCost()).as("no Jamaican rates: the US price list").isEqualTo(Money.of("0.99"));

        f.platform.ports().create(alice, request(TORONTO, "+14165550123"));
        PhoneNumber toronto = number(alice, "+14165550123");
        assertThat(List.of(toronto.country(), toronto.region(), toronto.city())).containsExactly("CA", "ON", "Toronto");
    }

    @Test
    void theAccountsRegionsApplyToTheEndUsersState() {
        Caller ny = f.masterIn("MA_ny", "0", List.of("US-NY"));
        assertThat(f.platform.ports().create(ny, request(NEW_YORK, "+12125550123")).status()).isEqualTo(PortStatus.PENDING);

        PlatformException inCalifornia = Errors.of(() -> f.platform.ports().create(ny, request(ADDRESS, "+14155551234")));
        assertThat(inCalifornia.code()).isEqualTo(ErrorCode.INVALID_REGION);
        assertThat(inCalifornia.getMessage()).isEqualTo("account MA_ny may not hold numbers in US-CA");
        assertThat(inCalifornia.details()).isEqualTo(Map.of("number", "+14155551234"));

        PlatformException canadian = Errors.of(() -> f.platform.ports().create(ny, request(NEW_YORK, "+14165550123")));
        assertThat(canadian.code()).isEqualTo(ErrorCode.INVALID_REGION);
        assertThat(canadian.getMessage()).as("a number of another country: no state").isEqualTo("account MA_ny may not hold numbers in CA");

        assertThat(f.platform.ports().list(ny, null, 20, 0).total()).isEqualTo(1);
        assertThat(f.platform.phoneNumbers().listAll(ny, "MA_ny", false, 10)).extracting(PhoneNumber::number).containsExactly("+12125550123");
    }

    @Test
    void aNumberOnThePlatformIs409BeforeTheRegionIsChecked() {
        f.load("+14152000000", 1);
        Caller ny = f.masterIn("MA_ny", "0", List.of("US-NY"));
        PlatformException e = Errors.of(() -> f.platform.ports().create(ny, request(ADDRESS, "+14152000000")));
        assertThat(e.code()).isEqualTo(ErrorCode.NUMBER_UNAVAILABLE);
        assertThat(e.details()).isEqualTo(Map.of("number", "+14152000000"));
        assertThat(f.platform.ports().list(ny, null, 20, 0).total()).isZero();
    }

    // ---- cancel

    @Test
    void theRequestedFocSetsTheCancelCutoffUntilTheCarrierConfirmsOne() {
        PortRequest withFoc = new PortRequest(List.of("+14155551234"), "123456789", null, null, "+14155551234", "John Doe", ADDRESS,
                FOC.toString());
        Port p = f.platform.ports().create(alice, withFoc);
        f.clock.set(Instant.parse("2026-12-02T14:00:00Z")); // 48 hours before the requested cutover
        PlatformException e = Errors.of(() -> f.platform.ports().cancel(alice, p.id()));
        assertThat(e.code()).isEqualTo(ErrorCode.PORT_NOT_CANCELLABLE);
        assertThat(e.getMessage()).isEqualTo("a port cannot be cancelled within 48 hours of its FOC (2026-12-04T14:00:00Z)");
        assertThat(port(p.id()).status()).isEqualTo(PortStatus.PENDING);
        assertThat(number(alice, "+14155551234").state()).isEqualTo(NumberState.PORT_IN);

        f.clock.set(Instant.parse("2026-12-02T13:59:59Z"));
        assertThat(f.platform.ports().cancel(alice, p.id()).status()).isEqualTo(PortStatus.CANCELLED);
    }

    @Test
    void cancellingAnAuthorizedPortKeepsTheCarriersRejections() {
        Port p = create(alice, "+14155551234", "+14155550000");
        f.platform.ports().carrierEvent(p.id(), authorized("evt_1", rejects("+14155550000", RejectionReason.NUMBER_NOT_PORTABLE)));
        f.platform.portSteps().authorize(p.id(), 1);
        Port cancelled = f.platform.ports().cancel(alice, p.id());
        assertThat(cancelled.numbers()).extracting(n -> n.number() + " " + n.status().wire() + " " + n.reason())
                .containsExactly("+14155551234 cancelled null", "+14155550000 rejected NUMBER_NOT_PORTABLE");
        assertThat(port(p.id()).numbers()).isEqualTo(cancelled.numbers());
    }

    // ---- correct and resubmit

    @Test
    void aCorrectionCannotChangeTheNumbers() {
        Port p = failed(alice, "+14155551234");
        PlatformException e = Errors.of(() -> f.platform.ports().correct(alice, p.id(),
                new PortRequest(List.of("+14155551235"), null, null, null, null, null, null, null)));
        assertThat(e.code()).isEqualTo(ErrorCode.VALIDATION_ERROR);
        assertThat(e.details()).isEqualTo(Map.of("field", "numbers"));
        assertThat(port(p.id())).isEqualTo(p);
    }

    @Test
    void aCorrectionReplacesTheFieldsSentAndResubmits() {
        Port p = failed(alice, "+14155551234");
        EndUserAddress losAngeles = new EndUserAddress("2 Main St", "Los Angeles", "CA", "90012-1234", "US");
        Port again = f.platform.ports().correct(alice, p.id(),
                new PortRequest(null, null, " 9876 ", "Other Carrier", "+14155559876", "Jane Doe", losAngeles, "2026-12-07"));

        for (Port q : List.of(again, port(p.id()))) {
            assertThat(q.status()).isEqualTo(PortStatus.PENDING);
            assertThat(q.attempt()).isEqualTo(2);
            assertThat(q.accountNumber()).as("not sent: kept").isEqualTo("123456789");
            assertThat(List.of(q.accountPin(), q.carrierName(), q.billingPhone(), q.endUserName()))
                    .containsExactly("9876", "Other Carrier", "+14155559876", "Jane Doe");
            assertThat(q.endUserAddress()).isEqualTo(losAngeles);
            assertThat(q.requestedFocDate()).isEqualTo(LocalDate.parse("2026-12-07"));
            assertThat(q.numbers()).extracting(n -> n.status() + " " + n.reason()).containsExactly("PENDING null");
            assertThat(q.failureReason()).isNull();
            assertThat(q.messages()).isEmpty();
        }
        PhoneNumber claimed = number(alice, "+14155551234");
        assertThat(claimed.state()).as("claimed again for the new attempt").isEqualTo(NumberState.PORT_IN);
        assertThat(claimed.city()).isEqualTo("Los Angeles");
        assertThat(f.workflows.started(Workflows.Machine.PORT_LIFECYCLE)).extracting(s -> s.name()).containsExactly(p.id() + "-2");
    }

    @Test
    void aCorrectionKeepsTheFieldsNotSent() {
        Port p = failed(alice, "+14155551234");
        Port again = f.platform.ports().correct(alice, p.id(), new PortRequest(null, "555", null, null, null, null, null, null));
        assertThat(again.accountNumber()).isEqualTo("555");
        assertThat(List.of(again.accountPin(), again.carrierName(), again.billingPhone(), again.endUserName()))
                .containsExactly("1234", "Previous Provider", "+14155551234", "John Doe");
        assertThat(again.endUserAddress()).isEqualTo(ADDRESS);
        assertThat(again.requestedFocDate()).isNull();
    }

    @Test
    void aCorrectionOfANumberTakenMeanwhileIs409AndChangesNothing() {
        Port p = failed(alice, "+14152000000");
        f.load("+14152000000", 1);
        PlatformException e = Errors.of(() -> f.platform.ports().correct(alice, p.id(), new PortRequest(null, "555", null, null, null, null, null, null)));
        assertThat(e.code()).isEqualTo(ErrorCode.NUMBER_UNAVAILABLE);
        assertThat(e.details()).isEqualTo(Map.of("number", "+14152000000"));
        assertThat(port(p.id())).isEqualTo(p);
        assertThat(f.workflows.started(Workflows.Machine.PORT_LIFECYCLE)).isEmpty();
    }

    @Test
    void aCorrectionToAnEndUserOutsideTheAccountsRegionsIs403AndChangesNothing() {
        Caller ca = f.masterIn("MA_ca", "0", List.of("US-CA"));
        Port p = failed(ca, "+14155551234");
        PlatformException e = Errors.of(() -> f.platform.ports().correct(ca, p.id(), new PortRequest(null, null, null, null, null, null, NEW_YORK, null)));
        assertThat(e.code()).isEqualTo(ErrorCode.INVALID_REGION);
        assertThat(e.getMessage()).isEqualTo("account MA_ca may not hold numbers in US-NY");
        assertThat(port(p.id())).isEqualTo(p);
        assertThat(f.platform.phoneNumbers().listAll(ca, "MA_ca", false, 10)).isEmpty();
    }

    // ---- the carrier's events

    @Test
    void aRepeatedEventIsAppliedOnceAndSaysSo() {
        Port p = create(alice, "+14155551234");
        Ports.EventOutcome first = f.platform.ports().carrierEvent(p.id(), authorized("evt_1"));
        assertThat(first.applied()).isTrue();
        assertThat(first.note()).isEqualTo("applied");
        Ports.EventOutcome again = f.platform.ports().carrierEvent(p.id(), authorized("evt_1"));
        assertThat(again.applied()).isFalse();
        assertThat(again.note()).isEqualTo("event evt_1 was already applied");
        assertThat(port(p.id()).eventIds()).containsExactly("evt_1");
    }

    @Test
    void aSecondDecisionChangesNothing() {
        Port p = create(alice, "+14155551234");
        f.platform.ports().carrierEvent(p.id(), authorized("evt_1"));
        Port before = port(p.id());
        Ports.EventOutcome second = f.platform.ports().carrierEvent(p.id(),
                new CarrierEvent("evt_2", CarrierEvent.Type.REJECTED, null, List.of(), RejectionReason.PIN_INVALID, null, null));
        assertThat(second.applied()).isFalse();
        assertThat(second.note()).isEqualTo("the port is pending; the event changes nothing");
        assertThat(port(p.id())).isEqualTo(before);
        assertThat(before.decision().eventId()).isEqualTo("evt_1");
    }

    @Test
    void aCompletionBeforeTheAuthorizationChangesNothing() {
        Port p = create(alice, "+14155551234");
        Port before = port(p.id());
        Ports.EventOutcome early = f.platform.ports().carrierEvent(p.id(),
                new CarrierEvent("evt_c", CarrierEvent.Type.COMPLETED, null, List.of(), null, null, null));
        assertThat(early.applied()).isFalse();
        assertThat(early.note()).isEqualTo("the port is pending; the event changes nothing");
        assertThat(port(p.id())).isEqualTo(before);
    }

    @Test
    void anEventAboutAnotherNumberIs400AndRecordsNothing() {
        Port p = create(alice, "+14155551234");
        Port before = port(p.id());
        PlatformException e = Errors.of(() -> f.platform.ports().carrierEvent(p.id(),
                authorized("evt_1", rejects("+14155559999", RejectionReason.NUMBER_NOT_PORTABLE))));
        assertThat(e.code()).isEqualTo(ErrorCode.VALIDATION_ERROR);
        assertThat(e.details()).isEqualTo(Map.of("field", "numbers"));
        assertThat(e.getMessage()).isEqualTo("+14155559999 is not a number of " + p.id());
        assertThat(port(p.id())).isEqualTo(before);
    }

    @Test
    void anAuthorizationWithoutItsFocDateIs400AndRecordsNothing() {
        Port p = create(alice, "+14155551234");
        Port before = port(p.id());
        PlatformException e = Errors.of(() -> f.platform.ports().carrierEvent(p.id(),
                new CarrierEvent("evt_1", CarrierEvent.Type.AUTHORIZED, null, List.of(), null, null, null)));
        assertThat(e.code()).isEqualTo(ErrorCode.VALIDATION_ERROR);
        assertThat(e.details()).isEqualTo(Map.of("field", "foc_date"));
        assertThat(port(p.id())).isEqualTo(before);
    }

    @Test
    void theTimelineShowsTheCarriersWordsOrWhatHappened() {
        Port quiet = create(alice, "+14155551234");
        f.platform.ports().carrierEvent(quiet.id(), authorized("evt_1"));
        assertThat(lastEvent(port(quiet.id()))).isEqualTo(new PortEvent(NOW, "carrier_authorized", null, "the losing carrier answered"));
        f.platform.portSteps().authorize(quiet.id(), 1);
        Instant cutover = Instant.parse("2026-12-04T14:00:00Z");
        f.clock.set(cutover);
        f.platform.ports().carrierEvent(quiet.id(), new CarrierEvent("evt_2", CarrierEvent.Type.COMPLETED, null, List.of(), null, null, null));
        Port completed = port(quiet.id());
        assertThat(completed.carrierCompletedAt()).as("no time given: when it was received").isEqualTo(cutover);
        assertThat(lastEvent(completed)).isEqualTo(new PortEvent(cutover, "carrier_completed", null, "the losing carrier released the numbers"));

        f.clock.set(NOW);
        Port talkative = create(alice, "+14155551235");
        f.platform.ports().carrierEvent(talkative.id(),
                new CarrierEvent("evt_3", CarrierEvent.Type.AUTHORIZED, FOC, List.of(), null, "approved by Acme", null));
        assertThat(lastEvent(port(talkative.id())).message()).isEqualTo("approved by Acme");
        f.platform.portSteps().authorize(talkative.id(), 1);
        Instant released = Instant.parse("2026-12-04T14:05:00Z");
        f.clock.set(cutover.plusSeconds(600));
        f.platform.ports().carrierEvent(talkative.id(),
                new CarrierEvent("evt_4", CarrierEvent.Type.COMPLETED, null, List.of(), null, "numbers released", released));
        assertThat(port(talkative.id()).carrierCompletedAt()).isEqualTo(released);
        assertThat(lastEvent(port(talkative.id())).message()).isEqualTo("numbers released");
    }
}
