package com.carrier.numbers.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.carrier.numbers.NumbersPlatform;
import com.carrier.numbers.domain.Caller;
import com.carrier.numbers.domain.ErrorCode;
import com.carrier.numbers.domain.NumberState;
import com.carrier.numbers.domain.NumberUpdate;
import com.carrier.numbers.testing.PlatformFixture;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The remaining refusals: each answers its code and leaves the number as it was. */
class ErrorPathsTest {
    static PlatformFixture f;
    static PhoneNumbers numbers;

    @BeforeAll
    static void platform() {
        f = PlatformFixture.create(new NumbersPlatform.Settings(Duration.ofDays(1), Duration.ofMinutes(5)));
        numbers = f.platform.phoneNumbers();
        f.load("+13055550100", 20, "Miami", "FL");
    }

    @Test
    void reserveChecksTheRequestTheRegionAndTheScope() {
        Caller texan = f.masterIn("MA_tx", "10.00", List.of("US-TX"));
        Caller floridian = f.masterIn("MA_fl", "10.00", List.of("US-FL"));
        assertThat(Errors.code(() -> numbers.reserve(texan, "MA_tx", "+13055550100", null))).isEqualTo(ErrorCode.INVALID_REGION);
        assertThat(Errors.code(() -> numbers.reserve(floridian, "MA_fl", "+13055550100", Duration.ZERO))).isEqualTo(ErrorCode.VALIDATION_ERROR);
        assertThat(Errors.code(() -> numbers.reserve(floridian, "MA_fl", "+13055550100", Duration.ofDays(2)))).isEqualTo(ErrorCode.VALIDATION_ERROR);
        assertThat(Errors.code(() -> numbers.reserve(floridian, "MA_tx", "+13055550100", null))).isEqualTo(ErrorCode.FORBIDDEN);
        assertThat(Errors.code(() -> numbers.reserve(floridian, "MA_fl", "+130555", null))).isEqualTo(ErrorCode.VALIDATION_ERROR);
        assertThat(numbers.reserve(floridian, "MA_fl", "+13055550100", null).holdUntil())
                .isEqualTo(f.clock.instant().plus(Duration.ofMinutes(5))); // the configured default hold
        assertThat(numbers.purchase(floridian, "MA_fl", "+13055550100", null).state()).isEqualTo(NumberState.IN_SERVICE);
    }

    @Test
    void unknownIdsAndNumbersAreNotFound() {
        Caller c = f.master("MA_nf", "10.00");
        assertThat(Errors.code(() -> numbers.getById(c, "num_0123456789abcdef0123"))).isEqualTo(ErrorCode.NOT_FOUND);
        assertThat(Errors.code(() -> numbers.getById(c, "../etc/passwd"))).isEqualTo(ErrorCode.NOT_FOUND);
        assertThat(Errors.code(() -> numbers.releaseById(c, "num_ffff"))).isEqualTo(ErrorCode.NOT_FOUND);
        assertThat(Errors.code(() -> f.platform.inventory().ageOut("+13055559999"))).isEqualTo(ErrorCode.NOT_FOUND);
        assertThat(Errors.code(() -> numbers.get(c, "MA_nf", "+13055550101"))).isEqualTo(ErrorCode.NOT_FOUND);
        assertThat(Errors.code(() -> numbers.update(c, "MA_nf", "+13055550101",
                new NumberUpdate(null, null, null, null, null, null, Set.of("colour"))))).isEqualTo(ErrorCode.VALIDATION_ERROR);
        assertThat(Errors.code(() -> numbers.list(c, "MA_nf", false, 0, null))).isEqualTo(ErrorCode.VALIDATION_ERROR);
        assertThat(Errors.code(() -> numbers.list(c, "MA_nf", false, 101, null))).isEqualTo(ErrorCode.VALIDATION_ERROR);
    }

    @Test
    void anAdminForceWithoutACoolOffIsAPlainUnassignAndAgingFollowsTheSettings() {
        Caller m = f.master("MA_fx", "10.00");
        f.sub(m, "SA_fx", "0");
        numbers.purchase(m, "MA_fx", "+13055550110", null);
        f.platform.subAccountPool().assign(m, "SA_fx", "+13055550110");
        f.platform.subAccountPool().unassign(f.admin, "SA_fx", "+13055550110", true, "tidy up");
        assertThat(f.platform.auditTrail().forNumber(f.admin, "+13055550110")).extracting(r -> r.action())
                .containsExactly("load", "purchase", "assign", "unassign");
        assertThat(f.platform.auditTrail().forNumber(f.admin, "+13055550110")).noneMatch(r -> r.forced());

        assertThat(numbers.release(m, "MA_fx", "+13055550110").availableAt()).isEqualTo(f.clock.instant().plus(Duration.ofDays(1)));
        assertThat(Errors.code(() -> numbers.release(m, "MA_fx", "+13055550110"))).isEqualTo(ErrorCode.NOT_FOUND);
        f.clock.advance(Duration.ofDays(1));
        assertThat(f.platform.inventory().ageOut("+13055550110").state()).isEqualTo(NumberState.AVAILABLE);
        assertThat(f.platform.inventory().ageOut("+13055550110").state()).isEqualTo(NumberState.AVAILABLE); // idempotent
        f.clock.advance(Duration.ofDays(-1));
    }
}
