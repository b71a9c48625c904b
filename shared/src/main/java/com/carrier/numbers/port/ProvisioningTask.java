package com.carrier.numbers.port;

import com.carrier.numbers.domain.InventoryNumber;
import com.carrier.numbers.domain.JobOperation;
import java.time.Instant;
import java.util.List;

/**
 * The work the provisioning queue carries. Each names its message group (one account's work
 * runs in order, so it never fights over the account's balance; accounts run side by side) and
 * its deduplication id (a resend of the same work within SQS's five-minute window is dropped).
 */
public sealed interface ProvisioningTask {

    String groupId();

    String deduplicationId();

    /** One operation of a customer's bulk job. */
    record JobItemTask(String jobId, String accountId, int index, JobOperation operation) implements ProvisioningTask {
        @Override public String groupId() { return accountId; }
        @Override public String deduplicationId() { return jobId + "-" + index; }
    }

    /**
     * Up to {@link #MAX} numbers of an operator's load, items {@code firstIndex}... of job
     * {@code jobId} (null for a load put straight on the queue, without a job). Loads touch no
     * balance, so their chunks spread over {@link #GROUPS} groups and load side by side.
     */
    record InventoryChunk(String jobId, int firstIndex, List<InventoryNumber> numbers) implements ProvisioningTask {
        public static final int MAX = 100;
        public static final int GROUPS = 8;

        @Override public String groupId() { return "inventory-" + Math.floorMod(firstIndex / MAX, GROUPS); }
        @Override public String deduplicationId() { return (jobId == null ? "load" : jobId) + "-" + firstIndex; }
    }

    /** A number whose monthly charge is due, found by the hourly renewal run; charged by the consumer. */
    record RenewalDue(String number, String accountId, Instant due) implements ProvisioningTask {
        @Override public String groupId() { return accountId; }
        @Override public String deduplicationId() { return "renewal-" + number.substring(1) + "-" + due.getEpochSecond(); }
    }
}
