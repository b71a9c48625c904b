package com.carrier.numbers.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class RateTableTest {

    @Test
    void standardPricesByTypeAndCountry() {
        RateTable t = RateTable.standard();
        assertThat(t.require("US", "local")).isEqualTo(new Rate("US", "local", Money.of("1.00"), Money.of("0.99")));
        assertThat(t.require("US", "toll_free")).isEqualTo(new Rate("US", "toll_free", Money.of("2.00"), Money.of("1.99")));
        assertThat(t.require("CA", "local").monthlyCost()).isEqualTo(Money.ofCents(99));
        assertThat(t.require("CA", "toll_free").setupFee()).isEqualTo(Money.ofCents(200));
    }

    @Test
    void unknownTypeOrCountryIsAValidationErrorOnType() {
        RateTable t = RateTable.standard();
        assertThat(t.find("GB", "local")).isEmpty();
        assertThat(t.find("US", "mobile")).isEmpty();
        assertThatThrownBy(() -> t.require("US", "mobile"))
                .isInstanceOfSatisfying(PlatformException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.VALIDATION_ERROR);
                    assertThat(e.details()).containsEntry("field", "type");
                    assertThat(e.getMessage()).isEqualTo("no rate for mobile numbers in US");
                });
    }

    @Test
    void tableIsACopyOfItsInput() {
        java.util.ArrayList<Rate> rates = new java.util.ArrayList<>(List.of(new Rate("US", "local", Money.ofCents(1), Money.ofCents(2))));
        RateTable t = new RateTable(rates);
        rates.clear();
        assertThat(t.find("US", "local")).isPresent();
    }
}
