package com.carrier.numbers.service;

import com.carrier.numbers.domain.Money;
import com.carrier.numbers.domain.PhoneNumber;
import com.carrier.numbers.port.AccountDelta;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Per-account number counters, kept in the same transaction as every change of a number, so
 * totals never come from counting. A number counts once for its owner ({@code owned_<status>})
 * and, when a master assigned it, once for the sub-account ({@code assigned_<status>}). Deltas are
 * derived from the number before and after a change, so every operation keeps them right alike.
 */
final class Counters {
    static final String OWNED = "owned_";
    static final String ASSIGNED = "assigned_";

    private Counters() {
    }

    private static Map<String, Map<String, Long>> contributions(PhoneNumber p) {
        Map<String, Map<String, Long>> out = new HashMap<>();
        if (p != null && p.ownerId() != null) {
            out.computeIfAbsent(p.ownerId(), k -> new HashMap<>()).merge(OWNED + p.status(), 1L, Long::sum);
            if (p.subAccountId() != null) {
                out.computeIfAbsent(p.subAccountId(), k -> new HashMap<>()).merge(ASSIGNED + p.status(), 1L, Long::sum);
            }
        }
        return out;
    }

    /** The account changes of moving from {@code before} to {@code after}, plus an optional debit. */
    static List<AccountDelta> deltas(PhoneNumber before, PhoneNumber after, String debitAccount, Money debit) {
        Map<String, Map<String, Long>> was = contributions(before);
        Map<String, Map<String, Long>> now = contributions(after);
        Set<String> accounts = new LinkedHashSet<>();
        if (debitAccount != null) {
            accounts.add(debitAccount);
        }
        accounts.addAll(was.keySet());
        accounts.addAll(now.keySet());
        List<AccountDelta> out = new ArrayList<>();
        for (String account : accounts) {
            Map<String, Long> change = new HashMap<>();
            now.getOrDefault(account, Map.of()).forEach((k, v) -> change.merge(k, v, Long::sum));
            was.getOrDefault(account, Map.of()).forEach((k, v) -> change.merge(k, -v, Long::sum));
            change.values().removeIf(v -> v == 0);
            AccountDelta d = new AccountDelta(account, account.equals(debitAccount) ? debit : null, change);
            if (!d.isEmpty()) {
                out.add(d);
            }
        }
        return out;
    }

    static List<AccountDelta> deltas(PhoneNumber before, PhoneNumber after) {
        return deltas(before, after, null, null);
    }

    /** Sum of the {@code kind} counters ({@link #OWNED} or {@link #ASSIGNED}), of one status or all (null). */
    static long total(Map<String, Long> counters, String kind, String status) {
        return counters.entrySet().stream()
                .filter(e -> e.getKey().startsWith(kind) && (status == null || e.getKey().equals(kind + status)))
                .mapToLong(Map.Entry::getValue).sum();
    }
}
