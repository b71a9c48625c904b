package com.carrier.numbers.service;

import com.carrier.numbers.domain.Caller;
import com.carrier.numbers.domain.InventoryNumber;
import com.carrier.numbers.domain.PhoneNumber;
import java.util.List;

/** The numbers customers can buy: search, browse, operator loads, and the return of aged numbers. */
public class Inventory {

    /**
     * Available numbers (and reserved ones whose hold has lapsed) matching {@code q}: exactly
     * min(quantity, matches) E.164 strings, starting at a random point of the matches and wrapping
     * around. Reads O(quantity) items whatever the inventory size.
     */
    public List<String> search(SearchQuery q) {
        throw new UnsupportedOperationException("TODO");
    }

    /** Like {@link #search} with prices: what GET /v2/numbers/inventory lists ({@code q.quantity()} is the limit). */
    public List<InventoryNumber> browse(SearchQuery q) {
        throw new UnsupportedOperationException("TODO");
    }

    /** Operator load: adds each number not yet known as available, priced from the rate table; returns how many were added. */
    public int load(Caller operator, List<InventoryNumber> numbers) {
        throw new UnsupportedOperationException("TODO");
    }

    /** Aging is over for {@code number}: released -> available (idempotent: a number in another state is left alone). */
    public PhoneNumber ageOut(String number) {
        throw new UnsupportedOperationException("TODO");
    }
}
