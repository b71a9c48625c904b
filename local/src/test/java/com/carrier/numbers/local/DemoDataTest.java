package com.carrier.numbers.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.carrier.numbers.domain.E164;
import com.carrier.numbers.domain.InventoryNumber;
import com.carrier.numbers.domain.Money;
import com.carrier.numbers.domain.RateTable;
import java.util.List;
import org.junit.jupiter.api.Test;

class DemoDataTest {

    @Test
    void everyBlockHasAThousandValidPricedNumbers() {
        for (DemoData.InventoryBlock block : DemoData.INVENTORY) {
            List<InventoryNumber> numbers = DemoData.numbers(block, RateTable.standard());
            assertThat(numbers).hasSize(1000).doesNotHaveDuplicates();
            assertThat(numbers).allSatisfy(n -> {
                assertThat(E164.parse(n.number(), "number")).isEqualTo(n.number());
                assertThat(n.number()).startsWith("+1" + block.npa());
                assertThat(E164.regionOf(n.number())).isEqualTo("US");
            });
            if (block.type().equals("local")) {
                assertThat(numbers.get(0).setupFee()).isEqualTo(Money.of("1.00"));
                assertThat(numbers.get(0).monthlyCost()).isEqualTo(Money.of("0.99"));
                assertThat(numbers.get(0).city()).isNotBlank();
            }
        }
        assertThat(DemoData.INVENTORY).extracting(DemoData.InventoryBlock::npa).containsExactly("415", "212", "512", "800");
    }

    @Test
    void theFourCustomerCredentialsAndTheAdminAreTheDocumentedOnes() {
        assertThat(DemoData.CREDENTIALS).extracting(DemoData.DemoCredential::token).containsExactly(
                "local-admin-token", "demo-master-token", "demo-sub1-token", "demo-sub2-token", "other-master-token");
        assertThat(DemoData.CREDENTIALS).extracting(DemoData.DemoCredential::accountId).containsExactly(
                "MA_platform", "MA_demo", "SA_demo1", "SA_demo2", "MA_other");
    }
}
