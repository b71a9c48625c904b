package com.carrier.numbers.adapter.dynamodb;

import static com.carrier.numbers.adapter.dynamodb.Attrs.s;

import com.carrier.numbers.domain.PlatformException;
import com.carrier.numbers.port.LedgerStore;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;

/** {@link LedgerStore} on the Ledger table; the start key is the last entry_key, base64url-encoded. */
public final class DynamoLedgerStore implements LedgerStore {
    private final DynamoDbClient dynamo;
    private final String ledger;

    public DynamoLedgerStore(DynamoDbClient dynamo, String ledgerTable) {
        this.dynamo = dynamo;
        this.ledger = ledgerTable;
    }

    @Override
    public Page newestFirst(String accountId, int limit, String startKey) {
        QueryRequest.Builder q = QueryRequest.builder().tableName(ledger).keyConditionExpression("account_id = :a")
                .expressionAttributeValues(Map.of(":a", s(accountId))).scanIndexForward(false).limit(limit);
        if (startKey != null && !startKey.isBlank()) {
            q.exclusiveStartKey(Map.of("account_id", s(accountId), "entry_key", s(decode(startKey))));
        }
        var page = dynamo.query(q.build());
        var entries = page.items().stream().map(LedgerItems::fromItem).toList();
        String next = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty()
                ? encode(page.lastEvaluatedKey().get("entry_key").s()) : null;
        return new Page(entries, next);
    }

    private static String encode(String key) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(key.getBytes(StandardCharsets.UTF_8));
    }

    private static String decode(String token) {
        try {
            return new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw PlatformException.validation("start_key", "start_key is not a key this API gave out");
        }
    }
}
