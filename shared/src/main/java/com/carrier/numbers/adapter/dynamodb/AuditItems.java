package com.carrier.numbers.adapter.dynamodb;

import static com.carrier.numbers.adapter.dynamodb.Attrs.*;

import com.carrier.numbers.domain.AuditRecord;
import com.carrier.numbers.domain.NumberState;
import java.util.HashMap;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The one mapping between {@link AuditRecord} and an Audit item; at_seq sorts by time (ms) with a random tie-breaker. */
final class AuditItems {
    private AuditItems() {
    }

    static Map<String, AttributeValue> toItem(AuditRecord r) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put("number", s(r.number()));
        item.put("at_seq", s(sortKey(r.at())));
        item.put("at", s(r.at().toString()));
        put(item, "action", r.action());
        put(item, "from_state", r.fromState() == null ? null : r.fromState().wire());
        put(item, "to_state", r.toState() == null ? null : r.toState().wire());
        put(item, "actor_account_id", r.actorAccountId());
        put(item, "actor_auth_id", r.actorAuthId());
        put(item, "account_id", r.accountId());
        put(item, "reason", r.reason());
        if (r.forced()) {
            item.put("forced", bool(true));
        }
        put(item, "cool_off_until", r.coolOffUntil());
        return item;
    }

    static AuditRecord fromItem(Map<String, AttributeValue> item) {
        String from = str(item, "from_state");
        String to = str(item, "to_state");
        return new AuditRecord(str(item, "number"), instant(item, "at"), str(item, "action"),
                from == null ? null : NumberState.fromWire(from), to == null ? null : NumberState.fromWire(to),
                str(item, "actor_account_id"), str(item, "actor_auth_id"), str(item, "account_id"), str(item, "reason"),
                Boolean.TRUE.equals(bool(item, "forced")), instant(item, "cool_off_until"));
    }
}
