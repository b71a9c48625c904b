package com.carrier.numbers.adapter.dynamodb;

import static com.carrier.numbers.adapter.dynamodb.Attrs.n;
import static com.carrier.numbers.adapter.dynamodb.Attrs.s;

import com.carrier.numbers.domain.Port;
import com.carrier.numbers.domain.PortLifecycle;
import com.carrier.numbers.domain.PortStatus;
import com.carrier.numbers.port.ConditionFailed;
import com.carrier.numbers.port.PortStore;
import com.carrier.numbers.port.StoreUnavailable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.Select;

/**
 * {@link PortStore} on the Ports table. Writes are single conditional puts: on the version read
 * and on the lifecycle row's from-statuses. Listing reads the {@code ByAccount} or
 * {@code ByAccountStatus} index, newest first.
 */
public final class DynamoPortStore implements PortStore {
    static final String BY_ACCOUNT = "ByAccount";
    static final String BY_ACCOUNT_STATUS = "ByAccountStatus";

    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoPortStore(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    @Override
    public Optional<Port> find(String id) {
        var item = dynamo.getItem(b -> b.tableName(table).key(PortItems.key(id)).consistentRead(true)).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(PortItems.fromItem(item));
    }

    @Override
    public void apply(Port before, Port after, PortLifecycle action) {
        if (before != null && !action.allows(before.status())) {
            throw new IllegalStateException(action + " does not apply to a port that is " + before.status());
        }
        if (after.status() != action.after(before == null ? null : before.status())) {
            throw new IllegalStateException(action + " does not lead to " + after.status());
        }
        Map<String, String> names = new HashMap<>();
        Map<String, AttributeValue> values = new HashMap<>();
        String condition;
        if (before == null) {
            names.put("#pk", PortItems.PK);
            condition = "attribute_not_exists(#pk)";
        } else {
            names.put("#v", "version");
            names.put("#s", "status");
            values.put(":v", n(before.version()));
            List<String> statuses = new ArrayList<>();
            int i = 0;
            for (PortStatus from : action.from()) {
                values.put(":s" + i, s(from.wire()));
                statuses.add(":s" + i++);
            }
            condition = "#v = :v AND #s IN (" + String.join(", ", statuses) + ")";
        }
        Map<String, AttributeValue> item = PortItems.toItem(after);
        item.put("version", n(before == null ? 1 : before.version() + 1));
        try {
            dynamo.putItem(b -> {
                b.tableName(table).item(item).conditionExpression(condition).expressionAttributeNames(names);
                if (!values.isEmpty()) {
                    b.expressionAttributeValues(values);
                }
            });
        } catch (ConditionalCheckFailedException e) {
            throw new ConditionFailed("port " + after.id() + " changed: " + e.getMessage(), false);
        } catch (SdkException e) {
            throw new StoreUnavailable("port write failed: " + e.getMessage(), e);
        }
    }

    @Override
    public void delete(Port port) {
        try {
            dynamo.deleteItem(b -> b.tableName(table).key(PortItems.key(port.id()))
                    .conditionExpression("#v = :v").expressionAttributeNames(Map.of("#v", "version"))
                    .expressionAttributeValues(Map.of(":v", n(port.version()))));
        } catch (ConditionalCheckFailedException e) {
            throw new ConditionFailed("port " + port.id() + " changed: " + e.getMessage(), false);
        }
    }

    @Override
    public Page list(List<String> accountIds, PortStatus status, int limit, int offset) {
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        long total = 0;
        for (String account : accountIds) {
            items.addAll(query(account, status, offset + limit));
            total += count(account, status);
        }
        items.sort(Comparator.comparing((Map<String, AttributeValue> i) -> i.get("created_key").s()).reversed());
        List<Port> page = items.stream().skip(offset).limit(limit).map(PortItems::fromItem).toList();
        return new Page(page, total);
    }

    private QueryRequest.Builder byAccount(String account, PortStatus status) {
        return status == null
                ? QueryRequest.builder().tableName(table).indexName(BY_ACCOUNT).keyConditionExpression("account_id = :k")
                        .expressionAttributeValues(Map.of(":k", s(account)))
                : QueryRequest.builder().tableName(table).indexName(BY_ACCOUNT_STATUS).keyConditionExpression("account_status = :k")
                        .expressionAttributeValues(Map.of(":k", s(PortItems.accountStatus(account, status))));
    }

    /** The newest {@code max} ports of one account. */
    private List<Map<String, AttributeValue>> query(String account, PortStatus status, int max) {
        List<Map<String, AttributeValue>> out = new ArrayList<>();
        Map<String, AttributeValue> start = null;
        do {
            QueryResponse r = dynamo.query(byAccount(account, status).scanIndexForward(false)
                    .limit(Math.min(100, max - out.size())).exclusiveStartKey(start).build());
            out.addAll(r.items());
            start = r.hasLastEvaluatedKey() && !r.lastEvaluatedKey().isEmpty() ? r.lastEvaluatedKey() : null;
        } while (start != null && out.size() < max);
        return out;
    }

    private long count(String account, PortStatus status) {
        long total = 0;
        Map<String, AttributeValue> start = null;
        do {
            QueryResponse r = dynamo.query(byAccount(account, status).select(Select.COUNT).exclusiveStartKey(start).build());
            total += r.count();
            start = r.hasLastEvaluatedKey() && !r.lastEvaluatedKey().isEmpty() ? r.lastEvaluatedKey() : null;
        } while (start != null);
        return total;
    }
}
