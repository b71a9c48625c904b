package com.carrier.numbers.domain;

import java.util.List;
import java.util.Optional;

/**
 * Prices per number type and country. Inventory loads stamp each number with its rate, so search,
 * browse and purchase all show and charge the same fees.
 */
public final class RateTable {
    private final List<Rate> rates;

    public RateTable(List<Rate> rates) {
        this.rates = List.copyOf(rates);
    }

    /** The carrier's standard US price list. */
    public static RateTable standard() {
        return new RateTable(List.of(
                new Rate("US", "local", Money.of("1.00"), Money.of("0.99")),
                new Rate("US", "toll_free", Money.of("2.00"), Money.of("1.99")),
                new Rate("CA", "local", Money.of("1.00"), Money.of("0.99")),
                new Rate("CA", "toll_free", Money.of("2.00"), Money.of("1.99"))));
    }

    public Optional<Rate> find(String country, String type) {
        return rates.stream().filter(r -> r.country().equals(country) && r.type().equals(type)).findFirst();
    }

    public Rate require(String country, String type) {
        return find(country, type).orElseThrow(() -> PlatformException.validation("type",
                "no rate for " + type + " numbers in " + country));
    }
}
