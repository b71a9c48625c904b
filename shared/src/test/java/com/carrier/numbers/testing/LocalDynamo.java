package com.carrier.numbers.testing;

import com.carrier.numbers.TableNames;
import com.carrier.numbers.adapter.dynamodb.TableSchemas;
import java.util.concurrent.atomic.AtomicInteger;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.dynamodb.services.local.embedded.DynamoDBEmbedded;

/**
 * One in-memory DynamoDB Local per JVM (telemetry off: it costs seconds offline). Each test class
 * takes a fresh set of tables, created from template.yaml, under its own suffix.
 */
public final class LocalDynamo {
    private static final AtomicInteger SETS = new AtomicInteger();
    private static DynamoDbClient client;

    private LocalDynamo() {
    }

    public static synchronized DynamoDbClient client() {
        if (client == null) {
            System.setProperty("aws.region", System.getProperty("aws.region", "us-east-1"));
            client = DynamoDBEmbedded.create(true).dynamoDbClient();
        }
        return client;
    }

    /** Fresh, empty tables named {@code Numbers_<n>} ..., created from template.yaml. */
    public static TableNames freshTables() {
        return freshTables(client());
    }

    /** Creates a fresh set of tables through {@code dynamo} (e.g. a wrapper of {@link #client()}). */
    public static TableNames freshTables(DynamoDbClient dynamo) {
        String suffix = "_" + SETS.incrementAndGet() + "_" + Long.toString(System.nanoTime(), 36);
        TableNames names = new TableNames("Numbers" + suffix, "Accounts" + suffix, "Ledger" + suffix,
                "Credentials" + suffix, "Audit" + suffix, "Idempotency" + suffix, "Jobs" + suffix, "CallActivity" + suffix);
        TableSchemas.fromTemplate(TableSchemas.findTemplate(), names).createAll(dynamo);
        return names;
    }
}
