package com.carrier.numbers.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.carrier.numbers.adapter.dynamodb.DynamoNumberStore;
import com.carrier.numbers.domain.Caller;
import com.carrier.numbers.domain.CoolOff;
import com.carrier.numbers.domain.NumberState;
import com.carrier.numbers.domain.PhoneNumber;
import com.carrier.numbers.testing.DelegatingDynamoDbClient;
import com.carrier.numbers.testing.LocalDynamo;
import com.carrier.numbers.testing.PlatformFixture;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsResponse;

/**
 * The overdue sweep's report, number by number (DESIGN.md section 5: the backstop for lost
 * workflow starts): what it aged out, unassigned, rescheduled after a newer call, found already
 * done, and what failed (left for the next run without stopping the others).
 */
class OverdueSweepTest {

    /**
     * DynamoDB as the sweep can meet it: a throttled write of one number, and (GSI reads being
     * eventually consistent on AWS) a ByDue index that still answers what it answered before.
     */
    static final class FlakyStore extends DelegatingDynamoDbClient {
        volatile AttributeValue failing;
        volatile boolean staleIndex;
        private final Map<String, QueryResponse> lastDue = new ConcurrentHashMap<>();

        FlakyStore() {
            super(LocalDynamo.client());
        }

        @Override
        public TransactWriteItemsResponse transactWriteItems(TransactWriteItemsRequest r) {
            AttributeValue n = failing;
            if (n != null && r.transactItems().stream().anyMatch(i -> (i.put() != null && n.equals(i.put().item().get("number")))
                    || (i.update() != null && n.equals(i.update().key().get("number"))))) {
                throw DynamoDbException.builder().message("throttled").statusCode(400).build();
            }
            return super.transactWriteItems(r);
        }

        @Override
        public QueryResponse query(QueryRequest r) {
            if (!"ByDue".equals(r.indexName())) {
                return super.query(r);
            }
            String bucket = r.expressionAttributeValues().get(":b").s();
            if (staleIndex && lastDue.containsKey(bucket)) {
                return lastDue.get(bucket);
            }
            QueryResponse answer = super.query(r);
            lastDue.put(bucket, answer);
            return answer;
        }
    }

    private final FlakyStore store = new FlakyStore();
    private final PlatformFixture f = PlatformFixture.on(store);
    private final Caller master = f.master("MA_sweep", "50.00");

    private PhoneNumber buyAndRelease(String number) {
        f.platform.phoneNumbers().purchase(master, "MA_sweep", number, null);
        return f.platform.phoneNumbers().release(master, "MA_sweep", number);
    }

    private NumberState state(String number) {
        return new DynamoNumberStore(f.dynamo, f.tables.numbers(), f.tables.accounts(), f.tables.ledger(), f.tables.audit())
                .find(number).orElseThrow().state();
    }

    @Test
    void aNumberTheStoreFailsToAgeOutIsCountedFailedAndAgedOutByTheNextRun() {
        f.load("+17205556000", 2, "Denver", "CO");
        PhoneNumber first = buyAndRelease("+17205556000");
        buyAndRelease("+17205556001");
        store.failing = AttributeValue.fromS("+17205556000");
        f.clock.set(first.availableAt().plus(OverdueSweep.GRACE));

        assertThat(f.platform.overdueSweep().run()).isEqualTo(new OverdueSweep.Report(1, 0, 0, 0, 1));
        assertThat(state("+17205556000")).isEqualTo(NumberState.RELEASED);
        assertThat(state("+17205556001")).isEqualTo(NumberState.AVAILABLE);

        store.failing = null;
        assertThat(f.platform.overdueSweep().run()).isEqualTo(new OverdueSweep.Report(1, 0, 0, 0, 0));
        assertThat(state("+17205556000")).isEqualTo(NumberState.AVAILABLE);
        assertThat(f.platform.overdueSweep().run()).isEqualTo(new OverdueSweep.Report(0, 0, 0, 0, 0));
    }

    @Test
    void aStaleIndexEntryForWorkAlreadyDoneChangesNothingAndIsCountedUnchanged() {
        f.load("+17205556100", 2, "Denver", "CO");
        f.sub(master, "SA_sweep", "0");
        PhoneNumber released = buyAndRelease("+17205556100");
        f.platform.phoneNumbers().purchase(master, "MA_sweep", "+17205556101", null);
        f.platform.subAccountPool().assign(master, "SA_sweep", "+17205556101");
        f.platform.callActivity().record("+17205556101", f.clock.instant().minus(Duration.ofDays(3)));
        assertThat(f.platform.subAccountPool().unassignWhenCooledOff(master, "SA_sweep", "+17205556101").scheduled()).isTrue();
        f.clock.set(released.availableAt().plus(OverdueSweep.GRACE));

        assertThat(f.platform.overdueSweep().run()).isEqualTo(new OverdueSweep.Report(1, 1, 0, 0, 0));
        long audits = f.platform.auditTrail().forNumber(f.admin, "+17205556100").size();
        store.staleIndex = true; // the index still lists both as waiting

        assertThat(f.platform.overdueSweep().run()).isEqualTo(new OverdueSweep.Report(0, 0, 0, 2, 0));
        assertThat(state("+17205556100")).isEqualTo(NumberState.AVAILABLE);
        assertThat(f.platform.auditTrail().forNumber(f.admin, "+17205556100")).hasSize((int) audits);
    }

    @Test
    void aCallDuringTheCoolOffReschedulesTheUnassignAndTheSweepFinishesItAfterTheNewEnd() {
        f.load("+17205556200", 1, "Denver", "CO");
        f.sub(master, "SA_sweeplate", "0");
        f.platform.phoneNumbers().purchase(master, "MA_sweep", "+17205556200", null);
        f.platform.subAccountPool().assign(master, "SA_sweeplate", "+17205556200");
        f.platform.callActivity().record("+17205556200", f.clock.instant().minus(Duration.ofDays(3)));
        Instant until = f.platform.subAccountPool().unassignWhenCooledOff(master, "SA_sweeplate", "+17205556200")
                .number().unassignSchedule().coolOffUntil();
        Instant newCall = until.minus(Duration.ofDays(1));
        f.clock.set(newCall);
        f.platform.callActivity().record("+17205556200", newCall);
        f.clock.set(until.plus(OverdueSweep.GRACE));

        assertThat(f.platform.overdueSweep().run()).isEqualTo(new OverdueSweep.Report(0, 0, 1, 0, 0));
        PhoneNumber waiting = f.platform.phoneNumbers().get(master, "MA_sweep", "+17205556200");
        assertThat(waiting.subAccountId()).isEqualTo("SA_sweeplate");
        assertThat(waiting.unassignSchedule().coolOffUntil()).isEqualTo(newCall.plus(CoolOff.PERIOD));

        f.clock.set(newCall.plus(CoolOff.PERIOD).plus(OverdueSweep.GRACE));
        assertThat(f.platform.overdueSweep().run()).isEqualTo(new OverdueSweep.Report(0, 1, 0, 0, 0));
        assertThat(f.platform.phoneNumbers().get(master, "MA_sweep", "+17205556200").subAccountId()).isNull();
    }
}
