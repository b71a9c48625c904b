package com.carrier.numbers.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.carrier.numbers.domain.Assignment;
import com.carrier.numbers.domain.Caller;
import com.carrier.numbers.domain.Cnam;
import com.carrier.numbers.domain.E911Address;
import com.carrier.numbers.domain.ErrorCode;
import com.carrier.numbers.domain.Money;
import com.carrier.numbers.domain.NumberState;
import com.carrier.numbers.domain.NumberUpdate;
import com.carrier.numbers.domain.PhoneNumber;
import com.carrier.numbers.domain.Prepend;
import com.carrier.numbers.testing.PlatformFixture;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Update, release, age-out and the account listings with their counters. */
class NumberManagementTest {
    static PlatformFixture f;
    static PhoneNumbers numbers;

    @BeforeAll
    static void platform() {
        f = PlatformFixture.create();
        numbers = f.platform.phoneNumbers();
        f.load("+16505550100", 60, "Palo Alto", "CA");
    }

    static NumberUpdate update(String friendly, Cnam cnam, E911Address e911, Assignment to, Prepend prepend, Set<String> cleared) {
        return new NumberUpdate(friendly, cnam, e911, null, to, prepend, cleared);
    }

    @Test
    void updateMergesValidatesAndAnswersTheWholeNumber() {
        Caller a = f.master("MA_upd", "20.00");
        numbers.purchase(a, "MA_upd", "+16505550100", null);
        E911Address address = new E911Address("1 Main St", "Suite 2", "Palo Alto", "ca", "94301", "ACME");
        PhoneNumber p = numbers.update(a, "MA_upd", "+16505550100",
                update("Front desk", new Cnam("ACME INC", false), address, new Assignment("callflow", "cf_1"), null, Set.of()));
        assertThat(p.friendlyName()).isEqualTo("Front desk");
        assertThat(p.e911().region()).isEqualTo("CA");
        assertThat(p.features()).containsExactly("cnam", "e911");
        assertThat(p.assignedTo()).isEqualTo(new Assignment("callflow", "cf_1"));

        PhoneNumber merged = numbers.update(a, "MA_upd", "+16505550100",
                update(null, null, null, null, new Prepend(true, "Sales", null), Set.of("cnam")));
        assertThat(merged.friendlyName()).isEqualTo("Front desk");
        assertThat(merged.cnam()).isNull();
        assertThat(merged.features()).containsExactly("e911", "prepend");
        assertThat(numbers.get(a, "MA_upd", "+16505550100")).isEqualTo(merged);

        assertThat(Errors.of(() -> numbers.update(a, "MA_upd", "+16505550100", update(null, new Cnam("", null), null, null, null, Set.of())))
                .details()).containsEntry("field", "cnam.display_name");
        assertThat(Errors.of(() -> numbers.update(a, "MA_upd", "+16505550100",
                update(null, null, new E911Address("1 Main", null, "X", "CA", "9430", null), null, null, Set.of())))
                .details()).containsEntry("field", "e911.postal_code");
        assertThat(Errors.of(() -> numbers.update(a, "MA_upd", "+16505550100",
                update(null, null, new E911Address(null, null, "X", "CA", "94301", null), null, null, Set.of())))
                .details()).containsEntry("field", "e911.street_address");
        assertThat(Errors.of(() -> numbers.update(a, "MA_upd", "+16505550100",
                update(null, null, new E911Address("1 Main", null, "X", "California", "94301", null), null, null, Set.of())))
                .details()).containsEntry("field", "e911.region");
        assertThat(Errors.of(() -> numbers.update(a, "MA_upd", "+16505550100", update("x".repeat(65), null, null, null, null, Set.of())))
                .details()).containsEntry("field", "friendly_name");
        assertThat(Errors.of(() -> numbers.update(a, "MA_upd", "+16505550100", update(null, null, null, new Assignment("callflow", " "), null, Set.of())))
                .details()).containsEntry("field", "assigned_to.id");
        assertThat(Errors.code(() -> numbers.update(a, "MA_upd", "+16505550101", update("x", null, null, null, null, Set.of()))))
                .isEqualTo(ErrorCode.NOT_FOUND);
        assertThat(numbers.get(a, "MA_upd", "+16505550100")).isEqualTo(merged);
    }

    @Test
    void releaseClearsTheRentalStopsBillingAndAgesBackIntoInventory() {
        Caller a = f.master("MA_rel", "20.00");
        Caller stranger = f.master("MA_stranger", "0");
        PhoneNumber bought = numbers.purchase(a, "MA_rel", "+16505550110", update("Main", new Cnam("REL", true), null, null, null, Set.of()));
        assertThat(Errors.code(() -> numbers.release(stranger, "MA_stranger", "+16505550110"))).isEqualTo(ErrorCode.NOT_FOUND);
        assertThat(Errors.code(() -> numbers.release(stranger, "MA_rel", "+16505550110"))).isEqualTo(ErrorCode.FORBIDDEN);
        assertThat(Errors.code(() -> numbers.getById(stranger, bought.id()))).isEqualTo(ErrorCode.NOT_FOUND);
        assertThat(numbers.listOwned(a, 20, 0, null, false).total()).isEqualTo(1);

        PhoneNumber released = numbers.releaseById(a, bought.id());
        assertThat(released.state()).isEqualTo(NumberState.RELEASED);
        assertThat(released.availableAt()).isEqualTo(f.clock.instant().plus(Duration.ofDays(45)));
        assertThat(released.features()).isEmpty();
        assertThat(released.ownerId()).isNull();
        assertThat(released.nextCharge()).isNull();
        assertThat(numbers.listOwned(a, 20, 0, null, false).total()).isZero();
        assertThat(numbers.listOwned(a, 20, 0, null, false).numbers()).isEmpty();
        assertThat(Errors.code(() -> numbers.get(a, "MA_rel", "+16505550110"))).isEqualTo(ErrorCode.NOT_FOUND);
        assertThat(Errors.code(() -> numbers.purchase(a, "MA_rel", "+16505550110", null))).isEqualTo(ErrorCode.NUMBER_UNAVAILABLE);

        // aging: too early leaves it alone, then it returns to inventory
        assertThat(f.platform.inventory().ageOut("+16505550110").state()).isEqualTo(NumberState.RELEASED);
        f.clock.advance(Duration.ofDays(45));
        assertThat(f.platform.inventory().ageOut("+16505550110").state()).isEqualTo(NumberState.AVAILABLE);
        assertThat(f.platform.inventory().search(new SearchQuery("650555011", null, null, 100))).contains("+16505550110");
        assertThat(f.platform.auditTrail().forNumber(f.admin, "+16505550110")).extracting(r -> r.action())
                .containsExactly("load", "purchase", "release", "age_out");
        f.clock.advance(Duration.ofDays(-45));
    }

    @Test
    void listsPageByKeyWithSubAccountsAndCountTotalsFromCounters() {
        Caller m = f.master("MA_list", "100.00");
        Caller s = f.sub(m, "SA_list", "10.00");
        List<String> mine = new ArrayList<>();
        for (int i = 120; i < 125; i++) {
            mine.add(numbers.purchase(m, "MA_list", "+16505550" + i, null).number());
        }
        numbers.purchase(s, "SA_list", "+16505550130", null);
        f.platform.subAccountPool().assign(m, "SA_list", "+16505550121");

        NumberPage first = numbers.list(m, "MA_list", false, 2, null);
        assertThat(first.numbers()).extracting(PhoneNumber::number).containsExactly("+16505550120", "+16505550121");
        NumberPage second = numbers.list(m, "MA_list", false, 2, first.nextStartKey());
        assertThat(second.numbers()).extracting(PhoneNumber::number).containsExactly("+16505550122", "+16505550123");
        NumberPage last = numbers.list(m, "MA_list", false, 2, second.nextStartKey());
        assertThat(last.numbers()).extracting(PhoneNumber::number).containsExactly("+16505550124");
        assertThat(last.nextStartKey()).isNull();

        assertThat(numbers.listAll(m, "MA_list", true, 100)).extracting(PhoneNumber::number).containsExactly(
                "+16505550120", "+16505550121", "+16505550122", "+16505550123", "+16505550124", "+16505550130");
        assertThat(numbers.listAll(s, "SA_list", false, 100)).extracting(PhoneNumber::number)
                .containsExactly("+16505550121", "+16505550130");
        assertThat(Errors.of(() -> numbers.listAll(m, "MA_list", true, 5)).code()).isEqualTo(ErrorCode.VALIDATION_ERROR);
        assertThat(Errors.code(() -> numbers.list(s, "MA_list", false, 10, null))).isEqualTo(ErrorCode.FORBIDDEN);
        assertThat(Errors.code(() -> numbers.list(m, "MA_list", false, 10, "garbage!"))).isEqualTo(ErrorCode.VALIDATION_ERROR);

        OffsetPage page = numbers.listOwned(m, 2, 1, null, false);
        assertThat(page.total()).isEqualTo(5);
        assertThat(page.numbers()).extracting(PhoneNumber::number).containsExactly("+16505550121", "+16505550122");
        assertThat(page.nextKey()).isNotNull();
        assertThat(numbers.listOwned(m, 100, 0, null, true).total()).isEqualTo(6);
        assertThat(numbers.listOwned(s, 100, 0, null, false).total()).isEqualTo(2);
        assertThat(numbers.listOwned(s, 100, 0, "active", false).numbers()).hasSize(2);
        assertThat(numbers.listOwned(m, 100, 0, "suspended", true).total()).isZero();
        assertThat(Errors.code(() -> numbers.listOwned(m, 0, 0, null, false))).isEqualTo(ErrorCode.VALIDATION_ERROR);
        assertThat(Errors.code(() -> numbers.listOwned(m, 10, 10_001, null, false))).isEqualTo(ErrorCode.VALIDATION_ERROR);

        // the sub-account sees the assigned number but cannot release its master's number
        assertThat(numbers.get(s, "SA_list", "+16505550121").ownerId()).isEqualTo("MA_list");
        PhoneNumber assigned = numbers.get(s, "SA_list", "+16505550121");
        assertThat(Errors.code(() -> numbers.releaseById(s, assigned.id()))).isEqualTo(ErrorCode.NOT_FOUND);
        numbers.release(m, "MA_list", "+16505550121");
        assertThat(numbers.listOwned(s, 100, 0, null, false).total()).isEqualTo(1);
        assertThat(numbers.listOwned(m, 100, 0, null, true).total()).isEqualTo(5);
        assertThat(f.account("MA_list").balance()).isEqualTo(Money.of("100.00").minus(Money.of("1.99").plus(Money.of("7.96"))));
    }
}
