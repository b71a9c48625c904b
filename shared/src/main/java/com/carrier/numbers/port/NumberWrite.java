package com.carrier.numbers.port;

import com.carrier.numbers.domain.AuditRecord;
import com.carrier.numbers.domain.LedgerEntry;
import com.carrier.numbers.domain.NumberLifecycle;
import com.carrier.numbers.domain.PhoneNumber;
import java.util.List;

/**
 * One atomic change of a number: its new version, conditioned on the version read
 * ({@code before}) and, for a change of state, on {@code action.from()}; plus the account
 * movements, the ledger entry and the audit record that go with it.
 *
 * @param before   the number as read (null when the action creates it)
 * @param after    the number after the change (null when the action removes it)
 * @param action   the lifecycle row this change follows; null for a change that keeps the state
 * @param accounts balance debits and counter changes, each conditioned on the balance covering the debit
 * @param ledger   the ledger entry of the debit, or null
 * @param audit    the audit record, or null when the state does not change and nothing is overridden
 * @param jobItem  the bulk job item this change carries out (marked succeeded in the same transaction), or null
 */
public record NumberWrite(
        PhoneNumber before,
        PhoneNumber after,
        NumberLifecycle action,
        List<AccountDelta> accounts,
        LedgerEntry ledger,
        AuditRecord audit,
        JobItemMark jobItem) {

    public NumberWrite(PhoneNumber before, PhoneNumber after, NumberLifecycle action, List<AccountDelta> accounts,
                       LedgerEntry ledger, AuditRecord audit) {
        this(before, after, action, accounts, ledger, audit, null);
    }

    public NumberWrite {
        accounts = accounts == null ? List.of() : List.copyOf(accounts);
        if (action != null && before != null && !action.allows(before.state())) {
            throw new IllegalStateException(action + " does not apply to a number in " + before.state());
        }
        if ((after == null) != (action != null && action.removesNumber())) {
            throw new IllegalStateException(action + " and a " + (after == null ? "missing" : "new") + " number do not go together");
        }
        if (action != null && after != null && after.state() != action.to()) {
            throw new IllegalStateException(action + " leads to " + action.to() + ", not " + after.state());
        }
    }

    /** The same change, carried out for a bulk job's item (null: for no job). */
    public NumberWrite withJobItem(JobItemMark mark) {
        return new NumberWrite(before, after, action, accounts, ledger, audit, mark);
    }

    public static NumberWrite of(PhoneNumber before, PhoneNumber after, NumberLifecycle action, AuditRecord audit) {
        return new NumberWrite(before, after, action, List.of(), null, audit);
    }
}
