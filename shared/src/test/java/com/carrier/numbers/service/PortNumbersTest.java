package com.carrier.numbers.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.carrier.numbers.domain.Caller;
import com.carrier.numbers.domain.CarrierEvent;
import com.carrier.numbers.domain.EndUserAddress;
import com.carrier.numbers.domain.ErrorCode;
import com.carrier.numbers.domain.Money;
import com.carrier.numbers.domain.NumberState;
import com.carrier.numbers.domain.PlatformException;
import com.carrier.numbers.domain.Port;
import com.carrier.numbers.domain.PortStatus;
import com.carrier.numbers.domain.RejectionReason;
import com.carrier.numbers.port.StoreUnavailable;
import com.carrier.numbers.port.Workflows;
import com.carrier.numbers.testing.DelegatingDynamoDbClient;
import com.carrier.numbers.testing.LocalDynamo;
import com.carrier.numbers.testing.PlatformFixture;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemResponse;

/**
 * The numbers side of a port ({@link PortNumbers}) when things go wrong: a number taken between the
 * check and the claim, a step retried after a failed write, another account's claim of a number
 * this port let go. Faults are injected into DynamoDB Local's client, one call kind at a time.
 */
class PortNumbersTest {
    private static final EndUserAddress ADDRESS = new EndUserAddress("123 Main St", "San Francisco", "CA", "94102", "US");
    private static final Instant NOW = Instant.parse("2026-12-01T15:00:00Z");
    private static final Instant CUTOVER = Instant.parse("2026-12-04T14:00:00Z");

    /** Hides one number from reads (as if it were taken just after the read), and can fail a port's completion write. */
    static final class FaultyClient extends DelegatingDynamoDbClient {
        volatile String hiddenNumber;
        volatile boolean failCompletion;

        FaultyClient(DynamoDbClient delegate) {
            super(delegate);
        }

        @Override
        public GetItemResponse getItem(GetItemRequest r) {
            AttributeValue key = r.key().get("number");
            if (hiddenNumber != null && key != null && hiddenNumber.equals(key.s())) {
                return GetItemResponse.builder().build();
            }
            return super.getItem(r);
        }

        @Override
        public PutItemResponse putItem(PutItemRequest r) {
            AttributeValue status = r.item().get("status");
            if (failCompletion && r.item().containsKey("port_id") && status != null && "completed".equals(status.s())) {
                throw SdkClientException.create("connection reset (injected)");
            }
            return super.putItem(r);
        }
    }

    private FaultyClient client;
    private PlatformFixture f;
    private Caller alice;

    @BeforeEach
    void setUp() {
        client = new FaultyClient(LocalDynamo.client());
        f = PlatformFixture.on(client);
        f.clock.set(NOW);
        alice = f.master("MA_alice", "10.00");
    }

    private Port create(Caller caller, String... numbers) {
        return f.platform.ports().create(caller,
                new PortRequest(List.of(numbers), "123456789", null, null, "+14155551234", "John Doe", ADDRESS, null));
    }

    private Port port(String id) {
        return f.platform.ports().get(Caller.SYSTEM, id);
    }

    private static CarrierEvent authorized(CarrierEvent.NumberDecision... decisions) {
        return new CarrierEvent("evt_a", CarrierEvent.Type.AUTHORIZED, LocalDate.parse("2026-12-04"), List.of(decisions), null, null, null);
    }

    @Test
    void aNumberTakenBetweenTheCheckAndTheClaimReleasesTheOthersAndLeavesNoPort() {
        f.load("+14152000000", 1);
        client.hiddenNumber = "+14152000000"; // the availability check sees it free; the claim's conditional write does not
        PlatformException e = Errors.of(() -> create(alice, "+14155551234", "+14152000000"));
        client.hiddenNumber = null;
        assertThat(e.code()).isEqualTo(ErrorCode.NUMBER_UNAVAILABLE);
        assertThat(e.details()).isEqualTo(Map.of("number", "+14152000000"));
        assertThat(f.platform.ports().list(alice, null, 20, 0).total()).as("never accepted: no port").isZero();
        assertThat(f.platform.phoneNumbers().listAll(alice, "MA_alice", false, 10)).as("the number claimed first is released").isEmpty();
        assertThat(f.workflows.started(Workflows.Machine.PORT_LIFECYCLE)).isEmpty();
    }

    @Test
    void anActivationRetriedAfterAFailedCompletionWriteActivatesAndChargesOnce() {
        Port p = create(alice, "+14155551234");
        f.platform.ports().carrierEvent(p.id(), authorized());
        f.platform.portSteps().authorize(p.id(), 1);
        f.clock.set(CUTOVER);
        f.platform.portSteps().awaitCarrier(p.id(), 1, Port.STAGE_COMPLETION, "tok");

        client.failCompletion = true;
        assertThatThrownBy(() -> f.platform.portSteps().activate(p.id(), 1)).isInstanceOf(StoreUnavailable.class);
        client.failCompletion = false;
        assertThat(port(p.id()).status()).isEqualTo(PortStatus.IN_PROGRESS);
        assertThat(f.platform.phoneNumbers().get(alice, "MA_alice", "+14155551234").state()).isEqualTo(NumberState.IN_SERVICE);

        // the state machine retries the step: the number is already active and is not charged again
        assertThat(f.platform.portSteps().activate(p.id(), 1).status()).isEqualTo(PortStatus.COMPLETED);
        assertThat(f.platform.phoneNumbers().get(alice, "MA_alice", "+14155551234").state()).isEqualTo(NumberState.IN_SERVICE);
        assertThat(f.account("MA_alice").balance()).isEqualTo(Money.of("9.01"));
    }

    @Test
    void cancellingAPortLeavesAnotherAccountsClaimOfANumberItLetGo() {
        Port p = create(alice, "+14155551234", "+14155550000");
        f.platform.ports().carrierEvent(p.id(), authorized(
                new CarrierEvent.NumberDecision("+14155550000", true, RejectionReason.NUMBER_NOT_PORTABLE)));
        f.platform.portSteps().authorize(p.id(), 1); // +14155550000 leaves alice's account
        Caller bob = f.master("MA_bob", "0");
        create(bob, "+14155550000");

        f.platform.ports().cancel(alice, p.id());
        var bobs = f.platform.phoneNumbers().get(bob, "MA_bob", "+14155550000");
        assertThat(bobs.state()).isEqualTo(NumberState.PORT_IN);
        assertThat(bobs.ownerId()).isEqualTo("MA_bob");
        assertThat(f.platform.phoneNumbers().listAll(alice, "MA_alice", false, 10)).isEmpty();
    }
}
