package com.carrier.numbers.domain;

/** The price of one kind of number in one country: charged at purchase (setup + first month) and monthly. */
public record Rate(String country, String type, Money setupFee, Money monthlyCost) {
}
