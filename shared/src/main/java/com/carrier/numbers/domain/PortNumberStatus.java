package com.carrier.numbers.domain;

import java.util.Locale;

/** The status of one number of a port: the port's own status rolls up from these. */
public enum PortNumberStatus {
    PENDING, AUTHORIZED, IN_PROGRESS, PORTED, REJECTED, CANCELLED;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static PortNumberStatus fromWire(String s) {
        return valueOf(s.toUpperCase(Locale.ROOT));
    }
}
