package com.carrier.numbers.service;

import com.carrier.numbers.domain.LedgerEntry;
import com.carrier.numbers.domain.Money;
import com.carrier.numbers.domain.NumberState;
import com.carrier.numbers.domain.PhoneNumber;
import com.carrier.numbers.port.AccountStore;
import com.carrier.numbers.port.NumberStore;
import com.carrier.numbers.port.NumberWrite;
import com.carrier.numbers.port.ProvisioningQueue;
import com.carrier.numbers.port.ProvisioningTask.RenewalDue;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.BooleanSupplier;

/**
 * The monthly renewal run (scheduled): charge each in-service number whose next_charge has come.
 * Due numbers come from a sparse index (ByRenewal) that only in-service, paid-up numbers carry,
 * keyed by next_charge, so a run reads just what is due, not every account's numbers.
 */
public class Renewals {
    private static final int BATCH = 100;
    private static final int ATTEMPTS = 5;

    enum Outcome { CHARGED, SUSPENDED, SKIPPED }

    private final NumberStore numbers;
    private final AccountStore accounts;
    private final Clock clock;
    private final ProvisioningQueue queue;

    public Renewals(NumberStore numbers, AccountStore accounts, Clock clock) {
        this(numbers, accounts, clock, null);
    }

    /** With the provisioning queue, which {@link #enqueueDue} fills and whose consumer calls {@link #renewQueued}. */
    public Renewals(NumberStore numbers, AccountStore accounts, Clock clock, ProvisioningQueue queue) {
        this.numbers = numbers;
        this.accounts = accounts;
        this.clock = clock;
        this.queue = queue;
    }

    /** Whether the hourly run queues what is due ({@link #enqueueDue}) rather than charging it itself. */
    public boolean queued() {
        return queue != null;
    }

    /**
     * The hourly run: puts every number now due on the provisioning queue (group = owner, so one
     * account's charges never race for its balance) instead of charging them all in this run;
     * renewal capacity grows with the consumer's concurrency. A number still due at the next run
     * (not yet charged) is queued again; charging it twice is impossible ({@link #renewQueued}
     * re-reads next_charge). Answers how many were queued.
     */
    public int enqueueDue() {
        if (queue == null) {
            throw new IllegalStateException("this platform was built without the provisioning queue");
        }
        List<RenewalDue> page = new ArrayList<>(BATCH);
        int[] queued = {0};
        numbers.scanDueForRenewal(clock.instant(), due -> {
            page.add(due);
            if (page.size() == BATCH) {
                queue.enqueue(List.copyOf(page));
                queued[0] += page.size();
                page.clear();
            }
        });
        if (!page.isEmpty()) {
            queue.enqueue(List.copyOf(page));
            queued[0] += page.size();
        }
        return queued[0];
    }

    /** One due renewal from the queue: charged, suspended, or skipped if it is no longer due (already charged). */
    public String renewQueued(RenewalDue due) {
        return renew(due.number()).name().toLowerCase(java.util.Locale.ROOT);
    }

    /** Charges due numbers one month each and moves next_charge on; suspends those the owner cannot pay. */
    public RenewalReport renewDue() {
        return renewDue(() -> true);
    }

    /**
     * Like {@link #renewDue()}, stopping between numbers once {@code hasTime} says no (the scheduled run
     * passes its Lambda deadline; what is left stays due for the next run). A number that fails is
     * counted and named in the report, left for the next run, and does not stop the others.
     */
    public RenewalReport renewDue(BooleanSupplier hasTime) {
        int charged = 0;
        int suspended = 0;
        List<String> failed = new ArrayList<>();
        Set<String> tried = new HashSet<>();
        while (true) {
            List<String> due = numbers.dueForRenewal(clock.instant(), BATCH);
            List<String> fresh = due.stream().filter(tried::add).toList();
            if (fresh.isEmpty()) {
                return new RenewalReport(charged, suspended, failed.size(), failed, false);
            }
            for (String number : fresh) {
                if (!hasTime.getAsBoolean()) {
                    return new RenewalReport(charged, suspended, failed.size(), failed, true);
                }
                try {
                    switch (renew(number)) {
                        case CHARGED -> charged++;
                        case SUSPENDED -> suspended++;
                        case SKIPPED -> { }
                    }
                } catch (RuntimeException e) {
                    // One number's fault (a conflict that outlasted the retries, a throttle, bad data) must not
                    // stop the renewal of every number after it; it is reported and stays due.
                    failed.add(number);
                }
            }
        }
    }

    /** A top-up came in: charge the account's suspended numbers again (oldest due first, as far as the balance goes). */
    public RenewalReport retrySuspended(String accountId) {
        int charged = 0;
        int suspended = 0;
        List<String> failed = new ArrayList<>();
        String after = null;
        List<PhoneNumber> page;
        do {
            page = numbers.ownedBy(accountId, after, BATCH);
            for (PhoneNumber p : page) {
                if (p.suspended()) {
                    try {
                        if (renew(p.number()) == Outcome.CHARGED) {
                            charged++;
                        } else {
                            suspended++;
                        }
                    } catch (RuntimeException e) {
                        failed.add(p.number()); // left suspended; the next top-up or renewal run tries again
                    }
                }
            }
            after = page.isEmpty() ? null : page.get(page.size() - 1).number();
        } while (page.size() == BATCH);
        return new RenewalReport(charged, suspended, failed.size(), failed, false);
    }

    /** One month of one number: charged if the owner's balance covers it, else the number is suspended. */
    Outcome renew(String number) {
        return Retry.onConflict(ATTEMPTS, () -> {
            Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
            PhoneNumber before = numbers.find(number).orElse(null);
            if (before == null || before.state() != NumberState.IN_SERVICE || before.ownerId() == null
                    || before.nextCharge() == null || (!before.suspended() && before.nextCharge().isAfter(now))) {
                return Outcome.SKIPPED;
            }
            Money cost = before.monthlyCost();
            Money balance = accounts.find(before.ownerId()).map(a -> a.balance()).orElse(Money.ZERO);
            NumberDraft d = NumberDraft.of(before);
            if (balance.compareTo(cost) < 0) {
                if (before.suspended()) {
                    return Outcome.SUSPENDED;
                }
                d.suspended = true;
                PhoneNumber after = d.build();
                numbers.apply(new NumberWrite(before, after, null, Counters.deltas(before, after), null, null));
                return Outcome.SUSPENDED;
            }
            d.suspended = false;
            d.nextCharge = before.nextCharge().atZone(ZoneOffset.UTC).plusMonths(1).toInstant();
            if (before.expiresAt() != null && !d.nextCharge.isBefore(before.expiresAt())) {
                d.expiresAt = before.expiresAt().atZone(ZoneOffset.UTC).plusYears(1).toInstant(); // paid up: the yearly date moves on
            }
            PhoneNumber after = d.build();
            LedgerEntry entry = new LedgerEntry(before.ownerId(), Ids.next("led_"), now, "monthly_renewal",
                    Money.ZERO.minus(cost), null, number, "monthly charge of " + number + " due " + before.nextCharge());
            // The balance condition is in the transaction: a racing charge that empties it makes this one re-read.
            numbers.apply(new NumberWrite(before, after, null, Counters.deltas(before, after, before.ownerId(), cost), entry, null));
            return Outcome.CHARGED;
        });
    }
}
