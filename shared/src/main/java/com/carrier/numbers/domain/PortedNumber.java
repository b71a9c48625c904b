package com.carrier.numbers.domain;

/** One number of a port-in request and where it stands; {@code reason} only for a rejected number. */
public record PortedNumber(String number, PortNumberStatus status, RejectionReason reason) {

    public PortedNumber with(PortNumberStatus s, RejectionReason r) {
        return new PortedNumber(number, s, r);
    }

    public boolean isRejected() {
        return status == PortNumberStatus.REJECTED;
    }
}
