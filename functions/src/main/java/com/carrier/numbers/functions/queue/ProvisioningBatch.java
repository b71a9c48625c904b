package com.carrier.numbers.functions.queue;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse.BatchItemFailure;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.amazonaws.services.lambda.runtime.events.SQSEvent.SQSMessage;
import com.carrier.numbers.NumbersPlatform;
import com.carrier.numbers.adapter.metrics.Metrics;
import com.carrier.numbers.adapter.sqs.ProvisioningMessages;
import com.carrier.numbers.functions.http.Json;
import com.carrier.numbers.port.ProvisioningTask;
import com.carrier.numbers.port.ProvisioningTask.InventoryChunk;
import com.carrier.numbers.port.ProvisioningTask.JobItemTask;
import com.carrier.numbers.port.ProvisioningTask.RenewalDue;
import com.carrier.numbers.service.BulkJobs;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * One batch from the FIFO provisioning queue, in order. A message whose work fails on our side is
 * reported in {@code batchItemFailures} with every later message of its group (the FIFO rule:
 * they come back in order, and nothing of a group runs ahead of an earlier failure; a record
 * without a group id stops the rest of the batch). A refusal by the rules
 * is not a failure: it is the item's result. On a message's last receive before the DLQ, its
 * job items are recorded failed, so the job still completes and shows what happened.
 */
final class ProvisioningBatch {
    private final NumbersPlatform platform;
    private final BulkJobs jobs;
    private final int maxReceiveCount;

    ProvisioningBatch(NumbersPlatform platform, int maxReceiveCount) {
        this.platform = platform;
        this.jobs = platform.bulkJobs();
        this.maxReceiveCount = maxReceiveCount;
    }

    SQSBatchResponse process(SQSEvent event, Context context) {
        List<BatchItemFailure> failures = new ArrayList<>();
        Set<String> started = new LinkedHashSet<>();
        Set<String> touched = new LinkedHashSet<>();
        // group -> the message of that group that failed; a record without a group stops the whole rest of the batch
        java.util.Map<String, String> failedGroups = new java.util.HashMap<>();
        RenewalCounts renewals = new RenewalCounts();
        for (SQSMessage m : event.getRecords()) {
            String group = group(m);
            String failedBefore = failedGroups.getOrDefault(group, failedGroups.get(ALL));
            if (failedBefore != null) {
                failures.add(new BatchItemFailure(m.getMessageId()));
                onLastReceive(m, "not processed: message " + failedBefore + " of its group failed before it");
                continue;
            }
            ProvisioningTask task = null;
            try {
                task = ProvisioningMessages.decode(m.getBody());
                run(task, started, touched, renewals);
            } catch (RuntimeException e) {
                if (task instanceof RenewalDue) {
                    renewals.failed++;
                }
                failedGroups.put(group, m.getMessageId());
                failures.add(new BatchItemFailure(m.getMessageId()));
                log(context, m, e);
                onLastReceive(m, e.getClass().getSimpleName() + ": " + e.getMessage());
            }
        }
        for (String jobId : touched) {
            try {
                jobs.finishIfDone(jobId);
            } catch (RuntimeException e) {
                // the next message of the job (or its redelivery) finishes it
                log(context, null, e);
            }
        }
        renewals.report();
        return SQSBatchResponse.builder().withBatchItemFailures(failures).build();
    }

    /**
     * The renewal metrics operators alarm on (RenewalsFailed), counted where renewals are charged now
     * that the hourly run only queues them: one line per batch that renewed anything.
     */
    private static final class RenewalCounts {
        int charged;
        int suspended;
        int failed;
        boolean seen;

        void outcome(String outcome) {
            seen = true;
            switch (outcome) {
                case "charged" -> charged++;
                case "suspended" -> suspended++;
                default -> { } // skipped: charged already (a redelivery or a second queuing)
            }
        }

        void report() {
            if (seen || failed > 0) {
                java.util.Map<String, Integer> counts = new java.util.LinkedHashMap<>();
                counts.put(Metrics.RENEWALS_CHARGED, charged);
                counts.put(Metrics.RENEWALS_SUSPENDED, suspended);
                counts.put(Metrics.RENEWALS_FAILED, failed);
                Metrics.counts(counts);
            }
        }
    }

    private void run(ProvisioningTask task, Set<String> started, Set<String> touched, RenewalCounts renewals) {
        switch (task) {
            case JobItemTask item -> {
                if (started.add(item.jobId())) {
                    jobs.started(item.jobId());
                }
                touched.add(item.jobId());
                jobs.run(item);
            }
            case InventoryChunk chunk -> {
                if (chunk.jobId() != null) {
                    if (started.add(chunk.jobId())) {
                        jobs.started(chunk.jobId());
                    }
                    touched.add(chunk.jobId());
                }
                jobs.run(chunk);
            }
            case RenewalDue due -> renewals.outcome(platform.renewals().renewQueued(due));
        }
    }

    /** On the last receive (the next goes to the DLQ) the message's job items are recorded failed. */
    private void onLastReceive(SQSMessage m, String reason) {
        if (receiveCount(m) < maxReceiveCount) {
            return;
        }
        try {
            String jobId;
            int first;
            int count;
            try {
                ProvisioningTask task = ProvisioningMessages.decode(m.getBody());
                switch (task) {
                    case JobItemTask i -> { jobId = i.jobId(); first = i.index(); count = 1; }
                    case InventoryChunk c -> { jobId = c.jobId(); first = c.firstIndex(); count = c.numbers().size(); }
                    case RenewalDue r -> { return; } // the next hourly run queues it again
                }
            } catch (ProvisioningMessages.Malformed bad) {
                jobId = bad.jobId();
                first = bad.firstIndex();
                count = bad.count();
            }
            if (jobId != null) {
                jobs.giveUp(jobId, first, count, reason);
                jobs.finishIfDone(jobId);
            }
        } catch (RuntimeException ignored) {
            // the DLQ still has the message; the job shows the item pending
        }
    }

    /** Stands for "every group" when a record does not say its group. */
    private static final String ALL = "";

    /**
     * The record's message group. Only that group's later messages must wait for a failed one (they
     * come back in order); other accounts' messages go on, so one poison message never drags other
     * groups' messages towards the DLQ.
     */
    private static String group(SQSMessage m) {
        String g = m.getAttributes() == null ? null : m.getAttributes().get("MessageGroupId");
        return g == null ? ALL : g;
    }

    private static int receiveCount(SQSMessage m) {
        try {
            String v = m.getAttributes() == null ? null : m.getAttributes().get("ApproximateReceiveCount");
            return v == null ? 1 : Integer.parseInt(v);
        } catch (NumberFormatException e) {
            return 1;
        }
    }

    private static void log(Context context, SQSMessage m, RuntimeException e) {
        if (context == null || context.getLogger() == null) {
            return;
        }
        var line = Json.object().put("level", "ERROR").put("message", "provisioning message failed")
                .put("error", e.getClass().getSimpleName() + ": " + e.getMessage());
        if (m != null) {
            line.put("message_id", m.getMessageId());
        }
        context.getLogger().log(Json.write(line));
    }
}
