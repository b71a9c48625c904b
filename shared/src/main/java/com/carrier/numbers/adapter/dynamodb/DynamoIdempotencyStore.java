package com.carrier.numbers.adapter.dynamodb;

import static com.carrier.numbers.adapter.dynamodb.Attrs.n;
import static com.carrier.numbers.adapter.dynamodb.Attrs.s;
import static com.carrier.numbers.adapter.dynamodb.Attrs.str;

import com.carrier.numbers.port.IdempotencyStore;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * {@link IdempotencyStore} on the Idempotency table. expires_at is epoch seconds (the table's TTL
 * attribute); TTL deletion is lazy, so the claim condition also treats an expired entry as free.
 */
public final class DynamoIdempotencyStore implements IdempotencyStore {
    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoIdempotencyStore(DynamoDbClient dynamo, String idempotencyTable) {
        this.dynamo = dynamo;
        this.table = idempotencyTable;
    }

    private static Map<String, AttributeValue> key(String key) {
        return Map.of("idempotency_key", s(key));
    }

    @Override
    public boolean claim(String key, String fingerprint, Instant now, Instant expiresAt) {
        try {
            dynamo.putItem(b -> b.tableName(table)
                    .item(Map.of("idempotency_key", s(key), "fingerprint", s(fingerprint), "expires_at", n(expiresAt.getEpochSecond())))
                    .conditionExpression("attribute_not_exists(idempotency_key) OR expires_at < :now")
                    .expressionAttributeValues(Map.of(":now", n(now.getEpochSecond()))));
            return true;
        } catch (ConditionalCheckFailedException held) {
            return false;
        }
    }

    @Override
    public Optional<Entry> find(String key) {
        var item = dynamo.getItem(b -> b.tableName(table).key(key(key)).consistentRead(true)).item();
        if (item == null || item.isEmpty()) {
            return Optional.empty();
        }
        AttributeValue status = item.get("status_code");
        return Optional.of(new Entry(str(item, "fingerprint"), status == null ? null : Integer.parseInt(status.n()),
                str(item, "body"), Instant.ofEpochSecond(Attrs.num(item, "expires_at", 0))));
    }

    @Override
    public void complete(String key, int statusCode, String body) {
        dynamo.updateItem(b -> b.tableName(table).key(key(key)).updateExpression("SET status_code = :c, body = :b")
                .expressionAttributeValues(Map.of(":c", n(statusCode), ":b", s(body == null ? "" : body))));
    }

    @Override
    public void release(String key) {
        dynamo.deleteItem(b -> b.tableName(table).key(key(key)));
    }
}
