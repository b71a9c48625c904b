package com.carrier.numbers.domain;

/** The dispatchable address emergency services receive for calls from the number. */
public record E911Address(
        String streetAddress,
        String extendedAddress,
        String locality,
        String region,
        String postalCode,
        String callerName) {
}
