package com.carrier.numbers.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.carrier.numbers.domain.AuditRecord;
import com.carrier.numbers.domain.Caller;
import com.carrier.numbers.domain.ErrorCode;
import com.carrier.numbers.domain.PhoneNumber;
import com.carrier.numbers.domain.PlatformException;
import com.carrier.numbers.testing.PlatformFixture;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Assigning twice, what the audit trail says of each kind of unassign, and a deferred unassign's required fields. */
class SubAccountPoolEdgesTest {
    static PlatformFixture f;
    static SubAccountPool pool;
    static Caller master;

    @BeforeAll
    static void platform() {
        f = PlatformFixture.create();
        pool = f.platform.subAccountPool();
        f.load("+15035550100", 8, "Portland", "OR");
        master = f.master("MA_edges", "50.00");
        f.sub(master, "SA_edges", "0");
        for (int i = 100; i < 108; i++) {
            f.platform.phoneNumbers().purchase(master, "MA_edges", "+15035550" + i, null);
        }
    }

    private static List<AuditRecord> audits(String number, String action) {
        return f.platform.auditTrail().forNumber(f.admin, number).stream().filter(r -> r.action().equals(action)).toList();
    }

    @Test
    void assigningANumberToItsSubAccountAgainChangesNothing() {
        PhoneNumber assigned = pool.assign(master, "SA_edges", "+15035550100");
        assertThat(pool.assign(master, "SA_edges", "+15035550100")).isEqualTo(assigned);
        assertThat(f.platform.phoneNumbers().get(master, "MA_edges", "+15035550100")).isEqualTo(assigned);
        assertThat(audits("+15035550100", "assign")).hasSize(1);
        assertThat(f.platform.phoneNumbers().listOwned(new Caller("SA_edges", "x", master.role()), 10, 0, null, false).total())
                .isEqualTo(1);
    }

    @Test
    void eachUnassignIsAuditedForWhatItWas() {
        pool.assign(master, "SA_edges", "+15035550101");
        pool.unassign(master, "SA_edges", "+15035550101", false, null);
        assertThat(audits("+15035550101", "unassign")).singleElement().satisfies(r -> {
            assertThat(r.reason()).isEqualTo("unassign from SA_edges");
            assertThat(r.forced()).isFalse();
            assertThat(r.coolOffUntil()).isNull();
        });

        Instant call = f.clock.instant().minus(Duration.ofDays(2));
        for (String number : List.of("+15035550102", "+15035550103")) {
            pool.assign(master, "SA_edges", number);
            f.platform.callActivity().record(number, call);
        }
        pool.unassign(f.admin, "SA_edges", "+15035550102", true, null);
        pool.unassign(f.admin, "SA_edges", "+15035550103", true, "  ");
        for (String number : List.of("+15035550102", "+15035550103")) {
            assertThat(audits(number, "unassign")).isEmpty();
            assertThat(audits(number, "forced_unassign")).singleElement().satisfies(r -> {
                assertThat(r.reason()).isEqualTo("forced unassign during cool-off");
                assertThat(r.forced()).isTrue();
                assertThat(r.coolOffUntil()).isEqualTo(call.plus(Duration.ofDays(15)));
            });
        }
    }

    @Test
    void aDeferredUnassignsCheckNeedsItsSubAccountRequestAndCoolOff() {
        Instant t = f.clock.instant();
        PhoneNumber before = pool.assign(master, "SA_edges", "+15035550104");
        for (Runnable incomplete : List.<Runnable>of(
                () -> pool.completeDeferredUnassign("+15035550104", null, t, t),
                () -> pool.completeDeferredUnassign("+15035550104", "SA_edges", null, t),
                () -> pool.completeDeferredUnassign("+15035550104", "SA_edges", t, null))) {
            PlatformException e = Errors.of(incomplete);
            assertThat(e.code()).isEqualTo(ErrorCode.VALIDATION_ERROR);
            assertThat(e.details()).containsEntry("field", "cool_off_until");
        }
        assertThat(f.platform.phoneNumbers().get(master, "MA_edges", "+15035550104")).isEqualTo(before);
    }

    @Test
    void aDeferredUnassignOfANumberThatLeftThePlatformMeanwhileIsAbandoned() {
        Instant t = f.clock.instant();
        var outcome = pool.completeDeferredUnassign("+15035559999", "SA_edges", t, t.plus(Duration.ofDays(15)));
        assertThat(outcome.result()).isEqualTo(SubAccountPool.DeferredUnassignOutcome.Result.ABANDONED);
        assertThat(outcome.number()).isNull();
        assertThat(outcome.coolOffUntil()).isNull();
    }

    @Test
    void aMasterAccountIsNotASubAccountOfThePool() {
        for (Runnable wrongAccount : List.<Runnable>of(
                () -> pool.assign(master, "MA_edges", "+15035550105"),
                () -> pool.assign(f.admin, "MA_edges", "+15035550105"),
                () -> pool.unassign(f.admin, "MA_edges", "+15035550105", false, null))) {
            PlatformException e = Errors.of(wrongAccount);
            assertThat(e.code()).isEqualTo(ErrorCode.VALIDATION_ERROR);
            assertThat(e.details()).containsEntry("field", "sub_account_id");
        }
        assertThat(f.platform.phoneNumbers().get(master, "MA_edges", "+15035550105").subAccountId()).isNull();
    }

    @Test
    void theCheckOfAnEarlierScheduleChangesNothing() {
        pool.assign(master, "SA_edges", "+15035550106");
        f.platform.callActivity().record("+15035550106", f.clock.instant().minus(Duration.ofDays(1)));
        PhoneNumber scheduled = pool.unassignWhenCooledOff(master, "SA_edges", "+15035550106").number();
        var s = scheduled.unassignSchedule();
        var stale = pool.completeDeferredUnassign("+15035550106", "SA_edges", s.requestedAt().minusSeconds(60), s.coolOffUntil());
        assertThat(stale.result()).isEqualTo(SubAccountPool.DeferredUnassignOutcome.Result.ABANDONED);
        assertThat(f.platform.phoneNumbers().get(master, "MA_edges", "+15035550106")).isEqualTo(scheduled);
    }
}
