package com.carrier.numbers.service;

import com.carrier.numbers.domain.Caller;
import com.carrier.numbers.domain.NumberUpdate;
import com.carrier.numbers.domain.PhoneNumber;
import java.time.Duration;
import java.util.List;

/**
 * An account's numbers: purchase, reserve, read, configure, release. Every method checks that
 * {@code accountId} is within the caller's scope (403 FORBIDDEN) and that the number belongs to it
 * (404 NOT_FOUND otherwise, so its existence is not revealed).
 */
public class PhoneNumbers {

    /**
     * One transaction: takes the number (available, or reserved by {@code accountId} or with a lapsed
     * hold), debits setup fee + first month from {@code accountId}, writes the ledger entry, the
     * audit record and the counters. Checks in order: request (400), number (409
     * NUMBER_UNAVAILABLE whoever holds it), region (403 INVALID_REGION), balance (402).
     */
    public PhoneNumber purchase(Caller caller, String accountId, String number, NumberUpdate options) {
        throw new UnsupportedOperationException("TODO");
    }

    /** Holds an available number for {@code accountId} until now + {@code hold} (null: the default 15 minutes). */
    public PhoneNumber reserve(Caller caller, String accountId, String number, Duration hold) {
        throw new UnsupportedOperationException("TODO");
    }

    /** A number of {@code accountId} (owned by it or assigned to it), read consistently. */
    public PhoneNumber get(Caller caller, String accountId, String number) {
        throw new UnsupportedOperationException("TODO");
    }

    /** A number by its {@code num_...} id, if the caller may see it. */
    public PhoneNumber getById(Caller caller, String id) {
        throw new UnsupportedOperationException("TODO");
    }

    /** Merges {@code update} into the number's configuration (validated; no lost updates) and answers the whole number. */
    public PhoneNumber update(Caller caller, String accountId, String number, NumberUpdate update) {
        throw new UnsupportedOperationException("TODO");
    }

    /** in_service / reserved / port_in -> released with available_at = now + aging; features cleared; billing stops. */
    public PhoneNumber release(Caller caller, String accountId, String number) {
        throw new UnsupportedOperationException("TODO");
    }

    public PhoneNumber releaseById(Caller caller, String id) {
        throw new UnsupportedOperationException("TODO");
    }

    /** Key-based page of the account's numbers, by number; {@code startKey} is an opaque token from the previous page. */
    public NumberPage list(Caller caller, String accountId, boolean includeSubaccounts, int pageSize, String startKey) {
        throw new UnsupportedOperationException("TODO");
    }

    /** All of the account's numbers (paginate=false); more than {@code max} is 400 VALIDATION_ERROR asking to paginate. */
    public List<PhoneNumber> listAll(Caller caller, String accountId, boolean includeSubaccounts, int max) {
        throw new UnsupportedOperationException("TODO");
    }

    /**
     * GET /v2/numbers: numbers the caller's account owns or has been assigned, optionally with its
     * sub-accounts'; {@code status} filters on the purchase-document status (active, suspended...).
     */
    public OffsetPage listOwned(Caller caller, int limit, int offset, String status, boolean includeSubaccounts) {
        throw new UnsupportedOperationException("TODO");
    }
}
