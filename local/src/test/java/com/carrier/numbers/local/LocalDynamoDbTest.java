package com.carrier.numbers.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.carrier.numbers.adapter.dynamodb.TableSchemas;
import com.carrier.numbers.template.SamTemplate;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

class LocalDynamoDbTest {

    @Test
    void startsInMemoryWithTheTemplatesTables() {
        // how fast is the benchmark's business (local/README: start to ready), not a unit test's
        try (LocalDynamoDb db = LocalDynamoDb.start(null).withTables(TableSchemas.findTemplate(), SamTemplate.load().localTableNames())) {
            assertThat(db.client().listTables().tableNames()).contains("Numbers", "Accounts", "Credentials", "Idempotency");
        }
    }

    @Test
    void persistsToAFolderAcrossRestarts(@TempDir Path dir) {
        Path template = TableSchemas.findTemplate();
        try (LocalDynamoDb db = LocalDynamoDb.start(dir).withTables(template, SamTemplate.load().localTableNames())) {
            db.client().putItem(b -> b.tableName("Accounts").item(Map.of("account_id", AttributeValue.fromS("MA_kept"))));
        }
        try (LocalDynamoDb db = LocalDynamoDb.start(dir).withTables(template, SamTemplate.load().localTableNames())) {
            assertThat(db.client().getItem(b -> b.tableName("Accounts")
                    .key(Map.of("account_id", AttributeValue.fromS("MA_kept")))).hasItem()).isTrue();
        }
    }
}
