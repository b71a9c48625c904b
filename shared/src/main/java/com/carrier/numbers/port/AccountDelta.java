package com.carrier.numbers.port;

import com.carrier.numbers.domain.Money;
import java.util.Map;

/**
 * What a write does to one account: debit (only if the balance covers it; null for none) and
 * counter changes (counter name -> +n / -n).
 */
public record AccountDelta(String accountId, Money debit, Map<String, Long> counters) {
    public AccountDelta {
        counters = Map.copyOf(counters);
    }

    public boolean isEmpty() {
        return debit == null && counters.isEmpty();
    }
}
