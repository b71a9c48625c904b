package com.carrier.numbers.local.testhandlers;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An SQS consumer whose messages say what to do: a body {@code ok:<label>} succeeds,
 * {@code fail-once:<label>} fails on its first receive, {@code fail-always:<label>} always fails (both
 * reported as batch item failures), {@code throw-once:<label>} throws (the whole batch fails) on its first
 * receive; {@code bad-report-once:<label>} reports an id not in the batch on its first receive; a batch with a {@code slow:<label>} takes 300 ms. Like a FIFO consumer must, once an item of a FIFO batch fails
 * it reports that item and every later one unprocessed. Records every invocation for the tests.
 */
public class RecordingQueueConsumer implements RequestHandler<SQSEvent, SQSBatchResponse> {

    /** One record as the handler saw it; {@code processed} false when reported failed or the batch threw. */
    public record Delivery(String function, String messageId, String body, int receiveCount, String groupId,
                           boolean processed, SQSEvent.SQSMessage message) {
        public String label() {
            return body.substring(body.indexOf(':') + 1);
        }
    }

    /** One invocation: its function and records in order. */
    public record Batch(String function, List<Delivery> records, boolean threw) {
    }

    public static final List<Batch> BATCHES = Collections.synchronizedList(new ArrayList<>());
    public static final AtomicInteger RUNNING = new AtomicInteger();
    public static final AtomicInteger MAX_RUNNING = new AtomicInteger();
    /** Message groups being handled right now, and any group seen twice at once (must stay empty). */
    private static final Set<String> GROUPS_RUNNING = ConcurrentHashMap.newKeySet();
    public static final List<String> GROUP_OVERLAPS = Collections.synchronizedList(new ArrayList<>());

    public static void reset() {
        BATCHES.clear();
        GROUP_OVERLAPS.clear();
        MAX_RUNNING.set(0);
    }

    /** Every delivery of one function, in invocation order. */
    public static List<Delivery> deliveries(String function) {
        synchronized (BATCHES) {
            return BATCHES.stream().filter(b -> b.function().equals(function)).flatMap(b -> b.records().stream()).toList();
        }
    }

    public static List<Batch> batches(String function) {
        synchronized (BATCHES) {
            return BATCHES.stream().filter(b -> b.function().equals(function)).toList();
        }
    }

    @Override
    public SQSBatchResponse handleRequest(SQSEvent event, Context context) {
        MAX_RUNNING.accumulateAndGet(RUNNING.incrementAndGet(), Math::max);
        List<String> groups = event.getRecords().stream().map(r -> r.getAttributes().get("MessageGroupId"))
                .filter(g -> g != null).distinct().toList();
        for (String g : groups) {
            if (!GROUPS_RUNNING.add(g)) {
                GROUP_OVERLAPS.add(g);
            }
        }
        try {
            return handle(event, context.getFunctionName());
        } finally {
            groups.forEach(GROUPS_RUNNING::remove);
            RUNNING.decrementAndGet();
        }
    }

    private SQSBatchResponse handle(SQSEvent event, String function) {
        List<Delivery> records = new ArrayList<>();
        List<SQSBatchResponse.BatchItemFailure> failures = new ArrayList<>();
        boolean fifoFailed = false;
        if (event.getRecords().stream().anyMatch(m -> m.getBody().startsWith("slow:"))) {
            sleep(300);
        }
        for (SQSEvent.SQSMessage m : event.getRecords()) {
            int receives = Integer.parseInt(m.getAttributes().get("ApproximateReceiveCount"));
            String body = m.getBody();
            if (body.startsWith("throw-once:") && receives == 1) {
                List<Delivery> all = event.getRecords().stream().map(r -> delivery(function, r, false)).toList();
                BATCHES.add(new Batch(function, all, true));
                throw new IllegalStateException("throw-once (expected by the test)");
            }
            if (body.startsWith("bad-report-once:") && receives == 1) {
                // an id that is not in the batch: Lambda fails the whole batch
                failures.add(SQSBatchResponse.BatchItemFailure.builder().withItemIdentifier("not-a-message-of-this-batch").build());
            }
            boolean fifo = m.getAttributes().containsKey("MessageGroupId");
            boolean fails = fifoFailed || body.startsWith("fail-always:") || body.startsWith("fail-once:") && receives == 1;
            records.add(delivery(function, m, !fails));
            if (fails) {
                failures.add(SQSBatchResponse.BatchItemFailure.builder().withItemIdentifier(m.getMessageId()).build());
                fifoFailed |= fifo;
            }
        }
        BATCHES.add(new Batch(function, records, false));
        return SQSBatchResponse.builder().withBatchItemFailures(failures).build();
    }

    private static Delivery delivery(String function, SQSEvent.SQSMessage m, boolean processed) {
        return new Delivery(function, m.getMessageId(), m.getBody(), Integer.parseInt(m.getAttributes().get("ApproximateReceiveCount")),
                m.getAttributes().get("MessageGroupId"), processed, m);
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
