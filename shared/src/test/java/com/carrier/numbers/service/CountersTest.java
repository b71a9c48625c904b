package com.carrier.numbers.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.carrier.numbers.domain.Money;
import com.carrier.numbers.domain.NumberState;
import com.carrier.numbers.domain.PhoneNumber;
import com.carrier.numbers.port.AccountDelta;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The counter changes a number's change writes beside it. */
class CountersTest {
    private static PhoneNumber number(NumberState state, String owner, String sub) {
        return new PhoneNumber("+14155550100", "num_1", state, "US", "CA", "San Francisco", "local", Money.of("1.00"),
                Money.of("1.00"), owner, sub, null, null, null, null, null, null, null, null, null, false, null, null, null,
                null, null, null, 1);
    }

    @Test
    void aChangeThatKeepsOwnerSubAccountAndStatusChangesNoCounter() {
        PhoneNumber owned = number(NumberState.IN_SERVICE, "MA_a", "SA_a");
        assertThat(Counters.deltas(owned, owned)).isEmpty();
        assertThat(Counters.deltas(null, null)).isEmpty();
    }

    @Test
    void aPurchaseCountsOneForTheBuyerAndDebitsIt() {
        PhoneNumber available = number(NumberState.AVAILABLE, null, null);
        PhoneNumber bought = number(NumberState.IN_SERVICE, "MA_a", null);
        String status = bought.status();
        assertThat(Counters.deltas(available, bought, "MA_a", Money.of("2.00")))
                .containsExactly(new AccountDelta("MA_a", Money.of("2.00"), Map.of(Counters.OWNED + status, 1L)));
    }

    @Test
    void aDebitWithoutANumberChangeIsStillWritten() {
        assertThat(Counters.deltas(null, null, "MA_a", Money.of("3.00")))
                .containsExactly(new AccountDelta("MA_a", Money.of("3.00"), Map.of()));
    }

    @Test
    void anUnassignMovesTheNumberOutOfTheSubAccountsCountersOnly() {
        PhoneNumber assigned = number(NumberState.IN_SERVICE, "MA_a", "SA_a");
        PhoneNumber back = number(NumberState.IN_SERVICE, "MA_a", null);
        assertThat(Counters.deltas(assigned, back))
                .containsExactly(new AccountDelta("SA_a", null, Map.of(Counters.ASSIGNED + back.status(), -1L)));
    }
}
