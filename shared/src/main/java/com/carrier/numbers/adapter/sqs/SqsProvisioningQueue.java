package com.carrier.numbers.adapter.sqs;

import com.carrier.numbers.port.ProvisioningQueue;
import com.carrier.numbers.port.ProvisioningTask;
import com.carrier.numbers.port.StoreUnavailable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchResponse;

/**
 * {@link ProvisioningQueue} on the FIFO provisioning queue: SendMessageBatch of 10, message group
 * and deduplication id from the task; entries SQS refuses are resent a few times.
 */
public final class SqsProvisioningQueue implements ProvisioningQueue {
    private static final int BATCH = 10;
    private static final int ATTEMPTS = 4;

    private final SqsClient sqs;
    private final String queueUrl;

    public SqsProvisioningQueue(SqsClient sqs, String queueUrl) {
        this.sqs = sqs;
        this.queueUrl = queueUrl;
    }

    @Override
    public void enqueue(List<? extends ProvisioningTask> tasks) {
        for (int from = 0; from < tasks.size(); from += BATCH) {
            List<? extends ProvisioningTask> slice = tasks.subList(from, Math.min(tasks.size(), from + BATCH));
            List<SendMessageBatchRequestEntry> entries = new ArrayList<>(slice.size());
            for (int i = 0; i < slice.size(); i++) {
                ProvisioningTask t = slice.get(i);
                entries.add(SendMessageBatchRequestEntry.builder().id("m" + i)
                        .messageBody(ProvisioningMessages.encode(t))
                        .messageGroupId(t.groupId())
                        .messageDeduplicationId(t.deduplicationId())
                        .build());
            }
            send(entries);
        }
    }

    private void send(List<SendMessageBatchRequestEntry> entries) {
        List<SendMessageBatchRequestEntry> pending = entries;
        String lastError = null;
        for (int attempt = 0; attempt < ATTEMPTS && !pending.isEmpty(); attempt++) {
            try {
                List<SendMessageBatchRequestEntry> send = pending;
                SendMessageBatchResponse r = sqs.sendMessageBatch(b -> b.queueUrl(queueUrl).entries(send));
                if (!r.hasFailed() || r.failed().isEmpty()) {
                    return;
                }
                Map<String, SendMessageBatchRequestEntry> byId = pending.stream()
                        .collect(Collectors.toMap(SendMessageBatchRequestEntry::id, Function.identity()));
                lastError = r.failed().get(0).code() + ": " + r.failed().get(0).message();
                pending = r.failed().stream().filter(f -> !Boolean.TRUE.equals(f.senderFault()))
                        .map(f -> byId.get(f.id())).toList();
                if (pending.size() < r.failed().size()) {
                    throw new StoreUnavailable("the provisioning queue refused a message: " + lastError, null);
                }
            } catch (SdkException e) {
                lastError = e.getMessage();
            }
            pause(attempt);
        }
        if (!pending.isEmpty()) {
            throw new StoreUnavailable("could not queue " + pending.size() + " messages: " + lastError, null);
        }
    }

    private static void pause(int attempt) {
        try {
            Thread.sleep(20L << attempt);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreUnavailable("interrupted", e);
        }
    }
}
