package com.carrier.numbers.local;

import com.carrier.numbers.TableNames;
import com.carrier.numbers.adapter.dynamodb.TableSchemas;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.dynamodb.services.local.embedded.DynamoDBEmbedded;
import software.amazon.dynamodb.services.local.shared.access.AmazonDynamoDBLocal;

/** DynamoDB Local embedded in this JVM (in memory, or persisted to a folder), with the template's tables. */
public final class LocalDynamoDb implements AutoCloseable {
    static final String DATABASE_FILE = "shared-local-instance.db";
    private final AmazonDynamoDBLocal engine;
    private final DynamoDbClient client;

    private LocalDynamoDb(AmazonDynamoDBLocal engine) {
        this.engine = engine;
        this.client = engine.dynamoDbClient();
    }

    /** Starts the engine ({@code persistDir} null: in memory); telemetry off, which otherwise costs seconds offline. */
    public static LocalDynamoDb start(Path persistDir) {
        if (persistDir == null) {
            return new LocalDynamoDb(DynamoDBEmbedded.create(true));
        }
        try {
            Files.createDirectories(persistDir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + persistDir, e);
        }
        // Embedded mode takes the database FILE (a directory makes sqlite4java retry forever);
        // the name is the one DynamoDB Local's server mode uses with -sharedDb -dbPath.
        return new LocalDynamoDb(DynamoDBEmbedded.create(persistDir.resolve(DATABASE_FILE).toFile(), true));
    }

    /** Creates the template's tables (kept when a persisted database already has them). */
    public LocalDynamoDb withTables(Path template, TableNames tables) {
        TableSchemas.fromTemplate(template, tables).createAll(client);
        return this;
    }

    public DynamoDbClient client() {
        return client;
    }

    @Override
    public void close() {
        client.close();
        engine.shutdown();
    }
}
