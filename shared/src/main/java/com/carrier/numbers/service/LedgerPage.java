package com.carrier.numbers.service;

import com.carrier.numbers.domain.LedgerEntry;
import java.util.List;

/** Ledger entries newest first; {@code nextStartKey} is null on the last page. */
public record LedgerPage(List<LedgerEntry> entries, String nextStartKey) {
}
