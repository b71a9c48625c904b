package com.carrier.numbers.domain;

/** The service address of the numbers' account holder, as the losing carrier has it on file. */
public record EndUserAddress(String street, String city, String state, String postalCode, String country) {
}
