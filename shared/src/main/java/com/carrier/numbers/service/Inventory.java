package com.carrier.numbers.service;

import com.carrier.numbers.domain.Caller;
import com.carrier.numbers.domain.E164;
import com.carrier.numbers.domain.ErrorCode;
import com.carrier.numbers.domain.InventoryNumber;
import com.carrier.numbers.domain.NumberLifecycle;
import com.carrier.numbers.domain.NumberState;
import com.carrier.numbers.domain.PhoneNumber;
import com.carrier.numbers.domain.PlatformException;
import com.carrier.numbers.domain.Rate;
import com.carrier.numbers.domain.RateTable;
import com.carrier.numbers.port.CallActivityStore;
import com.carrier.numbers.port.ConditionFailed;
import com.carrier.numbers.port.InventoryCriterion;
import com.carrier.numbers.port.NumberStore;
import com.carrier.numbers.port.NumberWrite;
import com.carrier.numbers.port.StoreUnavailable;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;

/** The numbers customers can buy: search, browse, operator loads, and the return of aged numbers. */
public class Inventory {
    // Restore-safe (SnapStart): a ThreadLocalRandom captured in the snapshot would give every restored
    // environment the same sequence, so their searches would offer the same numbers to buy.
    private static final SecureRandom RANDOM_START = new SecureRandom();
    private final NumberStore numbers;
    private final RateTable rates;
    private final Clock clock;
    private final CallActivityStore calls;

    public Inventory(NumberStore numbers, RateTable rates, Clock clock) {
        this(numbers, rates, clock, null);
    }

    /** With the call records, which an aged-out number leaves behind: its next customer starts without a cool-off. */
    public Inventory(NumberStore numbers, RateTable rates, Clock clock, CallActivityStore calls) {
        this.numbers = numbers;
        this.rates = rates;
        this.clock = clock;
        this.calls = calls;
    }

    /**
     * Available numbers (and reserved ones whose hold has lapsed) matching {@code q}: exactly
     * min(quantity, matches) E.164 strings, starting at a random point of the matches and wrapping
     * around. Reads O(quantity) items whatever the inventory size.
     */
    public List<String> search(SearchQuery q) {
        return find(q).stream().map(PhoneNumber::number).toList();
    }

    /** Like {@link #search} with prices: what GET /v2/numbers/inventory lists ({@code q.quantity()} is the limit). */
    public List<InventoryNumber> browse(SearchQuery q) {
        return find(q).stream().map(p -> new InventoryNumber(p.number(), p.city(), p.region(), p.country(), p.type(),
                p.setupFee(), p.monthlyCost())).toList();
    }

    private List<PhoneNumber> find(SearchQuery q) {
        if (q.quantity() < 1 || q.quantity() > 100) {
            throw PlatformException.validation("quantity", "quantity must be an integer from 1 to 100");
        }
        String prefix = normalisePrefix(q.prefix());
        String city = blankToNull(q.city());
        String state = blankToNull(q.state());
        if (state != null && !state.matches("[A-Za-z]{2}")) {
            throw PlatformException.validation("state", "state must be a two-letter code such as CA");
        }
        if (prefix == null && city == null && state == null) {
            throw PlatformException.validation("prefix", "give at least one of prefix, city or state");
        }
        // Every criterion is answered by the index keys (see InventoryCriterion), so what is read is what matches.
        InventoryCriterion criterion = new InventoryCriterion(prefix, city == null ? null : city.toUpperCase(Locale.ROOT),
                state == null ? null : state.toUpperCase(Locale.ROOT));
        Instant now = clock.instant();
        // The keys answer the criteria; what is left to filter is a live hold (bounded by the holds customers place).
        Predicate<PhoneNumber> accept = p -> p.state() == NumberState.AVAILABLE || (p.state() == NumberState.RESERVED && !p.heldAt(now));
        // A random start, wrapping around: two customers searching the same prefix rarely get the same first numbers.
        return numbers.purchasable(criterion, RANDOM_START.nextDouble(), q.quantity(), accept);
    }

    /** "415", "415555", "+1415" -> E.164 form with at least the area code; anything else is 400. */
    static String normalisePrefix(String raw) {
        String p = blankToNull(raw);
        if (p == null) {
            return null;
        }
        String digits = p.startsWith("+") ? p.substring(1) : "1" + p;
        if (!digits.matches("[0-9]{4,15}")) {
            throw PlatformException.validation("prefix", "prefix is an area code or longer, e.g. 415 or +1415555");
        }
        return "+" + digits;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    /** Operator load: adds each number not yet known as available, priced from the rate table; returns how many were added. */
    public int load(Caller operator, List<InventoryNumber> list) {
        requireOperator(operator);
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        List<NumberWrite> loads = new ArrayList<>(list.size());
        for (InventoryNumber n : list) {
            loads.add(loadWrite(operator, now, n, null, -1));
        }
        return numbers.addToInventory(loads);
    }

    private static void requireOperator(Caller operator) {
        if (!operator.isAdmin()) {
            throw PlatformException.forbidden("only platform operators load inventory");
        }
    }

    /** Checks a load before it is queued: each number valid E.164 and priced by the rate table (400 naming the entry otherwise). */
    public void validate(Caller operator, List<InventoryNumber> list) {
        requireOperator(operator);
        Instant now = clock.instant();
        for (int i = 0; i < list.size(); i++) {
            try {
                loadWrite(operator, now, list.get(i), null, -1);
            } catch (PlatformException e) {
                throw PlatformException.validation("numbers[" + i + "]." + e.details().getOrDefault("field", "number"),
                        "numbers[" + i + "]: " + e.getMessage());
            }
        }
    }

    /** What happened to one number of a job's load. */
    public record LoadResult(int index, String number, PlatformException refusal) {
    }

    /**
     * A chunk of an operator's load job (items {@code firstIndex}...): the numbers go in many per
     * request, each conditioned on not existing, each with its job item's result in the same
     * transaction. A number already in the platform is refused NUMBER_UNAVAILABLE; a bad entry VALIDATION_ERROR.
     */
    public List<LoadResult> loadForJob(Caller operator, String jobId, int firstIndex, List<InventoryNumber> list) {
        requireOperator(operator);
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        List<LoadResult> results = new ArrayList<>(list.size());
        List<NumberWrite> loads = new ArrayList<>(list.size());
        java.util.Map<String, Integer> indexOf = new java.util.HashMap<>();
        for (int i = 0; i < list.size(); i++) {
            int index = firstIndex + i;
            try {
                NumberWrite w = loadWrite(operator, now, list.get(i), jobId, index);
                if (indexOf.putIfAbsent(w.after().number(), index) != null) {
                    results.add(new LoadResult(index, w.after().number(), duplicate(w.after().number())));
                    continue;
                }
                loads.add(w);
            } catch (PlatformException e) {
                results.add(new LoadResult(index, list.get(i).number(), e));
            }
        }
        java.util.Set<String> added = numbers.addAllToInventory(loads);
        for (NumberWrite w : loads) {
            String n = w.after().number();
            results.add(new LoadResult(indexOf.get(n), n, added.contains(n) ? null : duplicate(n)));
        }
        return results;
    }

    private static PlatformException duplicate(String e164) {
        return new PlatformException(ErrorCode.NUMBER_UNAVAILABLE, e164 + " is already in the platform", java.util.Map.of("number", e164));
    }

    private NumberWrite loadWrite(Caller operator, Instant now, InventoryNumber n, String jobId, int index) {
        String e164 = E164.parse(n.number(), "number");
        String country = n.country() == null || n.country().isBlank() ? E164.regionOf(e164) : n.country().toUpperCase(Locale.ROOT);
        String type = n.type() == null || n.type().isBlank() ? "local" : n.type();
        Rate rate = rates.require(country, type); // stamped now: search, browse and purchase all show this price
        NumberDraft d = new NumberDraft();
        d.number = e164;
        d.state = NumberLifecycle.LOAD.to();
        d.country = country;
        d.region = n.region() == null ? null : n.region().trim().toUpperCase(Locale.ROOT);
        d.city = n.city() == null ? null : n.city().trim();
        d.type = type;
        d.setupFee = rate.setupFee();
        d.monthlyCost = rate.monthlyCost();
        PhoneNumber p = d.build();
        NumberWrite w = NumberWrite.of(null, p, NumberLifecycle.LOAD,
                Audits.change(operator, now, e164, null, NumberLifecycle.LOAD, null));
        return jobId == null ? w : w.withJobItem(new com.carrier.numbers.port.JobItemMark(jobId, index, e164));
    }

    /**
     * Aging is over for {@code number}, wall-clock wise: released -> available once available_at has
     * passed (a number in another state, or not yet due, is left alone).
     */
    public PhoneNumber ageOut(String number) {
        String e164 = E164.parse(number, "number");
        PhoneNumber current = numbers.find(e164).orElseThrow(() -> PlatformException.notFound("number " + e164));
        if (current.state() != NumberState.RELEASED || current.availableAt() == null
                || current.availableAt().isAfter(clock.instant())) {
            return current;
        }
        return ageOut(e164, current.releasedAt()).number();
    }

    /** What became of an aging execution's number. */
    public record AgingOutcome(PhoneNumber number, boolean agedOut) {
    }

    /**
     * The aging workflow's last step: the number released at {@code releasedAt} returns to inventory
     * (search, browse, purchase) with its rate, and the audit trail records AGE_OUT. Conditional on the
     * number still being released from that same release: if it was bought again (and perhaps released
     * again) meanwhile, nothing changes. It does not compare available_at with the clock: the
     * workflow's wait did that, on its own (possibly scaled) time.
     */
    public AgingOutcome ageOut(String number, Instant releasedAt) {
        String e164 = E164.parse(number, "number");
        if (releasedAt == null) {
            throw PlatformException.validation("released_at", "released_at is required");
        }
        try {
            return Retry.onConflict(5, () -> {
                Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
                PhoneNumber before = numbers.find(e164).orElseThrow(() -> PlatformException.notFound("number " + e164));
                if (!NumberLifecycle.AGE_OUT.allows(before.state()) || !releasedAt.equals(before.releasedAt())) {
                    return new AgingOutcome(before, false);
                }
                NumberDraft d = NumberDraft.of(before).clearRental();
                d.state = NumberLifecycle.AGE_OUT.to();
                d.id = null;
                d.releasedAt = null;
                d.availableAt = null;
                d.lastCallAt = null;
                PhoneNumber after = d.build();
                numbers.apply(NumberWrite.of(before, after, NumberLifecycle.AGE_OUT,
                        Audits.change(Caller.SYSTEM, now, e164, before.state(), NumberLifecycle.AGE_OUT, null)));
                if (calls != null) {
                    calls.forget(e164); // the previous customer's calls do not hold the next one to a cool-off
                }
                return new AgingOutcome(after, true);
            });
        } catch (ConditionFailed | StoreUnavailable e) {
            throw new PlatformException(ErrorCode.NUMBER_UNAVAILABLE, e164 + " is being changed by others; try again");
        }
    }
}
