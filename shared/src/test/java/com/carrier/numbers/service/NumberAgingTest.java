package com.carrier.numbers.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.carrier.numbers.NumbersPlatform;
import com.carrier.numbers.adapter.dynamodb.DynamoNumberStore;
import com.carrier.numbers.domain.AuditRecord;
import com.carrier.numbers.domain.Caller;
import com.carrier.numbers.domain.InventoryNumber;
import com.carrier.numbers.domain.NumberState;
import com.carrier.numbers.domain.PhoneNumber;
import com.carrier.numbers.port.Workflows;
import com.carrier.numbers.testing.PlatformFixture;
import com.carrier.numbers.testing.RecordingWorkflows;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 9, aging: every release starts an aging execution named after the release; the execution's
 * AgeOut step returns the number to inventory only if it is still released from that same release;
 * and a lost start still ends with the number back in inventory, through the overdue sweep.
 */
class NumberAgingTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration AGING = Duration.ofDays(45);

    PlatformFixture f;
    RecordingWorkflows workflows;
    Caller master;
    Caller other;

    @BeforeEach
    void platform() {
        workflows = new RecordingWorkflows();
        f = PlatformFixture.create(new NumbersPlatform.Settings(AGING, Duration.ofMinutes(15)), workflows);
        f.load("+17025550100", 10, "Las Vegas", "NV");
        master = f.master("MA_aging", "50.00");
        other = f.master("MA_buyer", "50.00");
    }

    @Test
    void releaseStartsOneAgingExecutionNamedAfterTheRelease() throws Exception {
        f.platform.phoneNumbers().purchase(master, "MA_aging", "+17025550100", null);
        Instant releasedAt = f.clock.instant();
        PhoneNumber released = f.platform.phoneNumbers().release(master, "MA_aging", "+17025550100");

        assertThat(released.state()).isEqualTo(NumberState.RELEASED);
        assertThat(released.availableAt()).isEqualTo(releasedAt.plus(AGING));
        assertThat(workflows.started()).hasSize(1);
        RecordingWorkflows.Started s = workflows.started().get(0);
        assertThat(s.machine()).isEqualTo(Workflows.Machine.NUMBER_AGING);
        assertThat(s.name()).isEqualTo("aging-17025550100-" + releasedAt.getEpochSecond());
        var input = JSON.readTree(s.input());
        assertThat(input.path("number").asText()).isEqualTo("+17025550100");
        assertThat(input.path("released_at").asText()).isEqualTo(releasedAt.toString());
        assertThat(input.path("available_at").asText()).isEqualTo(releasedAt.plus(AGING).toString());

        // the other route (DELETE /v2/numbers/{id}) too
        PhoneNumber second = f.platform.phoneNumbers().purchase(master, "MA_aging", "+17025550101", null);
        f.platform.phoneNumbers().releaseById(master, second.id());
        assertThat(workflows.started()).extracting(RecordingWorkflows.Started::name)
                .contains("aging-17025550101-" + releasedAt.getEpochSecond());
    }

    @Test
    void agingOutReturnsTheNumberToSearchAndInventoryWithItsRateAndAuditsIt() {
        f.platform.phoneNumbers().purchase(master, "MA_aging", "+17025550102", null);
        PhoneNumber released = f.platform.phoneNumbers().release(master, "MA_aging", "+17025550102");
        assertThat(f.platform.inventory().search(new SearchQuery("+1702555010", null, null, 100))).doesNotContain("+17025550102");

        var outcome = f.platform.inventory().ageOut("+17025550102", released.releasedAt());

        assertThat(outcome.agedOut()).isTrue();
        assertThat(outcome.number().state()).isEqualTo(NumberState.AVAILABLE);
        assertThat(outcome.number().ownerId()).isNull();
        assertThat(f.platform.inventory().search(new SearchQuery("+1702555010", null, null, 100))).contains("+17025550102");
        InventoryNumber listed = f.platform.inventory().browse(new SearchQuery("+1702555010", null, null, 100)).stream()
                .filter(n -> n.number().equals("+17025550102")).findFirst().orElseThrow();
        assertThat(listed.setupFee()).isEqualTo(released.setupFee());
        assertThat(listed.monthlyCost()).isEqualTo(released.monthlyCost());
        AuditRecord last = f.platform.auditTrail().forNumber(f.admin, "+17025550102").getLast();
        assertThat(last.action()).isEqualTo("age_out");
        assertThat(last.fromState()).isEqualTo(NumberState.RELEASED);
        assertThat(last.toState()).isEqualTo(NumberState.AVAILABLE);
        // and someone can buy it again
        assertThat(f.platform.phoneNumbers().purchase(other, "MA_buyer", "+17025550102", null).ownerId()).isEqualTo("MA_buyer");
    }

    @Test
    void anAgingExecutionOfAnEarlierReleaseChangesNothing() {
        f.platform.phoneNumbers().purchase(master, "MA_aging", "+17025550103", null);
        Instant firstRelease = f.platform.phoneNumbers().release(master, "MA_aging", "+17025550103").releasedAt();
        f.platform.inventory().ageOut("+17025550103", firstRelease); // aged out (say, by the sweep)
        f.clock.advance(Duration.ofDays(1));
        f.platform.phoneNumbers().purchase(other, "MA_buyer", "+17025550103", null); // bought again in between

        var late = f.platform.inventory().ageOut("+17025550103", firstRelease);
        assertThat(late.agedOut()).isFalse();
        assertThat(late.number().state()).isEqualTo(NumberState.IN_SERVICE);
        assertThat(late.number().ownerId()).isEqualTo("MA_buyer");

        f.clock.advance(Duration.ofDays(1));
        Instant secondRelease = f.platform.phoneNumbers().release(other, "MA_buyer", "+17025550103").releasedAt();
        assertThat(f.platform.inventory().ageOut("+17025550103", firstRelease).agedOut())
                .as("the first release's execution must not shorten the second release's aging").isFalse();
        assertThat(state("+17025550103")).isEqualTo(NumberState.RELEASED);
        assertThat(f.platform.inventory().ageOut("+17025550103", secondRelease).agedOut()).isTrue();
    }

    @Test
    void aLostStartStillBringsTheNumberBackThroughTheSweep() {
        f.platform.phoneNumbers().purchase(master, "MA_aging", "+17025550104", null);
        f.platform.phoneNumbers().purchase(master, "MA_aging", "+17025550105", null);
        workflows.loseNextStarts(1);
        PhoneNumber lost = f.platform.phoneNumbers().release(master, "MA_aging", "+17025550104");
        assertThat(lost.state()).as("the release itself is committed").isEqualTo(NumberState.RELEASED);
        assertThat(workflows.started()).isEmpty();
        f.clock.advance(Duration.ofDays(1));
        f.platform.phoneNumbers().release(master, "MA_aging", "+17025550105"); // due a day later

        f.clock.set(lost.availableAt().plus(OverdueSweep.GRACE).minusSeconds(1));
        assertThat(f.platform.overdueSweep().run().agedOut()).as("not overdue yet").isZero();
        assertThat(state("+17025550104")).isEqualTo(NumberState.RELEASED);

        f.clock.set(lost.availableAt().plus(OverdueSweep.GRACE));
        OverdueSweep.Report report = f.platform.overdueSweep().run();
        assertThat(report.agedOut()).isEqualTo(1);
        assertThat(state("+17025550104")).isEqualTo(NumberState.AVAILABLE);
        assertThat(state("+17025550105")).as("not due: untouched").isEqualTo(NumberState.RELEASED);
        assertThat(f.platform.overdueSweep().run().agedOut()).as("nothing left to do").isZero();
    }

    @Test
    void theLocalSweepRunsOnTheScaledClock() {
        f.platform.phoneNumbers().purchase(master, "MA_aging", "+17025550106", null);
        workflows.loseNextStarts(1);
        PhoneNumber released = f.platform.phoneNumbers().release(master, "MA_aging", "+17025550106");
        // one day in two seconds: 45 days pass in 90 seconds, plus a 10-second grace
        var scaled = OverdueSweep.WaitClock.scaled(43_200, Duration.ofSeconds(10));
        f.clock.set(released.releasedAt().plusSeconds(99));
        assertThat(f.platform.overdueSweep().run(scaled).agedOut()).isZero();
        f.clock.set(released.releasedAt().plusSeconds(100));
        assertThat(f.platform.overdueSweep().run(scaled).agedOut()).isEqualTo(1);
        assertThat(state("+17025550106")).isEqualTo(NumberState.AVAILABLE);
    }

    private NumberState state(String number) {
        return new DynamoNumberStore(f.dynamo, f.tables.numbers(), f.tables.accounts(), f.tables.ledger(), f.tables.audit())
                .find(number).orElseThrow().state();
    }
}
