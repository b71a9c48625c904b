package com.carrier.numbers.adapter.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;

import com.carrier.numbers.TableNames;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;

class TableSchemasTest {
    @Test
    void readsEveryTableAndIndexFromTheTemplate() {
        var schemas = TableSchemas.fromTemplate(TableSchemas.findTemplate(), com.carrier.numbers.template.SamTemplate.load().localTableNames());
        var requests = schemas.createRequests();
        assertThat(requests).extracting(CreateTableRequest::tableName)
                .containsExactly("Numbers", "Accounts", "Ledger", "Credentials", "Audit", "Idempotency");
        CreateTableRequest numbers = requests.get(0);
        assertThat(numbers.globalSecondaryIndexes()).extracting(g -> g.indexName())
                .contains("ByPrefix", "ByCity", "ByRegion", "ByPlace", "ByOwner", "BySubAccount", "ById");
        assertThat(numbers.keySchema().get(0).attributeName()).isEqualTo("number");
    }
}
