package com.carrier.numbers.domain;

import java.util.Locale;

/** The states of a DID, as the crossbar phone_numbers API names them. */
public enum NumberState {
    AVAILABLE, RESERVED, IN_SERVICE, RELEASED, PORT_IN, PORT_OUT;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static NumberState fromWire(String s) {
        return valueOf(s.toUpperCase(Locale.ROOT));
    }
}
