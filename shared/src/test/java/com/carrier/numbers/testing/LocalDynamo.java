package com.carrier.numbers.testing;

import com.carrier.numbers.TableNames;
import com.carrier.numbers.adapter.dynamodb.TableSchemas;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.DeleteRequest;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;
import software.amazon.dynamodb.services.local.embedded.DynamoDBEmbedded;

/**
 * One in-memory DynamoDB Local per JVM (telemetry off: it costs seconds offline). Each test class
 * takes a fresh set of tables, created from template.yaml, under its own suffix.
 *
 * <p>Creating a set (nine tables with their indexes) costs DynamoDB Local 0.1 to 3 seconds, and PIT
 * runs each test method on its own, once per mutant, so its {@code @BeforeAll} fixture too. While a
 * {@link #classScope class scope} is open (shared's own test classes, see {@link TablesPerTestClass}),
 * the sets a test class took go back to a pool when it ends, and the next class gets one of them
 * emptied of every item: same schema, no data, and no table created.
 */
public final class LocalDynamo {
    private static final AtomicInteger SETS = new AtomicInteger();
    private static DynamoDbClient client;
    /** Sets whose test class has ended: emptied before they are handed out again. */
    private static final Deque<TableNames> RELEASED = new ArrayDeque<>();
    /** Key attributes of each pooled table, by table name (to delete its items). */
    private static final Map<String, List<String>> KEYS = new HashMap<>();
    /** The sets taken since the running test class started; null when no class scope is open (no reuse). */
    private static List<TableNames> takenInScope;

    private LocalDynamo() {
    }

    public static synchronized DynamoDbClient client() {
        if (client == null) {
            System.setProperty("aws.region", System.getProperty("aws.region", "us-east-1"));
            client = DynamoDBEmbedded.create(true).dynamoDbClient();
        }
        return client;
    }

    /** Fresh, empty tables named {@code Numbers_<n>} ..., created from template.yaml (or an emptied pooled set). */
    public static TableNames freshTables() {
        return freshTables(client());
    }

    /**
     * Creates a fresh set of tables through {@code dynamo} (e.g. a wrapper of {@link #client()}); inside a
     * class scope, an emptied set of an ended test class instead (through {@link #client()} itself, so a
     * wrapper's injected faults never hit the emptying).
     */
    public static TableNames freshTables(DynamoDbClient dynamo) {
        synchronized (LocalDynamo.class) {
            if (takenInScope != null && !RELEASED.isEmpty()) {
                TableNames reused = RELEASED.pop();
                empty(reused);
                takenInScope.add(reused);
                return reused;
            }
        }
        String suffix = "_" + SETS.incrementAndGet() + "_" + Long.toString(System.nanoTime(), 36);
        TableNames names = new TableNames("Numbers" + suffix, "Accounts" + suffix, "Ledger" + suffix,
                "Credentials" + suffix, "Audit" + suffix, "Idempotency" + suffix, "Jobs" + suffix, "CallActivity" + suffix);
        TableSchemas schemas = TableSchemas.fromTemplate(TableSchemas.findTemplate(), names);
        schemas.createAll(dynamo);
        synchronized (LocalDynamo.class) {
            if (takenInScope != null) {
                for (CreateTableRequest r : schemas.createRequests()) {
                    KEYS.put(r.tableName(), r.keySchema().stream().map(KeySchemaElement::attributeName).toList());
                }
                takenInScope.add(names);
            }
        }
        return names;
    }

    /** A test class starts: the sets it takes from now on go back to the pool at {@link #closeClassScope()}. */
    static synchronized void openClassScope() {
        takenInScope = new ArrayList<>();
    }

    /** The test class has ended, and with it every fixture on its sets: they may be emptied and handed out again. */
    static synchronized void closeClassScope() {
        if (takenInScope != null) {
            RELEASED.addAll(takenInScope);
            takenInScope = null;
        }
    }

    /** Deletes every item of every table of {@code set} (scan of the keys, batch deletes of 25). */
    private static void empty(TableNames set) {
        DynamoDbClient dynamo = client();
        for (String table : List.of(set.numbers(), set.accounts(), set.ledger(), set.credentials(), set.audit(),
                set.idempotency(), set.jobs(), set.callActivity(), set.ports())) {
            List<String> keys = KEYS.get(table);
            Map<String, String> names = new LinkedHashMap<>();
            for (int i = 0; i < keys.size(); i++) {
                names.put("#k" + i, keys.get(i));
            }
            List<WriteRequest> deletes = new ArrayList<>();
            dynamo.scanPaginator(b -> b.tableName(table).projectionExpression(String.join(",", names.keySet()))
                    .expressionAttributeNames(names)).items().forEach(item -> {
                Map<String, AttributeValue> key = new HashMap<>(item);
                deletes.add(WriteRequest.builder().deleteRequest(DeleteRequest.builder().key(key).build()).build());
            });
            for (int from = 0; from < deletes.size(); from += 25) {
                List<WriteRequest> batch = deletes.subList(from, Math.min(from + 25, deletes.size()));
                Map<String, List<WriteRequest>> unprocessed = Map.of(table, batch);
                while (!unprocessed.isEmpty()) {
                    unprocessed = dynamo.batchWriteItem(BatchWriteItemRequest.builder().requestItems(unprocessed).build()).unprocessedItems();
                }
            }
        }
    }
}
