package com.carrier.numbers.service;

/** What one run of the monthly renewal did. */
public record RenewalReport(int charged, int suspended, int failed) {
}
