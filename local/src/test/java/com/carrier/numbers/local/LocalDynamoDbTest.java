package com.carrier.numbers.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.carrier.numbers.TableNames;
import com.carrier.numbers.adapter.dynamodb.TableSchemas;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

@Timeout(60)
class LocalDynamoDbTest {

    @Test
    void startsInMemoryWithTheTemplatesTablesQuickly() {
        long t0 = System.nanoTime();
        try (LocalDynamoDb db = LocalDynamoDb.start(null).withTables(TableSchemas.findTemplate(), TableNames.fromEnvironment())) {
            assertThat(db.client().listTables().tableNames()).contains("Numbers", "Accounts", "Credentials", "Idempotency");
        }
        assertThat((System.nanoTime() - t0) / 1e9).isLessThan(15.0);
    }

    @Test
    void persistsToAFolderAcrossRestarts(@TempDir Path dir) {
        Path template = TableSchemas.findTemplate();
        try (LocalDynamoDb db = LocalDynamoDb.start(dir).withTables(template, TableNames.fromEnvironment())) {
            db.client().putItem(b -> b.tableName("Accounts").item(Map.of("account_id", AttributeValue.fromS("MA_kept"))));
        }
        try (LocalDynamoDb db = LocalDynamoDb.start(dir).withTables(template, TableNames.fromEnvironment())) {
            assertThat(db.client().getItem(b -> b.tableName("Accounts")
                    .key(Map.of("account_id", AttributeValue.fromS("MA_kept")))).hasItem()).isTrue();
        }
    }
}
