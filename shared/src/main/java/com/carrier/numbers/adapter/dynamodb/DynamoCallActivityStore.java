package com.carrier.numbers.adapter.dynamodb;

import static com.carrier.numbers.adapter.dynamodb.Attrs.s;

import com.carrier.numbers.port.CallActivityStore;
import com.carrier.numbers.port.StoreUnavailable;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/** {@link CallActivityStore} on the CallActivity table: one small item per number, {number, last_call_at}. */
public final class DynamoCallActivityStore implements CallActivityStore {
    private static final int THREADS = 8;

    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoCallActivityStore(DynamoDbClient dynamo, String callActivityTable) {
        this.dynamo = dynamo;
        this.table = callActivityTable;
    }

    @Override
    public void record(String number, Instant at) {
        try {
            // Conditional, not a blind put: of two reports racing, the later call wins whatever the order.
            dynamo.updateItem(b -> b.tableName(table).key(Map.of("number", s(number)))
                    .updateExpression("SET #l = :at")
                    .conditionExpression("attribute_not_exists(#l) OR #l < :at")
                    .expressionAttributeNames(Map.of("#l", "last_call_at"))
                    .expressionAttributeValues(Map.of(":at", s(Attrs.time(at)))));
        } catch (ConditionalCheckFailedException laterKnown) {
            // a later call is already recorded
        }
    }

    @Override
    public void recordAll(Map<String, Instant> latestPerNumber) {
        if (latestPerNumber.size() <= 1) {
            latestPerNumber.forEach(this::record);
            return;
        }
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(THREADS, latestPerNumber.size()));
        try {
            List<Future<?>> done = new ArrayList<>(latestPerNumber.size());
            latestPerNumber.forEach((number, at) -> done.add(pool.submit(() -> record(number, at))));
            for (Future<?> f : done) {
                f.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreUnavailable("interrupted while recording calls", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new StoreUnavailable("recording calls failed", e.getCause());
        } finally {
            pool.shutdown();
        }
    }

    @Override
    public Optional<Instant> lastCall(String number) {
        var item = dynamo.getItem(b -> b.tableName(table).key(Map.of("number", s(number))).consistentRead(true)).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.ofNullable(Attrs.instant(item, "last_call_at"));
    }

    @Override
    public void forget(String number) {
        dynamo.deleteItem(b -> b.tableName(table).key(Map.of("number", s(number))));
    }
}
