package com.carrier.numbers.adapter.dynamodb;

import static com.carrier.numbers.adapter.dynamodb.Attrs.s;
import static com.carrier.numbers.adapter.dynamodb.Attrs.str;

import com.carrier.numbers.domain.Credential;
import com.carrier.numbers.domain.Role;
import com.carrier.numbers.port.CredentialStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/** {@link CredentialStore} on the Credentials table: token_hash is the key, ByAccount lists an account's. */
public final class DynamoCredentialStore implements CredentialStore {
    private final DynamoDbClient dynamo;
    private final String credentials;

    public DynamoCredentialStore(DynamoDbClient dynamo, String credentialsTable) {
        this.dynamo = dynamo;
        this.credentials = credentialsTable;
    }

    @Override
    public boolean put(String tokenHash, Credential c) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put("token_hash", s(tokenHash));
        item.put("auth_id", s(c.authId()));
        item.put("account_id", s(c.accountId()));
        item.put("role", s(c.role().wire()));
        Attrs.put(item, "name", c.name());
        Attrs.put(item, "created_at", c.createdAt());
        Attrs.put(item, "revoked_at", c.revokedAt());
        try {
            dynamo.putItem(b -> b.tableName(credentials).item(item).conditionExpression("attribute_not_exists(token_hash)"));
            return true;
        } catch (ConditionalCheckFailedException exists) {
            return false;
        }
    }

    @Override
    public Optional<Credential> findByTokenHash(String tokenHash) {
        var item = dynamo.getItem(b -> b.tableName(credentials).key(Map.of("token_hash", s(tokenHash))).consistentRead(true)).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(fromItem(item));
    }

    @Override
    public List<Credential> ofAccount(String accountId) {
        List<Credential> out = new ArrayList<>();
        dynamo.queryPaginator(b -> b.tableName(credentials).indexName("ByAccount").keyConditionExpression("account_id = :a")
                .expressionAttributeValues(Map.of(":a", s(accountId)))).items().forEach(i -> out.add(fromItem(i)));
        return out;
    }

    @Override
    public boolean revoke(String accountId, String authId, Instant at) {
        var items = dynamo.query(b -> b.tableName(credentials).indexName("ByAccount")
                .keyConditionExpression("account_id = :a AND auth_id = :id")
                .expressionAttributeValues(Map.of(":a", s(accountId), ":id", s(authId)))).items();
        if (items.isEmpty()) {
            return false;
        }
        String hash = items.get(0).get("token_hash").s();
        dynamo.updateItem(b -> b.tableName(credentials).key(Map.of("token_hash", s(hash)))
                .updateExpression("SET revoked_at = if_not_exists(revoked_at, :at)")
                .expressionAttributeValues(Map.of(":at", s(Attrs.time(at)))));
        return true;
    }

    private static Credential fromItem(Map<String, AttributeValue> item) {
        return new Credential(str(item, "auth_id"), str(item, "account_id"), Role.fromWire(str(item, "role")),
                str(item, "name"), Attrs.instant(item, "created_at"), Attrs.instant(item, "revoked_at"));
    }
}
