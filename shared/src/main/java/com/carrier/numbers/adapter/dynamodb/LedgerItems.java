package com.carrier.numbers.adapter.dynamodb;

import static com.carrier.numbers.adapter.dynamodb.Attrs.*;

import com.carrier.numbers.domain.LedgerEntry;
import java.util.HashMap;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The one mapping between {@link LedgerEntry} and a Ledger item; entry_key = time (ms) # entry id, so it sorts by time. */
final class LedgerItems {
    private LedgerItems() {
    }

    static String entryKey(LedgerEntry e) {
        return sortKey(e.at()) + "#" + e.entryId();
    }

    static Map<String, AttributeValue> toItem(LedgerEntry e) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put("account_id", s(e.accountId()));
        item.put("entry_key", s(entryKey(e)));
        item.put("entry_id", s(e.entryId()));
        item.put("at", s(e.at().toString()));
        item.put("kind", s(e.kind()));
        put(item, "amount", e.amount());
        put(item, "balance_after", e.balanceAfter());
        put(item, "number", e.number());
        put(item, "description", e.description());
        return item;
    }

    static LedgerEntry fromItem(Map<String, AttributeValue> item) {
        return new LedgerEntry(str(item, "account_id"), str(item, "entry_id"), instant(item, "at"), str(item, "kind"),
                money(item, "amount"), money(item, "balance_after"), str(item, "number"), str(item, "description"));
    }
}
