package com.carrier.numbers.adapter.dynamodb;

import static com.carrier.numbers.adapter.dynamodb.Attrs.s;

import com.carrier.numbers.domain.AuditRecord;
import com.carrier.numbers.port.AuditStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** {@link AuditStore} on the Audit table, oldest first. */
public final class DynamoAuditStore implements AuditStore {
    private final DynamoDbClient dynamo;
    private final String audit;

    public DynamoAuditStore(DynamoDbClient dynamo, String auditTable) {
        this.dynamo = dynamo;
        this.audit = auditTable;
    }

    @Override
    public List<AuditRecord> forNumber(String number) {
        List<AuditRecord> out = new ArrayList<>();
        dynamo.queryPaginator(b -> b.tableName(audit).keyConditionExpression("#n = :n")
                        .expressionAttributeNames(Map.of("#n", "number")).expressionAttributeValues(Map.of(":n", s(number))))
                .items().forEach(i -> out.add(AuditItems.fromItem(i)));
        return out;
    }
}
