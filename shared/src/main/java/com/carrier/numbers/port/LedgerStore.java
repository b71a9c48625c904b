package com.carrier.numbers.port;

import com.carrier.numbers.domain.LedgerEntry;
import java.util.List;

/** Reads an account's ledger; entries are written inside the balance transactions. */
public interface LedgerStore {
    record Page(List<LedgerEntry> entries, String nextStartKey) {
    }

    /** Newest first; {@code startKey} is the opaque key of the previous page (null: from the newest). */
    Page newestFirst(String accountId, int limit, String startKey);
}
