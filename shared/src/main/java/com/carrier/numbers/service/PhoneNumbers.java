package com.carrier.numbers.service;

import com.carrier.numbers.domain.Account;
import com.carrier.numbers.domain.Caller;
import com.carrier.numbers.domain.E164;
import com.carrier.numbers.domain.ErrorCode;
import com.carrier.numbers.domain.LedgerEntry;
import com.carrier.numbers.domain.Money;
import com.carrier.numbers.domain.NumberLifecycle;
import com.carrier.numbers.domain.NumberState;
import com.carrier.numbers.domain.NumberUpdate;
import com.carrier.numbers.domain.PhoneNumber;
import com.carrier.numbers.domain.PlatformException;
import com.carrier.numbers.port.AccountStore;
import com.carrier.numbers.port.ConditionFailed;
import com.carrier.numbers.port.JobItemMark;
import com.carrier.numbers.port.NumberStore;
import com.carrier.numbers.port.NumberWrite;
import com.carrier.numbers.port.StoreUnavailable;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicReference;

/**
 * An account's numbers: purchase, reserve, read, configure, release. Every method checks that
 * {@code accountId} is within the caller's scope (403 FORBIDDEN) and that the number belongs to it
 * (404 NOT_FOUND otherwise, so its existence is not revealed).
 */
public class PhoneNumbers {
    /** Purchases re-read and decide again this often when a racing write changed the number or balance. */
    private static final int PURCHASE_ATTEMPTS = 5;
    /** Updates of one number by many clients: each lost race re-reads and merges again. */
    private static final int UPDATE_ATTEMPTS = 100;
    private static final Set<NumberState> CONFIGURABLE = EnumSet.of(NumberState.IN_SERVICE, NumberState.PORT_IN, NumberState.PORT_OUT);

    private final NumberStore numbers;
    private final AccountStore accounts;
    private final Scope scope;
    private final Clock clock;
    private final Duration aging;
    private final Duration defaultHold;
    private final NumberWorkflows workflows;

    public PhoneNumbers(NumberStore numbers, AccountStore accounts, Scope scope, Clock clock, Duration aging, Duration defaultHold,
                        NumberWorkflows workflows) {
        this.workflows = workflows;
        this.numbers = numbers;
        this.accounts = accounts;
        this.scope = scope;
        this.clock = clock;
        this.aging = aging;
        this.defaultHold = defaultHold;
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.SECONDS);
    }

    /**
     * One transaction: takes the number (available, or reserved by {@code accountId} or with a lapsed
     * hold), debits setup fee + first month from {@code accountId}, writes the ledger entry, the
     * audit record and the counters. Checks in order: request (400), number (409
     * NUMBER_UNAVAILABLE whoever holds it), region (403 INVALID_REGION), balance (402).
     */
    public PhoneNumber purchase(Caller caller, String accountId, String number, NumberUpdate options) {
        return purchase(caller, accountId, number, options, null);
    }

    /** {@link #purchase} as item {@code job} of a bulk job: the item's result is written in the purchase's transaction. */
    public PhoneNumber purchase(Caller caller, String accountId, String number, NumberUpdate options, JobItemMark job) {
        String e164 = E164.parse(number, "number");
        NumberUpdate opts = options == null ? NumberUpdate.NONE : options;
        NumberUpdates.validate(opts);
        // The scope check reads the buyer's account: the first attempt uses that read, retries read afresh.
        AtomicReference<Account> scopedRead = new AtomicReference<>(scope.require(caller, accountId));
        try {
            return Retry.onConflict(PURCHASE_ATTEMPTS, () -> tryPurchase(caller, accountId, e164, opts, scopedRead.getAndSet(null), job));
        } catch (ConditionFailed | StoreUnavailable e) {
            // The store kept refusing: a fresh read tells whether someone else won (409) or the balance ran out (402).
            explainRefusal(accountId, e164);
            throw new PlatformException(ErrorCode.PURCHASE_FAILED, "the purchase of " + e164 + " could not be completed; try again");
        }
    }

    private void explainRefusal(String accountId, String e164) {
        Instant now = now();
        PhoneNumber current = numbers.find(e164).orElse(null);
        if (current == null || !purchasableBy(current, accountId, now)) {
            throw unavailable(e164);
        }
        accounts.find(accountId).filter(a -> a.balance().compareTo(current.setupFee().plus(current.monthlyCost())) < 0)
                .ifPresent(a -> {
                    throw insufficientCredit(a, current.setupFee().plus(current.monthlyCost()));
                });
    }

    private PhoneNumber tryPurchase(Caller caller, String accountId, String e164, NumberUpdate opts, Account alreadyRead,
                                    JobItemMark job) {
        Instant now = now();
        PhoneNumber before = numbers.find(e164)
                .filter(p -> purchasableBy(p, accountId, now))
                .orElseThrow(() -> unavailable(e164));
        Account account = alreadyRead != null ? alreadyRead
                : accounts.find(accountId).orElseThrow(() -> PlatformException.notFound("account " + accountId));
        if (!account.mayBuyIn(before.country(), before.region())) {
            throw new PlatformException(ErrorCode.INVALID_REGION, "account " + accountId + " may not buy numbers in "
                    + before.country() + (before.region() == null ? "" : "-" + before.region()));
        }
        Money price = before.setupFee().plus(before.monthlyCost());
        if (account.balance().compareTo(price) < 0) {
            throw insufficientCredit(account, price);
        }
        NumberDraft d = NumberDraft.of(before).clearRental();
        d.state = NumberLifecycle.PURCHASE.to();
        d.id = Ids.next("num_");
        d.ownerId = accountId;
        d.purchasedAt = now;
        d.expiresAt = now.atZone(ZoneOffset.UTC).plusYears(1).toInstant();
        d.nextCharge = now.atZone(ZoneOffset.UTC).plusMonths(1).toInstant();
        d.releasedAt = null;
        d.availableAt = null;
        d.lastCallAt = null; // a new customer: the previous one's calls do not hold this one to a cool-off
        NumberUpdates.merge(d, opts);
        PhoneNumber after = d.build();
        LedgerEntry debit = new LedgerEntry(accountId, Ids.next("led_"), now, "setup_fee_and_first_month",
                Money.ZERO.minus(price), null, e164, "setup fee and first month of " + e164);
        // A lost race (number taken, balance moved) throws ConditionFailed: Retry reads and decides again.
        numbers.apply(new NumberWrite(before, after, NumberLifecycle.PURCHASE,
                Counters.deltas(before, after, accountId, price), debit,
                Audits.change(caller, now, e164, before.state(), NumberLifecycle.PURCHASE, accountId)).withJobItem(job));
        return after;
    }

    private static boolean purchasableBy(PhoneNumber p, String accountId, Instant now) {
        return NumberLifecycle.PURCHASE.allows(p.state())
                && (!p.heldAt(now) || accountId.equals(p.holdAccountId()));
    }

    private static PlatformException unavailable(String e164) {
        return new PlatformException(ErrorCode.NUMBER_UNAVAILABLE, e164 + " is not available", Map.of("number", e164));
    }

    private static PlatformException insufficientCredit(Account account, Money price) {
        return new PlatformException(ErrorCode.INSUFFICIENT_CREDIT, "the balance does not cover " + price,
                Map.of("required", price.toDecimal(), "balance", account.balance().toDecimal()));
    }

    /** Holds an available number for {@code accountId} until now + {@code hold} (null: the default 15 minutes). */
    public PhoneNumber reserve(Caller caller, String accountId, String number, Duration hold) {
        String e164 = E164.parse(number, "number");
        Duration length = hold == null ? defaultHold : hold;
        if (length.isNegative() || length.isZero() || length.compareTo(Duration.ofDays(1)) > 0) {
            throw PlatformException.validation("hold", "a hold lasts more than 0 seconds and at most one day");
        }
        Account account = scope.require(caller, accountId);
        try {
            return Retry.onConflict(PURCHASE_ATTEMPTS, () -> {
                Instant now = now();
                PhoneNumber before = numbers.find(e164)
                        .filter(p -> NumberLifecycle.RESERVE.allows(p.state()))
                        .filter(p -> !p.heldAt(now) || accountId.equals(p.holdAccountId()))
                        .orElseThrow(() -> unavailable(e164));
                if (!account.mayBuyIn(before.country(), before.region())) {
                    throw new PlatformException(ErrorCode.INVALID_REGION, "account " + accountId + " may not buy numbers in " + before.country());
                }
                NumberDraft d = NumberDraft.of(before);
                d.state = NumberLifecycle.RESERVE.to();
                d.holdAccountId = accountId;
                d.holdUntil = now.plus(length);
                PhoneNumber after = d.build();
                numbers.apply(NumberWrite.of(before, after, NumberLifecycle.RESERVE,
                        Audits.change(caller, now, e164, before.state(), NumberLifecycle.RESERVE, accountId)));
                return after;
            });
        } catch (ConditionFailed | StoreUnavailable e) {
            throw unavailable(e164);
        }
    }

    /** A number of {@code accountId} (owned by it or assigned to it), read consistently. */
    public PhoneNumber get(Caller caller, String accountId, String number) {
        String e164 = E164.parse(number, "number");
        scope.require(caller, accountId);
        return numbers.find(e164).filter(p -> belongsTo(p, accountId, now())).orElseThrow(() -> PlatformException.notFound("number " + e164));
    }

    private static boolean belongsTo(PhoneNumber p, String accountId, Instant now) {
        return accountId.equals(p.ownerId()) || accountId.equals(p.subAccountId())
                || (p.heldAt(now) && accountId.equals(p.holdAccountId()));
    }

    /** A number by its {@code num_...} id, if the caller may see it. */
    public PhoneNumber getById(Caller caller, String id) {
        return byId(caller, id);
    }

    private PhoneNumber byId(Caller caller, String id) {
        if (id == null || !id.matches("num_[0-9a-f]{1,64}")) {
            throw PlatformException.notFound("number " + id);
        }
        return numbers.numberForId(id)
                .flatMap(numbers::find)
                .filter(p -> id.equals(p.id()))
                .filter(p -> scope.allows(caller, p.ownerId()) || scope.allows(caller, p.subAccountId()))
                .orElseThrow(() -> PlatformException.notFound("number " + id));
    }

    /** Merges {@code update} into the number's configuration (validated; no lost updates) and answers the whole number. */
    public PhoneNumber update(Caller caller, String accountId, String number, NumberUpdate update) {
        return update(caller, accountId, number, update, null);
    }

    /** {@link #update} as item {@code job} of a bulk job (its result written in the update's transaction). */
    public PhoneNumber update(Caller caller, String accountId, String number, NumberUpdate update, JobItemMark job) {
        String e164 = E164.parse(number, "number");
        NumberUpdate u = update == null ? NumberUpdate.NONE : update;
        NumberUpdates.validate(u);
        scope.require(caller, accountId);
        try {
            return Retry.onConflict(UPDATE_ATTEMPTS, () -> {
                PhoneNumber before = numbers.find(e164)
                        .filter(p -> accountId.equals(p.ownerId()) || accountId.equals(p.subAccountId()))
                        .filter(p -> CONFIGURABLE.contains(p.state()))
                        .orElseThrow(() -> PlatformException.notFound("number " + e164));
                if (u.isEmpty()) {
                    return before;
                }
                NumberDraft d = NumberDraft.of(before);
                NumberUpdates.merge(d, u);
                PhoneNumber after = d.build();
                numbers.apply(NumberWrite.of(before, after, null, null).withJobItem(job)); // conditioned on the version read
                return after;
            });
        } catch (ConditionFailed | StoreUnavailable e) {
            throw new PlatformException(ErrorCode.NUMBER_UNAVAILABLE, e164 + " is being changed by others; try again");
        }
    }

    /**
     * in_service / port_in -> released with available_at = now + aging; features cleared; billing
     * stops. A reserved number was never in service: its holder's release cancels the hold
     * (CANCEL_HOLD) and it is back in inventory at once, without aging (DESIGN.md section 3).
     * A released number starts its aging execution, which returns it to inventory at available_at
     * (if the start is lost, the overdue sweep does).
     */
    public PhoneNumber release(Caller caller, String accountId, String number) {
        return release(caller, accountId, number, null);
    }

    /** {@link #release} as item {@code job} of a bulk job (its result written in the release's transaction). */
    public PhoneNumber release(Caller caller, String accountId, String number, JobItemMark job) {
        PhoneNumber after = releaseOnly(caller, accountId, number, job);
        if (after.state() == NumberState.RELEASED) {
            workflows.startAging(after);
        }
        return after;
    }

    private PhoneNumber releaseOnly(Caller caller, String accountId, String number, JobItemMark job) {
        String e164 = E164.parse(number, "number");
        scope.require(caller, accountId);
        try {
            return Retry.onConflict(PURCHASE_ATTEMPTS, () -> {
                Instant now = now();
                PhoneNumber before = numbers.find(e164)
                        .filter(p -> accountId.equals(p.ownerId()) || (p.heldAt(now) && accountId.equals(p.holdAccountId())))
                        .orElseThrow(() -> PlatformException.notFound("number " + e164));
                if (before.state() == NumberState.RESERVED) {
                    return cancelHold(caller, accountId, before, now);
                }
                if (!NumberLifecycle.RELEASE.allows(before.state())) {
                    throw new PlatformException(ErrorCode.NUMBER_UNAVAILABLE, e164 + " cannot be released while " + before.state().wire());
                }
                NumberDraft d = NumberDraft.of(before).clearRental();
                d.state = NumberLifecycle.RELEASE.to();
                d.releasedAt = now;
                d.availableAt = now.plus(aging);
                PhoneNumber after = d.build();
                numbers.apply(new NumberWrite(before, after, NumberLifecycle.RELEASE, Counters.deltas(before, after), null,
                        Audits.change(caller, now, e164, before.state(), NumberLifecycle.RELEASE, accountId)).withJobItem(job));
                return after;
            });
        } catch (ConditionFailed | StoreUnavailable e) {
            throw new PlatformException(ErrorCode.NUMBER_UNAVAILABLE, e164 + " is being changed by others; try again");
        }
    }

    private PhoneNumber cancelHold(Caller caller, String accountId, PhoneNumber before, Instant now) {
        NumberDraft d = NumberDraft.of(before);
        d.state = NumberLifecycle.CANCEL_HOLD.to();
        d.holdAccountId = null;
        d.holdUntil = null;
        PhoneNumber after = d.build();
        numbers.apply(NumberWrite.of(before, after, NumberLifecycle.CANCEL_HOLD,
                Audits.change(caller, now, before.number(), before.state(), NumberLifecycle.CANCEL_HOLD, accountId)));
        return after;
    }

    public PhoneNumber releaseById(Caller caller, String id) {
        PhoneNumber p = byId(caller, id);
        if (p.ownerId() == null || !scope.allows(caller, p.ownerId())) {
            throw PlatformException.notFound("number " + id); // an assigned sub-account cannot release its master's number
        }
        return release(caller, p.ownerId(), p.number());
    }

    /** Key-based page of the account's numbers, by number; {@code startKey} is an opaque token from the previous page. */
    public NumberPage list(Caller caller, String accountId, boolean includeSubaccounts, int pageSize, String startKey) {
        if (pageSize < 1 || pageSize > 100) {
            throw PlatformException.validation("page_size", "page_size must be an integer from 1 to 100");
        }
        scope.require(caller, accountId);
        List<PhoneNumber> page = merged(sources(accountId, includeSubaccounts), decodeKey(startKey), pageSize + 1);
        if (page.size() > pageSize) {
            List<PhoneNumber> shown = page.subList(0, pageSize);
            return new NumberPage(List.copyOf(shown), encodeKey(shown.get(pageSize - 1).number()));
        }
        return new NumberPage(page, null);
    }

    /** All of the account's numbers (paginate=false); more than {@code max} is 400 VALIDATION_ERROR asking to paginate. */
    public List<PhoneNumber> listAll(Caller caller, String accountId, boolean includeSubaccounts, int max) {
        scope.require(caller, accountId);
        List<PhoneNumber> all = merged(sources(accountId, includeSubaccounts), null, max + 1);
        if (all.size() > max) {
            throw PlatformException.validation("paginate", "the account has more than " + max + " numbers; use paginate=true with page_size");
        }
        return all;
    }

    /**
     * GET /v2/numbers: numbers the caller's account owns or has been assigned, optionally with its
     * sub-accounts'; {@code status} filters on the purchase-document status (active, suspended...).
     */
    public OffsetPage listOwned(Caller caller, int limit, int offset, String status, boolean includeSubaccounts) {
        if (limit < 1 || limit > 100) {
            throw PlatformException.validation("limit", "limit must be an integer from 1 to 100");
        }
        if (offset < 0 || offset > 10_000) {
            throw PlatformException.validation("offset", "offset must be an integer from 0 to 10000");
        }
        String accountId = caller.accountId();
        List<Source> sources = sources(accountId, includeSubaccounts);
        // Walk the merged, number-ordered list until offset + limit matching numbers (+1 to know if more follow).
        List<PhoneNumber> matching = new ArrayList<>();
        String after = null;
        int want = offset + limit + 1;
        while (matching.size() < want) {
            List<PhoneNumber> chunk = merged(sources, after, 100);
            for (PhoneNumber p : chunk) {
                if (status == null || status.equals(p.status())) {
                    matching.add(p);
                }
            }
            if (chunk.size() < 100) {
                break;
            }
            after = chunk.get(chunk.size() - 1).number();
        }
        // an offset past the end is an empty page
        List<PhoneNumber> shown = List.copyOf(matching.subList(Math.min(offset, matching.size()), Math.min(matching.size(), offset + limit)));
        String nextKey = matching.size() > offset + limit ? Integer.toString(offset + limit) : null;
        return new OffsetPage(shown, total(accountId, includeSubaccounts, status), limit, offset, nextKey);
    }

    /** From the counters: the account's own and assigned numbers, plus its sub-accounts' own (their assigned ones are ours). */
    private long total(String accountId, boolean includeSubaccounts, String status) {
        Map<String, Long> mine = accounts.counters(accountId);
        long total = Counters.total(mine, Counters.OWNED, status) + Counters.total(mine, Counters.ASSIGNED, status);
        if (includeSubaccounts) {
            for (String child : accounts.children(accountId)) {
                total += Counters.total(accounts.counters(child), Counters.OWNED, status);
            }
        }
        return total;
    }

    /** One number-ordered listing: owned by, or assigned to, one account. */
    private record Source(String accountId, boolean assigned) {
    }

    private List<Source> sources(String accountId, boolean includeSubaccounts) {
        List<Source> out = new ArrayList<>();
        out.add(new Source(accountId, false));
        out.add(new Source(accountId, true));
        if (includeSubaccounts) {
            for (String child : accounts.children(accountId)) {
                out.add(new Source(child, false)); // what the children assigned to them is ours already
            }
        }
        return out;
    }

    /** The first {@code limit} numbers after {@code afterNumber} across the sources, in number order, each once. */
    private List<PhoneNumber> merged(List<Source> sources, String afterNumber, int limit) {
        TreeMap<String, PhoneNumber> byNumber = new TreeMap<>();
        for (Source s : sources) {
            List<PhoneNumber> part = s.assigned() ? numbers.assignedTo(s.accountId(), afterNumber, limit)
                    : numbers.ownedBy(s.accountId(), afterNumber, limit);
            part.forEach(p -> byNumber.putIfAbsent(p.number(), p));
        }
        return byNumber.values().stream().limit(limit).toList();
    }

    private static String encodeKey(String number) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(number.getBytes(StandardCharsets.UTF_8));
    }

    private static String decodeKey(String key) {
        if (key == null || key.isBlank()) {
            return null;
        }
        try {
            String number = new String(Base64.getUrlDecoder().decode(key), StandardCharsets.UTF_8);
            if (number.matches("\\+[0-9]{2,15}")) {
                return number;
            }
        } catch (IllegalArgumentException ignored) {
            // falls through to the validation error
        }
        throw PlatformException.validation("start_key", "start_key is not a key this API gave out");
    }
}
