package com.carrier.numbers.domain;

import java.util.Locale;

/** Master accounts ({@code MA_} ids) own sub-accounts ({@code SA_} ids); sub-accounts own none. */
public enum AccountType {
    MASTER, SUB;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }
}
