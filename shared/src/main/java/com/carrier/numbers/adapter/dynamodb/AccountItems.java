package com.carrier.numbers.adapter.dynamodb;

import static com.carrier.numbers.adapter.dynamodb.Attrs.*;

import com.carrier.numbers.domain.Account;
import com.carrier.numbers.domain.AccountType;
import com.carrier.numbers.domain.Money;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The one mapping between {@link Account} and an Accounts table item. Counters are {@code c_<name>} numbers. */
final class AccountItems {
    static final String PK = "account_id";
    static final String COUNTER_PREFIX = "c_";

    private AccountItems() {
    }

    static Map<String, AttributeValue> key(String accountId) {
        return Map.of(PK, s(accountId));
    }

    static Map<String, AttributeValue> toItem(Account a) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put(PK, s(a.id()));
        put(item, "name", a.name());
        item.put("type", s(a.type().wire()));
        put(item, "parent_id", a.parentId());
        item.put("balance", n(a.balance().cents()));
        item.put("allowed_regions", list(a.allowedRegions() == null ? java.util.List.of() : a.allowedRegions()));
        put(item, "created_at", a.createdAt());
        return item;
    }

    static Account fromItem(Map<String, AttributeValue> item) {
        return new Account(
                str(item, PK),
                str(item, "name"),
                AccountType.valueOf(str(item, "type").toUpperCase(Locale.ROOT)),
                str(item, "parent_id"),
                Money.ofCents(num(item, "balance", 0)),
                strings(item, "allowed_regions"),
                instant(item, "created_at"));
    }

    static Map<String, Long> counters(Map<String, AttributeValue> item) {
        Map<String, Long> out = new TreeMap<>();
        item.forEach((k, v) -> {
            if (k.startsWith(COUNTER_PREFIX) && v.n() != null) {
                out.put(k.substring(COUNTER_PREFIX.length()), Long.parseLong(v.n()));
            }
        });
        return out;
    }
}
