package com.carrier.numbers.adapter.dynamodb;

import static com.carrier.numbers.adapter.dynamodb.Attrs.n;
import static com.carrier.numbers.adapter.dynamodb.Attrs.s;

import com.carrier.numbers.domain.Account;
import com.carrier.numbers.domain.LedgerEntry;
import com.carrier.numbers.domain.Money;
import com.carrier.numbers.port.AccountStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.Update;

/** {@link AccountStore} on the Accounts table (credits write the Ledger table in the same transaction). */
public final class DynamoAccountStore implements AccountStore {
    private final DynamoDbClient dynamo;
    private final String accounts;
    private final String ledger;
    private final Transactions transactions;

    public DynamoAccountStore(DynamoDbClient dynamo, String accountsTable, String ledgerTable) {
        this.dynamo = dynamo;
        this.accounts = accountsTable;
        this.ledger = ledgerTable;
        this.transactions = new Transactions(dynamo);
    }

    private Optional<Map<String, AttributeValue>> item(String accountId) {
        var item = dynamo.getItem(b -> b.tableName(accounts).key(AccountItems.key(accountId)).consistentRead(true)).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(item);
    }

    @Override
    public Optional<Account> find(String accountId) {
        return item(accountId).map(AccountItems::fromItem);
    }

    @Override
    public boolean create(Account account) {
        try {
            dynamo.putItem(b -> b.tableName(accounts).item(AccountItems.toItem(account))
                    .conditionExpression("attribute_not_exists(account_id)"));
            return true;
        } catch (ConditionalCheckFailedException taken) {
            return false;
        }
    }

    @Override
    public List<String> children(String accountId) {
        List<String> out = new ArrayList<>();
        Map<String, AttributeValue> startKey = null;
        do {
            var lastKey = startKey;
            QueryResponse page = dynamo.query(b -> {
                b.tableName(accounts).indexName("ByParent").keyConditionExpression("parent_id = :p")
                        .expressionAttributeValues(Map.of(":p", s(accountId)));
                if (lastKey != null) {
                    b.exclusiveStartKey(lastKey);
                }
            });
            page.items().forEach(i -> out.add(i.get(AccountItems.PK).s()));
            startKey = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
        } while (startKey != null);
        return out;
    }

    @Override
    public void credit(String accountId, Money amount, LedgerEntry entry) {
        List<TransactWriteItem> items = List.of(
                TransactWriteItem.builder().update(Update.builder().tableName(accounts).key(AccountItems.key(accountId))
                        .updateExpression("ADD balance :a").conditionExpression("attribute_exists(account_id)")
                        .expressionAttributeValues(Map.of(":a", n(amount.cents()))).build()).build(),
                TransactWriteItem.builder().put(Put.builder().tableName(ledger).item(LedgerItems.toItem(entry)).build()).build());
        transactions.write(items, i -> i == 0);
    }

    @Override
    public Map<String, Long> counters(String accountId) {
        return item(accountId).map(AccountItems::counters).orElse(Map.of());
    }
}
