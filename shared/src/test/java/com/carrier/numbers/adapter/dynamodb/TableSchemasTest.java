package com.carrier.numbers.adapter.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;

class TableSchemasTest {
    @Test
    void readsEveryTableAndIndexFromTheTemplate() {
        var schemas = TableSchemas.fromTemplate(TableSchemas.findTemplate(), com.carrier.numbers.template.SamTemplate.load().localTableNames());
        var requests = schemas.createRequests();
        assertThat(requests).extracting(CreateTableRequest::tableName)
                .containsExactly("Numbers", "Accounts", "Ledger", "Credentials", "Audit", "Idempotency", "Jobs", "CallActivity", "Ports");
        CreateTableRequest numbers = requests.get(0);
        assertThat(numbers.globalSecondaryIndexes()).extracting(g -> g.indexName())
                .contains("ByPrefix", "ByCity", "ByRegion", "ByPlace", "ByOwner", "BySubAccount", "ById", "ByRenewal", "ByDue");
        assertThat(numbers.keySchema().get(0).attributeName()).isEqualTo("number");
        assertThat(requests.get(6).globalSecondaryIndexes()).as("Jobs").extracting(g -> g.indexName())
                .containsExactlyInAnyOrder("ByAccount");
        assertThat(requests.get(8).globalSecondaryIndexes()).as("Ports").extracting(g -> g.indexName())
                .containsExactlyInAnyOrder("ByAccount", "ByAccountStatus");
    }
}
