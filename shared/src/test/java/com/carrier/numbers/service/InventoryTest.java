package com.carrier.numbers.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.carrier.numbers.domain.ErrorCode;
import com.carrier.numbers.domain.InventoryNumber;
import com.carrier.numbers.domain.Money;
import com.carrier.numbers.testing.PlatformFixture;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class InventoryTest {
    static PlatformFixture f;
    static Inventory inventory;

    @BeforeAll
    static void platform() {
        f = PlatformFixture.create();
        inventory = f.platform.inventory();
        f.load("+14155550100", 100, "San Francisco", "CA");
        f.load("+14155550200", 50, "Oakland", "CA");
        f.load("+12125550100", 30, "New York", "NY");
    }

    @Test
    void loadIsIdempotentAndOperatorOnly() {
        assertThat(inventory.load(f.admin, List.of(new InventoryNumber("+14155550100", "San Francisco", "CA", "US", "local", null, null),
                new InventoryNumber("+18005550100", null, null, "US", "toll_free", null, null)))).isEqualTo(1);
        assertThat(inventory.browse(new SearchQuery("+1800", null, null, 5))).singleElement()
                .satisfies(n -> assertThat(n.setupFee().plus(n.monthlyCost())).isEqualTo(Money.of("3.99")));
        assertThat(Errors.code(() -> inventory.load(f.master("MA_inv", "0"), List.of()))).isEqualTo(ErrorCode.FORBIDDEN);
        assertThat(Errors.code(() -> inventory.load(f.admin, List.of(new InventoryNumber("+1415", null, null, "US", "local", null, null)))))
                .isEqualTo(ErrorCode.VALIDATION_ERROR);
    }

    @Test
    void searchAnswersExactlyTheQuantityOfMatchesSpreadOverThem() {
        Set<String> firsts = new HashSet<>();
        for (int i = 0; i < 20; i++) {
            List<String> found = inventory.search(new SearchQuery("415", null, null, 10));
            assertThat(found).hasSize(10).doesNotHaveDuplicates().allMatch(n -> n.startsWith("+1415"));
            firsts.add(found.get(0));
        }
        assertThat(firsts).hasSizeGreaterThan(5);
        assertThat(inventory.search(new SearchQuery("+1415555015", null, null, 100))).hasSize(10);
        assertThat(inventory.search(new SearchQuery("212", null, null, 100))).hasSize(30);
        assertThat(inventory.search(new SearchQuery("212555019", null, null, 10))).isEmpty();
    }

    @Test
    void searchByCityStateAndCombinations() {
        assertThat(inventory.search(new SearchQuery(null, "oakland", null, 100))).hasSize(50).allMatch(n -> n.startsWith("+141555502"));
        assertThat(inventory.search(new SearchQuery(null, null, "ny", 100))).hasSize(30);
        assertThat(inventory.search(new SearchQuery(null, null, "CA", 7))).hasSize(7);
        assertThat(inventory.search(new SearchQuery("415", "Oakland", null, 100))).hasSize(50);
        assertThat(inventory.search(new SearchQuery("415", null, "NY", 100))).isEmpty();
        assertThat(inventory.browse(new SearchQuery(null, "New York", "NY", 3))).hasSize(3).allSatisfy(n -> {
            assertThat(n.city()).isEqualTo("New York");
            assertThat(n.region()).isEqualTo("NY");
            assertThat(n.country()).isEqualTo("US");
            assertThat(n.type()).isEqualTo("local");
            assertThat(n.setupFee()).isEqualTo(Money.of("1.00"));
            assertThat(n.monthlyCost()).isEqualTo(Money.of("0.99"));
        });
    }

    @Test
    void searchValidatesItsCriteria() {
        assertThat(Errors.code(() -> inventory.search(new SearchQuery(null, null, null, 10)))).isEqualTo(ErrorCode.VALIDATION_ERROR);
        assertThat(Errors.code(() -> inventory.search(new SearchQuery("41", null, null, 10)))).isEqualTo(ErrorCode.VALIDATION_ERROR);
        assertThat(Errors.code(() -> inventory.search(new SearchQuery("4a5", null, null, 10)))).isEqualTo(ErrorCode.VALIDATION_ERROR);
        assertThat(Errors.code(() -> inventory.search(new SearchQuery("415", null, null, 0)))).isEqualTo(ErrorCode.VALIDATION_ERROR);
        assertThat(Errors.code(() -> inventory.search(new SearchQuery("415", null, null, 101)))).isEqualTo(ErrorCode.VALIDATION_ERROR);
        assertThat(Errors.code(() -> inventory.search(new SearchQuery(null, null, "California", 10)))).isEqualTo(ErrorCode.VALIDATION_ERROR);
    }
}
