package com.carrier.numbers.local;

import com.carrier.numbers.local.LambdaFunction.HandlerFailure;
import com.carrier.numbers.local.LocalSqs.Queue;
import com.carrier.numbers.local.TemplateQueues.QueueEventDef;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchResponse;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;

/**
 * What Lambda's SQS event source mapping does for one {@code SQS} event of the template: pollers
 * poll the queue (long polls; for FIFO queues short ones with a growing pause, see
 * {@link #FIRST_IDLE_PAUSE_MS}), gather up to BatchSize messages within MaximumBatchingWindowInSeconds,
 * invoke the function in process with the {@code SQSEvent} Lambda would build, delete the messages that succeeded and
 * leave the failed ones to come back when their visibility timeout ends. The queue's redrive policy
 * (ElasticMQ's) moves a message to its dead-letter queue after maxReceiveCount receives, and ElasticMQ
 * keeps FIFO order and holds back a message group while one of its messages is in flight.
 *
 * <p>Failures as Lambda counts them: a thrown exception (or running past the function's Timeout) fails the
 * whole batch; with {@code ReportBatchItemFailures} the response's {@code batchItemFailures} name the
 * failed messages, and a malformed entry (null, empty or unknown id) fails the whole batch; without it the
 * response is ignored.
 */
public final class SqsEventSourceMapping {
    /** Lambda starts an SQS event source with five concurrent batches; locally that stays the number. */
    static final int DEFAULT_CONCURRENCY = 5;
    /** A fixed ceiling for ScalingConfig.MaximumConcurrency in one local JVM (Lambda scales far higher). */
    static final int MAX_LOCAL_CONCURRENCY = 10;
    /** SQS returns at most ten messages per receive. */
    private static final int MAX_RECEIVE = 10;
    /** Idle long polls are kept short so that stopping takes at most about this long. */
    private static final int IDLE_WAIT_SECONDS = 1;
    /**
     * An idle poller of a FIFO queue short-polls, pausing between empty receives from the first of these
     * to the last, doubling, rather than long-polling as Lambda does: ElasticMQ answers a waiting FIFO long
     * poll, while the groups that have messages are in flight, by re-checking the queue without pause (a
     * quarter of this machine's CPU in the bulk benchmark), and a fixed short pause costs as much in
     * receive requests when many pollers idle. The last pause is the old idle long poll's second, so an
     * idle queue costs a receive a second per poller and stopping still takes about a second. Standard
     * queues keep the long poll.
     */
    private static final long FIRST_IDLE_PAUSE_MS = 10;
    private static final long LAST_IDLE_PAUSE_MS = 1000;

    private final QueueEventDef def;
    private final Queue queue;
    private final LambdaFunction function;
    private final SqsClient sqs;
    private final ObjectMapper json;
    private final int concurrency;
    private final List<Thread> pollers = new ArrayList<>();
    private final AtomicInteger batchesInFlight = new AtomicInteger();
    private final AtomicLong invocations = new AtomicLong();
    private final AtomicLong recordsDelivered = new AtomicLong();
    private final AtomicLong recordsFailed = new AtomicLong();
    private volatile boolean running;

    SqsEventSourceMapping(QueueEventDef def, Queue queue, LambdaFunction function, SqsClient sqs, ObjectMapper json) {
        if (function == null) {
            throw new IllegalStateException("no handler loaded for " + def.function().logicalId());
        }
        this.def = def;
        this.queue = queue;
        this.function = function;
        this.sqs = sqs;
        this.json = json;
        this.concurrency = def.maximumConcurrency() > 0 ? Math.min(def.maximumConcurrency(), MAX_LOCAL_CONCURRENCY) : DEFAULT_CONCURRENCY;
    }

    synchronized void start() {
        running = true;
        for (int i = 1; i <= concurrency; i++) {
            Thread t = new Thread(this::poll, "sqs-" + def.function().logicalId() + "-" + i);
            t.setDaemon(true);
            pollers.add(t);
            t.start();
        }
    }

    /** Asks the pollers to stop; a batch being handled finishes first. */
    void stop() {
        running = false;
    }

    void awaitStopped(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        for (Thread t : pollers) {
            try {
                t.join(Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    public QueueEventDef definition() {
        return def;
    }

    public Queue queue() {
        return queue;
    }

    public int concurrency() {
        return concurrency;
    }

    /** Batches received and not yet settled (being gathered, handled or deleted). */
    public int batchesInFlight() {
        return batchesInFlight.get();
    }

    public long invocations() {
        return invocations.get();
    }

    /** Records handed to the function (a redelivered message counts again). */
    public long recordsDelivered() {
        return recordsDelivered.get();
    }

    /** Records that failed (reported, or in a batch that failed as a whole) and were left on the queue. */
    public long recordsFailed() {
        return recordsFailed.get();
    }

    private void poll() {
        while (running) {
            List<Message> batch;
            try {
                batch = gather();
            } catch (SdkException e) {
                if (running) {
                    System.err.println(Thread.currentThread().getName() + ": receive from " + queue.name() + " failed: " + e);
                    sleep(200);
                }
                continue;
            }
            if (batch.isEmpty()) {
                continue;
            }
            try {
                if (running) {
                    deliver(batch);
                }
            } catch (RuntimeException e) {
                System.err.println(Thread.currentThread().getName() + ": batch of " + queue.name() + " not settled: " + e);
                e.printStackTrace();
            } finally {
                batchesInFlight.decrementAndGet();
            }
        }
    }

    /**
     * Up to BatchSize messages: the first receive waits for a message; then, with a batching window,
     * receives continue until the batch is full or the window (counted from the first message) ends.
     */
    private List<Message> gather() {
        List<Message> batch = new ArrayList<>();
        long windowEnd = 0;
        long idlePause = FIRST_IDLE_PAUSE_MS;
        while (running && batch.size() < def.batchSize()) {
            int wait;
            long left = 0;
            if (batch.isEmpty()) {
                wait = queue.definition().fifo() ? 0 : IDLE_WAIT_SECONDS;
            } else {
                left = windowEnd - System.nanoTime();
                if (left <= 0) {
                    break;
                }
                wait = (int) Math.min(20, left / 1_000_000_000L);
            }
            List<Message> got;
            try {
                got = receive(Math.min(MAX_RECEIVE, def.batchSize() - batch.size()), wait);
            } catch (SdkException e) {
                if (batch.isEmpty()) {
                    throw e;
                }
                System.err.println(Thread.currentThread().getName() + ": receive from " + queue.name() + " failed, invoking with what was gathered: " + e);
                break;
            }
            if (!got.isEmpty()) {
                if (batch.isEmpty()) {
                    batchesInFlight.incrementAndGet();
                    windowEnd = System.nanoTime() + def.maximumBatchingWindowSeconds() * 1_000_000_000L;
                }
                batch.addAll(got);
            } else if (batch.isEmpty() && wait == 0) {
                sleep(idlePause);
                idlePause = Math.min(LAST_IDLE_PAUSE_MS, idlePause * 2);
            } else if (wait == 0) {
                sleep(Math.max(1, Math.min(20, left / 1_000_000)));
            }
            if (def.maximumBatchingWindowSeconds() == 0 && !batch.isEmpty()) {
                break; // no window: invoke with what one receive gave
            }
        }
        return batch;
    }

    private List<Message> receive(int max, int waitSeconds) {
        return sqs.receiveMessage(b -> b.queueUrl(queue.url()).maxNumberOfMessages(max).waitTimeSeconds(waitSeconds)
                .messageSystemAttributeNames(MessageSystemAttributeName.ALL)
                .messageAttributeNames("All")).messages();
    }

    private void deliver(List<Message> batch) {
        invocations.incrementAndGet();
        recordsDelivered.addAndGet(batch.size());
        Set<String> ids = new LinkedHashSet<>();
        batch.forEach(m -> ids.add(m.messageId()));
        Set<String> failed;
        String requestId = UUID.randomUUID().toString();
        long start = System.nanoTime();
        try {
            byte[] response = function.invoke(event(batch),
                    new LambdaContext(requestId, def.function().logicalId(), def.function().timeoutSeconds(), 1024));
            failed = def.reportBatchItemFailures() ? reportedFailures(response, ids) : Set.of();
            long tookMs = (System.nanoTime() - start) / 1_000_000;
            if (tookMs > def.function().timeoutSeconds() * 1000L) {
                // Lambda would have stopped the function: the batch counts as failed
                System.err.println("[" + requestId + "] " + def.function().logicalId() + " ran " + tookMs + " ms, past its Timeout of "
                        + def.function().timeoutSeconds() + " s: the batch is failed");
                failed = ids;
            }
        } catch (HandlerFailure e) {
            System.err.println("[" + requestId + "] " + e.getMessage() + " (the batch of " + batch.size() + " returns after the visibility timeout)");
            e.getCause().printStackTrace();
            failed = ids;
        }
        recordsFailed.addAndGet(failed.size());
        List<DeleteMessageBatchRequestEntry> done = new ArrayList<>();
        for (Message m : batch) {
            if (!failed.contains(m.messageId())) {
                done.add(DeleteMessageBatchRequestEntry.builder().id(Integer.toString(done.size())).receiptHandle(m.receiptHandle()).build());
            }
        }
        for (int i = 0; i < done.size(); i += MAX_RECEIVE) {
            List<DeleteMessageBatchRequestEntry> chunk = done.subList(i, Math.min(done.size(), i + MAX_RECEIVE));
            DeleteMessageBatchResponse r = sqs.deleteMessageBatch(b -> b.queueUrl(queue.url()).entries(chunk));
            if (r.hasFailed() && !r.failed().isEmpty()) {
                System.err.println("[" + requestId + "] could not delete from " + queue.name() + ": " + r.failed());
            }
        }
    }

    /**
     * The ids a {@code ReportBatchItemFailures} response names, by Lambda's rules: no response, no
     * {@code batchItemFailures} or an empty list is success; a response that is not JSON, or an entry
     * whose itemIdentifier is missing, empty or not in the batch, fails the whole batch.
     */
    Set<String> reportedFailures(byte[] response, Set<String> batchIds) {
        String text = new String(response, StandardCharsets.UTF_8).strip();
        if (text.isEmpty()) {
            return Set.of();
        }
        JsonNode r;
        try {
            r = json.readTree(text);
        } catch (IOException e) {
            System.err.println(def.function().logicalId() + " answered no JSON; the batch is failed: " + text);
            return batchIds;
        }
        JsonNode failures = r == null ? null : r.get("batchItemFailures");
        if (failures == null || failures.isNull() || !failures.isArray()) {
            return Set.of();
        }
        Set<String> failed = new HashSet<>();
        for (JsonNode f : failures) {
            JsonNode id = f.get("itemIdentifier");
            if (id == null || !id.isTextual() || id.asText().isEmpty() || !batchIds.contains(id.asText())) {
                System.err.println(def.function().logicalId() + " reported a batch item failure Lambda does not accept (" + f
                        + "); the batch is failed");
                return batchIds;
            }
            failed.add(id.asText());
        }
        return failed;
    }

    /** The SQSEvent JSON Lambda builds for a batch. */
    String event(List<Message> batch) {
        ObjectNode event = json.createObjectNode();
        ArrayNode records = event.putArray("Records");
        for (Message m : batch) {
            ObjectNode r = records.addObject();
            r.put("messageId", m.messageId());
            r.put("receiptHandle", m.receiptHandle());
            r.put("body", m.body());
            ObjectNode attributes = r.putObject("attributes");
            m.attributesAsStrings().forEach(attributes::put);
            ObjectNode messageAttributes = r.putObject("messageAttributes");
            m.messageAttributes().forEach((name, v) -> messageAttribute(messageAttributes.putObject(name), v));
            r.put("md5OfBody", m.md5OfBody());
            if (m.md5OfMessageAttributes() != null) {
                r.put("md5OfMessageAttributes", m.md5OfMessageAttributes());
            }
            r.put("eventSource", "aws:sqs");
            r.put("eventSourceARN", queue.arn());
            r.put("awsRegion", LambdaContext.REGION);
        }
        return event.toString();
    }

    private static void messageAttribute(ObjectNode out, MessageAttributeValue v) {
        if (v.stringValue() != null) {
            out.put("stringValue", v.stringValue());
        }
        if (v.binaryValue() != null) {
            out.put("binaryValue", Base64.getEncoder().encodeToString(v.binaryValue().asByteArray()));
        }
        ArrayNode strings = out.putArray("stringListValues");
        v.stringListValues().forEach(strings::add);
        ArrayNode binaries = out.putArray("binaryListValues");
        v.binaryListValues().forEach(b -> binaries.add(Base64.getEncoder().encodeToString(b.asByteArray())));
        out.put("dataType", v.dataType());
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
