package com.carrier.numbers.adapter.dynamodb;

import static com.carrier.numbers.adapter.dynamodb.Attrs.n;
import static com.carrier.numbers.adapter.dynamodb.Attrs.s;

import com.carrier.numbers.domain.Job;
import com.carrier.numbers.domain.JobItem;
import com.carrier.numbers.domain.JobStatus;
import com.carrier.numbers.port.ConditionFailed;
import com.carrier.numbers.port.JobStore;
import com.carrier.numbers.port.StoreUnavailable;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.Select;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/** {@link JobStore} on the Jobs table. */
public final class DynamoJobStore implements JobStore {
    private static final int BATCH = 25;
    private static final int WRITE_THREADS = 8;

    private final DynamoDbClient dynamo;
    private final String table;
    private final Transactions transactions;

    public DynamoJobStore(DynamoDbClient dynamo, String jobsTable) {
        this.dynamo = dynamo;
        this.table = jobsTable;
        this.transactions = new Transactions(dynamo);
    }

    @Override
    public void create(Job job, List<JobItem> items) {
        // Items first, header last: a job is only visible once all its items are there.
        List<List<WriteRequest>> batches = new ArrayList<>();
        List<WriteRequest> batch = new ArrayList<>(BATCH);
        for (JobItem i : items) {
            batch.add(WriteRequest.builder().putRequest(PutRequest.builder().item(JobItems.row(i)).build()).build());
            if (batch.size() == BATCH) {
                batches.add(batch);
                batch = new ArrayList<>(BATCH);
            }
        }
        if (!batch.isEmpty()) {
            batches.add(batch);
        }
        writeAll(batches);
        dynamo.putItem(b -> b.tableName(table).item(JobItems.header(job)).conditionExpression("attribute_not_exists(job_id)"));
    }

    /** BatchWriteItem side by side; unprocessed items are resent with a growing pause. */
    private void writeAll(List<List<WriteRequest>> batches) {
        if (batches.isEmpty()) {
            return;
        }
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(WRITE_THREADS, batches.size()));
        try {
            List<Future<?>> done = new ArrayList<>();
            for (List<WriteRequest> b : batches) {
                done.add(pool.submit(() -> writeBatch(b)));
            }
            for (Future<?> f : done) {
                f.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreUnavailable("interrupted while writing job items", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new StoreUnavailable("writing job items failed", e.getCause());
        } finally {
            pool.shutdown();
        }
    }

    private void writeBatch(List<WriteRequest> requests) {
        Map<String, List<WriteRequest>> pending = Map.of(table, requests);
        for (int attempt = 0; attempt < 8 && !pending.isEmpty(); attempt++) {
            Map<String, List<WriteRequest>> send = pending;
            BatchWriteItemResponse r = dynamo.batchWriteItem(b -> b.requestItems(send));
            pending = r.hasUnprocessedItems() ? r.unprocessedItems() : Map.of();
            if (!pending.isEmpty()) {
                Transactions.backoff(attempt);
            }
        }
        if (!pending.isEmpty()) {
            throw new StoreUnavailable("job items were not written after retries", null);
        }
    }

    @Override
    public Optional<Job> find(String jobId) {
        var item = dynamo.getItem(b -> b.tableName(table).key(JobItems.key(jobId, JobItems.HEADER)).consistentRead(true)).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(JobItems.jobFrom(item));
    }

    @Override
    public List<JobItem> items(String jobId, int fromIndex, int limit) {
        List<JobItem> out = new ArrayList<>(Math.min(limit, 1000));
        Map<String, AttributeValue> startKey = null;
        do {
            QueryRequest.Builder q = QueryRequest.builder().tableName(table).consistentRead(true)
                    .keyConditionExpression("job_id = :j AND #i BETWEEN :from AND :to")
                    .expressionAttributeNames(Map.of("#i", JobItems.SK))
                    .expressionAttributeValues(Map.of(":j", s(jobId), ":from", s(JobItems.itemKey(Math.max(0, fromIndex))),
                            ":to", s("i999999")))
                    .limit(limit - out.size());
            if (startKey != null) {
                q.exclusiveStartKey(startKey);
            }
            QueryResponse page = dynamo.query(q.build());
            page.items().forEach(i -> out.add(JobItems.rowFrom(i)));
            startKey = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
        } while (startKey != null && out.size() < limit);
        return out;
    }

    @Override
    public Optional<JobItem> item(String jobId, int index) {
        var item = dynamo.getItem(b -> b.tableName(table).key(JobItems.key(jobId, JobItems.itemKey(index))).consistentRead(true)).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(JobItems.rowFrom(item));
    }

    @Override
    public List<Job> byAccount(String accountId, JobStatus status, int offset, int limit) {
        List<Job> out = new ArrayList<>();
        int skipped = 0;
        Map<String, AttributeValue> startKey = null;
        do {
            QueryRequest.Builder q = accountQuery(accountId, status).scanIndexForward(false).limit(100);
            if (startKey != null) {
                q.exclusiveStartKey(startKey);
            }
            QueryResponse page = dynamo.query(q.build());
            for (var item : page.items()) {
                if (skipped < offset) {
                    skipped++;
                } else if (out.size() < limit) {
                    out.add(JobItems.jobFrom(item));
                }
            }
            startKey = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
        } while (startKey != null && out.size() < limit);
        return out;
    }

    @Override
    public long countByAccount(String accountId, JobStatus status) {
        long count = 0;
        Map<String, AttributeValue> startKey = null;
        do {
            QueryRequest.Builder q = accountQuery(accountId, status).select(Select.COUNT);
            if (startKey != null) {
                q.exclusiveStartKey(startKey);
            }
            QueryResponse page = dynamo.query(q.build());
            count += page.count();
            startKey = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
        } while (startKey != null);
        return count;
    }

    private QueryRequest.Builder accountQuery(String accountId, JobStatus status) {
        QueryRequest.Builder q = QueryRequest.builder().tableName(table).indexName("ByAccount");
        if (status == null) {
            return q.keyConditionExpression("account_id = :a").expressionAttributeValues(Map.of(":a", s(accountId)));
        }
        return q.keyConditionExpression("account_id = :a").filterExpression("#s = :s")
                .expressionAttributeNames(Map.of("#s", "status"))
                .expressionAttributeValues(Map.of(":a", s(accountId), ":s", s(status.wire())));
    }

    @Override
    public boolean complete(String jobId, int index, String number, boolean succeeded, String errorCode, String errorMessage) {
        List<TransactWriteItem> items = List.of(
                TransactWriteItem.builder().update(JobItems.result(table, jobId, index, number, succeeded, errorCode, errorMessage)).build(),
                TransactWriteItem.builder().update(JobItems.counters(table, jobId, succeeded ? 1 : 0, succeeded ? 0 : 1)).build());
        try {
            transactions.write(items, i -> false);
            return true;
        } catch (ConditionFailed alreadyDone) {
            return false;
        }
    }

    @Override
    public boolean markRunning(String jobId) {
        try {
            dynamo.updateItem(b -> b.tableName(table).key(JobItems.key(jobId, JobItems.HEADER))
                    .updateExpression("SET #s = :running").conditionExpression("#s = :queued")
                    .expressionAttributeNames(Map.of("#s", "status"))
                    .expressionAttributeValues(Map.of(":running", s(JobStatus.RUNNING.wire()), ":queued", s(JobStatus.QUEUED.wire()))));
            return true;
        } catch (ConditionalCheckFailedException notQueued) {
            return false;
        }
    }

    @Override
    public Optional<Job> finishIfDone(String jobId, Instant now) {
        Optional<Job> read = find(jobId);
        if (read.isEmpty()) {
            return read;
        }
        Job j = read.get();
        if (j.status().isFinal() || j.succeeded() + j.failed() < j.total()) {
            return read;
        }
        JobStatus status = JobStatus.finalFor(j.succeeded(), j.failed());
        Map<String, AttributeValue> values = new HashMap<>();
        values.put(":final", s(status.wire()));
        values.put(":at", s(Attrs.time(now)));
        values.put(":ok", n(j.succeeded()));
        values.put(":ko", n(j.failed()));
        List<String> from = new ArrayList<>();
        int i = 0;
        for (JobStatus f : JobStatus.FINAL_FROM) {
            values.put(":f" + i, s(f.wire()));
            from.add(":f" + i++);
        }
        try {
            dynamo.updateItem(b -> b.tableName(table).key(JobItems.key(jobId, JobItems.HEADER))
                    .updateExpression("SET #s = :final, completed_at = :at")
                    .conditionExpression("#s IN (" + String.join(", ", from) + ") AND succeeded = :ok AND failed = :ko")
                    .expressionAttributeNames(Map.of("#s", "status"))
                    .expressionAttributeValues(values));
        } catch (ConditionalCheckFailedException someoneElse) {
            // another consumer finished it first (or a counter moved): the status is set once
        }
        return find(jobId);
    }
}
