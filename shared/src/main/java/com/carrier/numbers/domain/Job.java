package com.carrier.numbers.domain;

import java.time.Instant;

/**
 * A bulk job's header: who submitted it, its status and its counters. Its items' results are
 * stored apart ({@link JobItem}), one per operation, so a job of 10^5 numbers fits.
 *
 * @param kind {@code bulk} (customer operations) or {@code inventory} (operator load)
 */
public record Job(
        String id,
        String accountId,
        String authId,
        Role role,
        String kind,
        JobStatus status,
        int total,
        int succeeded,
        int failed,
        String customerReference,
        Instant createdAt,
        Instant completedAt) {

    public static final String BULK = "bulk";
    public static final String INVENTORY = "inventory";

    /** The submitter, as the consumer acts for it: same scope, rules and audit as the API. */
    public Caller caller() {
        return new Caller(accountId, authId, role);
    }
}
