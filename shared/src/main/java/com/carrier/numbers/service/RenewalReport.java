package com.carrier.numbers.service;

import java.util.List;

/**
 * What one run of the monthly renewal did: numbers charged, suspended (owner cannot pay), failed
 * (a fault left them due for the next run; the first few are named), and whether the run stopped
 * at its deadline with numbers still due.
 */
public record RenewalReport(int charged, int suspended, int failed, List<String> failedNumbers, boolean unfinished) {
    /** How many failed numbers a report names (the count is exact; the names are for the log). */
    static final int NAMED = 20;

    public RenewalReport {
        failedNumbers = List.copyOf(failedNumbers.subList(0, Math.min(NAMED, failedNumbers.size())));
    }

    /** A finished run with no failure names (tests and summaries). */
    public RenewalReport(int charged, int suspended, int failed) {
        this(charged, suspended, failed, List.of(), false);
    }
}
