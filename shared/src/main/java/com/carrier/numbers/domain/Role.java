package com.carrier.numbers.domain;

import java.util.Locale;

/** {@code user}: acts on its account and descendants; {@code admin}: a platform operator, acts on all. */
public enum Role {
    USER, ADMIN;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Role fromWire(String s) {
        return valueOf(s.toUpperCase(Locale.ROOT));
    }
}
