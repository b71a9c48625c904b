package com.carrier.numbers.port;

import com.carrier.numbers.domain.Job;
import com.carrier.numbers.domain.JobItem;
import com.carrier.numbers.domain.JobStatus;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Bulk jobs: a header with the counters, and one result per item under the job's key, so a job of
 * any size fits (one DynamoDB item could not hold 10^5 results).
 */
public interface JobStore {

    /** Writes the header and every item as pending. */
    void create(Job job, List<JobItem> items);

    Optional<Job> find(String jobId);

    /** Items in index order from {@code fromIndex}, at most {@code limit}. */
    List<JobItem> items(String jobId, int fromIndex, int limit);

    Optional<JobItem> item(String jobId, int index);

    /** The account's jobs, newest first, optionally of one status: {@code limit} of them after skipping {@code offset}. */
    List<Job> byAccount(String accountId, JobStatus status, int offset, int limit);

    /** How many jobs the account has (of {@code status}, if given). */
    long countByAccount(String accountId, JobStatus status);

    /**
     * Records an item's result: pending -> succeeded or failed, with the job's counter, atomically.
     * False if the item already had a result (a redelivery): nothing changes then.
     */
    boolean complete(String jobId, int index, String number, boolean succeeded, String errorCode, String errorMessage);

    /** queued -> running; false if the job had already left queued. */
    boolean markRunning(String jobId);

    /**
     * If every item has a result and the job is not final yet, sets its final status and
     * completed_at (conditioned on the counters read, so exactly once). Answers the job as it is now.
     */
    Optional<Job> finishIfDone(String jobId, Instant now);
}
