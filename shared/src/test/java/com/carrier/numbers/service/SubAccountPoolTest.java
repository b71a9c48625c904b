package com.carrier.numbers.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.carrier.numbers.domain.Caller;
import com.carrier.numbers.domain.ErrorCode;
import com.carrier.numbers.domain.PlatformException;
import com.carrier.numbers.testing.PlatformFixture;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Assign and unassign between a master's pool and its sub-accounts, call activity and the 15-day cool-off. */
class SubAccountPoolTest {
    static PlatformFixture f;
    static SubAccountPool pool;
    static Caller master;
    static Caller sub;
    static Caller otherMaster;

    @BeforeAll
    static void platform() {
        f = PlatformFixture.create();
        pool = f.platform.subAccountPool();
        f.load("+12125550100", 20, "New York", "NY");
        master = f.master("MA_pool", "50.00");
        sub = f.sub(master, "SA_pool", "0");
        otherMaster = f.master("MA_else", "50.00");
        for (int i = 100; i < 110; i++) {
            f.platform.phoneNumbers().purchase(master, "MA_pool", "+12125550" + i, null);
        }
        f.platform.phoneNumbers().purchase(otherMaster, "MA_else", "+12125550110", null);
    }

    @Test
    void assignHandsAPoolNumberToTheSubAccountOnce() {
        assertThat(pool.assign(master, "SA_pool", "+12125550100").subAccountId()).isEqualTo("SA_pool");
        assertThat(f.platform.phoneNumbers().get(sub, "SA_pool", "+12125550100").ownerId()).isEqualTo("MA_pool");

        Caller sub2 = f.sub(master, "SA_pool2", "0");
        assertThat(Errors.code(() -> pool.assign(master, "SA_pool2", "+12125550100"))).isEqualTo(ErrorCode.NUMBER_UNAVAILABLE);
        assertThat(Errors.code(() -> pool.assign(master, "SA_pool", "+12125550110"))).isEqualTo(ErrorCode.NOT_FOUND);
        assertThat(Errors.code(() -> pool.assign(master, "SA_pool", "+12125550115"))).isEqualTo(ErrorCode.NOT_FOUND);
        assertThat(Errors.code(() -> pool.assign(sub2, "SA_pool2", "+12125550101"))).isEqualTo(ErrorCode.FORBIDDEN);
        assertThat(Errors.code(() -> pool.assign(otherMaster, "SA_pool", "+12125550101"))).isEqualTo(ErrorCode.FORBIDDEN);
        assertThat(pool.assign(f.admin, "SA_pool2", "+12125550101").subAccountId()).isEqualTo("SA_pool2");
    }

    @Test
    void unassignWithoutCallsIsImmediate() {
        pool.assign(master, "SA_pool", "+12125550102");
        assertThat(pool.unassign(master, "SA_pool", "+12125550102", false, null).subAccountId()).isNull();
        assertThat(Errors.code(() -> f.platform.phoneNumbers().get(sub, "SA_pool", "+12125550102"))).isEqualTo(ErrorCode.NOT_FOUND);
        assertThat(Errors.code(() -> pool.unassign(master, "SA_pool", "+12125550102", false, null))).isEqualTo(ErrorCode.NOT_FOUND);
    }

    @Test
    void aRecentCallHoldsTheNumberForFifteenDaysUnlessAnAdminForcesIt() {
        pool.assign(master, "SA_pool", "+12125550103");
        Instant call = f.clock.instant().minus(Duration.ofDays(1));
        f.platform.callActivity().record("+12125550103", call);
        f.platform.callActivity().record("+12125550103", call.minus(Duration.ofDays(3))); // older report: ignored
        assertThat(f.platform.callActivity().lastCallAt("+12125550103")).contains(call);
        // stored apart: the report did not rewrite the number item
        assertThat(f.platform.phoneNumbers().get(master, "MA_pool", "+12125550103").lastCallAt()).isNull();

        PlatformException refused = Errors.of(() -> pool.unassign(master, "SA_pool", "+12125550103", false, null));
        assertThat(refused.code()).isEqualTo(ErrorCode.DID_COOL_OFF_IN_EFFECT);
        assertThat(refused.code().wire()).isEqualTo("did_cool_off_in_effect");
        assertThat(refused.details()).containsEntry("cool_off_until", call.plus(Duration.ofDays(15)).toString())
                .containsEntry("cool_off_remaining_seconds", Duration.ofDays(14).toSeconds());
        assertThat(Errors.code(() -> pool.unassign(master, "SA_pool", "+12125550103", true, "please"))).isEqualTo(ErrorCode.FORBIDDEN);
        assertThat(f.platform.phoneNumbers().get(sub, "SA_pool", "+12125550103").subAccountId()).isEqualTo("SA_pool");

        assertThat(pool.unassign(f.admin, "SA_pool", "+12125550103", true, "customer moved the line").subAccountId()).isNull();
        var forced = f.platform.auditTrail().forNumber(f.admin, "+12125550103").stream().filter(r -> r.forced()).toList();
        assertThat(forced).singleElement().satisfies(r -> {
            assertThat(r.reason()).isEqualTo("customer moved the line");
            assertThat(r.coolOffUntil()).isEqualTo(call.plus(Duration.ofDays(15)));
            assertThat(r.actorAuthId()).isEqualTo(f.admin.authId());
            assertThat(r.accountId()).isEqualTo("SA_pool");
        });
        assertThat(Errors.code(() -> f.platform.auditTrail().forNumber(master, "+12125550103"))).isEqualTo(ErrorCode.FORBIDDEN);
    }

    @Test
    void theCoolOffEndsFifteenDaysAfterTheLastCall() {
        pool.assign(master, "SA_pool", "+12125550104");
        f.platform.callActivity().record("+12125550104", f.clock.instant().minus(Duration.ofDays(15)));
        assertThat(pool.unassign(master, "SA_pool", "+12125550104", false, null).subAccountId()).isNull();
        assertThat(Errors.code(() -> f.platform.callActivity().record("+12125550199", f.clock.instant()))).isEqualTo(ErrorCode.NOT_FOUND);
    }
}
