package com.carrier.numbers.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class MoneyTest {

    @Test
    void parsesDecimalsWithUpToTwoPlacesIntoCents() {
        assertThat(Money.of("25").cents()).isEqualTo(2500);
        assertThat(Money.of("0.99").cents()).isEqualTo(99);
        assertThat(Money.of("1.50").cents()).isEqualTo(150);
        assertThat(Money.of("2.000").cents()).isEqualTo(200); // trailing zeros are not extra places
        assertThat(Money.ofCents(7)).isEqualTo(new Money(7));
    }

    @Test
    void rejectsMoreThanTwoDecimalsNamingTheField() {
        assertThatThrownBy(() -> Money.of(new BigDecimal("0.999"), "amount"))
                .isInstanceOfSatisfying(PlatformException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.VALIDATION_ERROR);
                    assertThat(e.details()).containsEntry("field", "amount");
                    assertThat(e.getMessage()).isEqualTo("amount must have at most two decimals");
                });
    }

    @Test
    void rejectsMissingAndOutOfRangeAmounts() {
        assertThatThrownBy(() -> Money.of(null, "top_up"))
                .isInstanceOfSatisfying(PlatformException.class, e -> {
                    assertThat(e.details()).containsEntry("field", "top_up");
                    assertThat(e.getMessage()).isEqualTo("top_up is required");
                });
        assertThatThrownBy(() -> Money.of(new BigDecimal("1e30"), "amount"))
                .isInstanceOfSatisfying(PlatformException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.VALIDATION_ERROR);
                    assertThat(e.getMessage()).isEqualTo("amount is out of range");
                });
    }

    @Test
    void arithmeticAndOverflow() {
        assertThat(Money.of("1.00").plus(Money.of("0.99"))).isEqualTo(Money.ofCents(199));
        assertThat(Money.of("1.00").minus(Money.of("0.99"))).isEqualTo(Money.ofCents(1));
        assertThat(Money.ZERO.minus(Money.ofCents(5)).cents()).isEqualTo(-5);
        assertThatThrownBy(() -> Money.ofCents(Long.MAX_VALUE).plus(Money.ofCents(1))).isInstanceOf(ArithmeticException.class);
        assertThatThrownBy(() -> Money.ofCents(Long.MIN_VALUE).minus(Money.ofCents(1))).isInstanceOf(ArithmeticException.class);
    }

    @Test
    void positiveOnlyAboveZeroAndOrdering() {
        assertThat(Money.ofCents(1).isPositive()).isTrue();
        assertThat(Money.ZERO.isPositive()).isFalse();
        assertThat(Money.ofCents(-1).isPositive()).isFalse();
        assertThat(Money.ofCents(1).compareTo(Money.ofCents(2))).isNegative();
        assertThat(Money.ofCents(2).compareTo(Money.ofCents(1))).isPositive();
        assertThat(Money.ofCents(2).compareTo(Money.ofCents(2))).isZero();
    }

    @Test
    void formatsAsTwoDecimalUsd() {
        assertThat(Money.ofCents(99).toDecimal()).isEqualByComparingTo("0.99");
        assertThat(Money.ofCents(2500).toDecimal().toPlainString()).isEqualTo("25.00");
        assertThat(Money.ofCents(150)).hasToString("1.50 USD");
        assertThat(Money.CURRENCY).isEqualTo("USD");
    }
}
