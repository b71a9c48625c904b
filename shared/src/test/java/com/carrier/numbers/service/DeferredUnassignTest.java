package com.carrier.numbers.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.carrier.numbers.NumbersPlatform;
import com.carrier.numbers.adapter.dynamodb.DynamoNumberStore;
import com.carrier.numbers.domain.AuditRecord;
import com.carrier.numbers.domain.Caller;
import com.carrier.numbers.domain.CoolOff;
import com.carrier.numbers.domain.ErrorCode;
import com.carrier.numbers.domain.PhoneNumber;
import com.carrier.numbers.port.Workflows;
import com.carrier.numbers.service.SubAccountPool.DeferredUnassignOutcome.Result;
import com.carrier.numbers.testing.PlatformFixture;
import com.carrier.numbers.testing.RecordingWorkflows;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 9, deferred unassign: during a cool-off, DELETE ...?defer=true schedules the unassign and
 * starts one cool-off execution; its check after the wait moves the DID back to the parent pool,
 * waits again after a newer call, and changes nothing if the number was released, forced back or
 * reassigned meanwhile.
 */
class DeferredUnassignTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String N = "+13125550100";

    PlatformFixture f;
    RecordingWorkflows workflows;
    SubAccountPool pool;
    Caller master;
    Caller sub;

    @BeforeEach
    void platform() {
        workflows = new RecordingWorkflows();
        f = PlatformFixture.create(NumbersPlatform.Settings.defaults(), workflows);
        pool = f.platform.subAccountPool();
        f.load("+13125550100", 5, "Chicago", "IL");
        master = f.master("MA_defer", "50.00");
        sub = f.sub(master, "SA_defer", "0");
        f.platform.phoneNumbers().purchase(master, "MA_defer", N, null);
        pool.assign(master, "SA_defer", N);
    }

    @Test
    void withoutACoolOffItUnassignsAtOnce() {
        var outcome = pool.unassignWhenCooledOff(master, "SA_defer", N);
        assertThat(outcome.scheduled()).isFalse();
        assertThat(outcome.number().subAccountId()).isNull();
        assertThat(workflows.started()).isEmpty();
    }

    @Test
    void duringACoolOffItSchedulesOnceAndStartsOneExecution() throws Exception {
        Instant call = f.clock.instant().minus(Duration.ofDays(3));
        f.platform.callActivity().record(N, call);
        Instant asked = f.clock.instant();

        var outcome = pool.unassignWhenCooledOff(master, "SA_defer", N);

        assertThat(outcome.scheduled()).isTrue();
        assertThat(outcome.number().subAccountId()).as("still the sub-account's until the cool-off ends").isEqualTo("SA_defer");
        assertThat(outcome.number().unassignSchedule().coolOffUntil()).isEqualTo(call.plus(CoolOff.PERIOD));
        assertThat(stored().unassignSchedule().requestedAt()).isEqualTo(asked);
        assertThat(workflows.started()).hasSize(1);
        var started = workflows.started().get(0);
        assertThat(started.machine()).isEqualTo(Workflows.Machine.NUMBER_COOLOFF);
        assertThat(started.name()).isEqualTo("unassign-13125550100-" + asked.getEpochSecond());
        var input = JSON.readTree(started.input());
        assertThat(input.path("sub_account_id").asText()).isEqualTo("SA_defer");
        assertThat(input.path("cool_off_until").asText()).isEqualTo(call.plus(CoolOff.PERIOD).toString());

        f.clock.advance(Duration.ofMinutes(5));
        var again = pool.unassignWhenCooledOff(master, "SA_defer", N);
        assertThat(again.scheduled()).isTrue();
        assertThat(again.number().unassignSchedule().requestedAt()).as("asking twice schedules once").isEqualTo(asked);
        assertThat(workflows.started()).hasSize(1);
        // the plain unassign is still refused meanwhile
        assertThat(Errors.code(() -> pool.unassign(master, "SA_defer", N, false, null))).isEqualTo(ErrorCode.DID_COOL_OFF_IN_EFFECT);
        // another tenant cannot schedule it
        Caller stranger = f.master("MA_stranger", "0");
        assertThat(Errors.code(() -> pool.unassignWhenCooledOff(stranger, "SA_defer", N))).isEqualTo(ErrorCode.FORBIDDEN);
    }

    @Test
    void afterTheWaitTheDidGoesBackToThePoolAuditedAsADeferredUnassign() {
        f.platform.callActivity().record(N, f.clock.instant().minus(Duration.ofDays(3)));
        var s = pool.unassignWhenCooledOff(master, "SA_defer", N).number().unassignSchedule();

        var done = pool.completeDeferredUnassign(N, "SA_defer", s.requestedAt(), s.coolOffUntil());

        assertThat(done.result()).isEqualTo(Result.UNASSIGNED);
        assertThat(stored().subAccountId()).isNull();
        assertThat(stored().unassignSchedule()).isNull();
        assertThat(stored().ownerId()).isEqualTo("MA_defer");
        AuditRecord last = f.platform.auditTrail().forNumber(f.admin, N).getLast();
        assertThat(last.action()).isEqualTo("deferred_unassign");
        assertThat(last.accountId()).isEqualTo("SA_defer");
        assertThat(last.forced()).isFalse();
        assertThat(pool.completeDeferredUnassign(N, "SA_defer", s.requestedAt(), s.coolOffUntil()).result())
                .as("a redelivered check changes nothing").isEqualTo(Result.ABANDONED);
    }

    @Test
    void aCallDuringTheWaitPushesItBack() {
        f.platform.callActivity().record(N, f.clock.instant().minus(Duration.ofDays(3)));
        var s = pool.unassignWhenCooledOff(master, "SA_defer", N).number().unassignSchedule();
        f.clock.advance(Duration.ofDays(5));
        Instant newCall = f.clock.instant();
        f.platform.callActivity().record(N, newCall);

        var check = pool.completeDeferredUnassign(N, "SA_defer", s.requestedAt(), s.coolOffUntil());

        assertThat(check.result()).isEqualTo(Result.WAITING);
        assertThat(check.coolOffUntil()).isEqualTo(newCall.plus(CoolOff.PERIOD));
        assertThat(stored().subAccountId()).isEqualTo("SA_defer");
        assertThat(stored().unassignSchedule().coolOffUntil()).as("the details show the new end").isEqualTo(newCall.plus(CoolOff.PERIOD));
        assertThat(pool.completeDeferredUnassign(N, "SA_defer", s.requestedAt(), check.coolOffUntil()).result())
                .isEqualTo(Result.UNASSIGNED);
    }

    @Test
    void releasedForcedBackOrReassignedMeanwhileItChangesNothing() {
        f.platform.callActivity().record(N, f.clock.instant().minus(Duration.ofDays(3)));
        var s = pool.unassignWhenCooledOff(master, "SA_defer", N).number().unassignSchedule();
        pool.unassign(f.admin, "SA_defer", N, true, "customer asked");   // forced back
        pool.assign(master, "SA_defer", N);                                // and reassigned
        assertThat(stored().unassignSchedule()).as("the override drops the schedule").isNull();

        assertThat(pool.completeDeferredUnassign(N, "SA_defer", s.requestedAt(), s.coolOffUntil()).result()).isEqualTo(Result.ABANDONED);
        assertThat(stored().subAccountId()).as("the reassignment stands").isEqualTo("SA_defer");

        f.platform.phoneNumbers().release(master, "MA_defer", N);
        long audits = f.platform.auditTrail().forNumber(f.admin, N).size();
        assertThat(pool.completeDeferredUnassign(N, "SA_defer", s.requestedAt(), s.coolOffUntil()).result()).isEqualTo(Result.ABANDONED);
        assertThat(f.platform.auditTrail().forNumber(f.admin, N)).hasSize((int) audits);
    }

    @Test
    void aLostStartIsFinishedByTheSweepOnceTheCoolOffIsOver() {
        Instant call = f.clock.instant().minus(Duration.ofDays(3));
        f.platform.callActivity().record(N, call);
        workflows.loseNextStarts(1);
        assertThat(pool.unassignWhenCooledOff(master, "SA_defer", N).scheduled()).isTrue();
        assertThat(workflows.started()).isEmpty();

        f.clock.set(call.plus(CoolOff.PERIOD).plus(OverdueSweep.GRACE).minusSeconds(1));
        assertThat(f.platform.overdueSweep().run().unassigned()).isZero();
        f.clock.set(call.plus(CoolOff.PERIOD).plus(OverdueSweep.GRACE));
        assertThat(f.platform.overdueSweep().run().unassigned()).isEqualTo(1);
        assertThat(stored().subAccountId()).isNull();
    }

    private PhoneNumber stored() {
        return new DynamoNumberStore(f.dynamo, f.tables.numbers(), f.tables.accounts(), f.tables.ledger(), f.tables.audit())
                .find(N).orElseThrow();
    }
}
