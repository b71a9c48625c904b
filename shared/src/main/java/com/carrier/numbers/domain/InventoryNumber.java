package com.carrier.numbers.domain;

/** A purchasable number as inventory browse shows it; its fees are exactly what a purchase debits. */
public record InventoryNumber(
        String number,
        String city,
        String region,
        String country,
        String type,
        Money setupFee,
        Money monthlyCost) {
}
