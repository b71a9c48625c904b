package com.carrier.numbers.service;

/** The monthly renewal run (scheduled): charge each in-service number whose next_charge has come. */
public class Renewals {

    /** Charges due numbers one month each and moves next_charge on; suspends those the owner cannot pay. */
    public RenewalReport renewDue() {
        throw new UnsupportedOperationException("TODO");
    }
}
