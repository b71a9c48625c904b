package com.carrier.numbers.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.carrier.numbers.domain.Assignment;
import com.carrier.numbers.domain.Caller;
import com.carrier.numbers.domain.Cnam;
import com.carrier.numbers.domain.E911Address;
import com.carrier.numbers.domain.ErrorCode;
import com.carrier.numbers.domain.LedgerEntry;
import com.carrier.numbers.domain.Money;
import com.carrier.numbers.domain.NumberUpdate;
import com.carrier.numbers.domain.PhoneNumber;
import com.carrier.numbers.domain.PlatformException;
import com.carrier.numbers.domain.Prepend;
import com.carrier.numbers.testing.PlatformFixture;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Racing requests on DynamoDB Local: no double sale, no overdraft, no lost update. */
class ConcurrencyTest {
    static PlatformFixture f;
    static PhoneNumbers numbers;

    @BeforeAll
    static void platform() {
        f = PlatformFixture.create();
        numbers = f.platform.phoneNumbers();
        f.load("+17185550100", 120, "Brooklyn", "NY");
    }

    /** Runs {@code n} tasks on {@code threads} threads, all released at once; returns what each answered. */
    static <T> List<Object> race(int n, int threads, IntFunction<T> task) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Object>> futures = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int index = i;
            futures.add(pool.submit(() -> {
                go.await();
                try {
                    return task.apply(index);
                } catch (PlatformException e) {
                    return e.code();
                }
            }));
        }
        go.countDown();
        List<Object> out = new ArrayList<>();
        for (Future<Object> fu : futures) {
            out.add(fu.get(60, TimeUnit.SECONDS));
        }
        pool.shutdown();
        return out;
    }

    @Test
    void fiftyBuyersOfOneNumberGiveExactlyOneSale() throws Exception {
        List<Caller> buyers = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            buyers.add(f.master("MA_buyer" + i, "5.00"));
        }
        List<Object> results = race(50, 50, i -> numbers.purchase(buyers.get(i), buyers.get(i).accountId(), "+17185550100", null));

        assertThat(results).filteredOn(r -> r instanceof PhoneNumber).hasSize(1);
        assertThat(results).filteredOn(r -> !(r instanceof PhoneNumber)).hasSize(49).containsOnly(ErrorCode.NUMBER_UNAVAILABLE);
        long charged = buyers.stream().filter(b -> f.account(b.accountId()).balance().equals(Money.of("3.01"))).count();
        long untouched = buyers.stream().filter(b -> f.account(b.accountId()).balance().equals(Money.of("5.00"))).count();
        assertThat(charged).isEqualTo(1);
        assertThat(untouched).isEqualTo(49);
        assertThat(f.platform.auditTrail().forNumber(f.admin, "+17185550100")).extracting(a -> a.action()).containsExactly("load", "purchase");
        // the losers: their ledger is the opening credit alone, their counters count nothing
        for (Caller loser : buyers.stream().filter(b -> f.account(b.accountId()).balance().equals(Money.of("5.00"))).toList()) {
            assertThat(f.platform.accounts().ledger(loser, loser.accountId(), 10, null).entries()).as(loser.accountId()).hasSize(1);
            assertThat(numbers.listOwned(loser, 10, 0, null, false).total()).as(loser.accountId()).isZero();
        }
    }

    @Test
    void purchasesRacingOneBalanceNeverOverdrawItAndTheLedgerAddsUp() throws Exception {
        Caller racer = f.master("MA_racer", "39.80"); // covers exactly 20 numbers at 1.99
        List<Object> results = race(100, 16, i -> numbers.purchase(racer, "MA_racer", "+1718555" + String.format("%04d", 101 + i), null));

        long soldCount = results.stream().filter(r -> r instanceof PhoneNumber).count();
        assertThat(results).filteredOn(r -> !(r instanceof PhoneNumber)).containsOnly(ErrorCode.INSUFFICIENT_CREDIT);
        assertThat(soldCount).isEqualTo(20);
        Money balance = f.account("MA_racer").balance();
        assertThat(balance).isEqualTo(Money.ZERO);

        List<LedgerEntry> ledger = new ArrayList<>();
        String key = null;
        do {
            LedgerPage page = f.platform.accounts().ledger(racer, "MA_racer", 100, key);
            ledger.addAll(page.entries());
            key = page.nextStartKey();
        } while (key != null);
        Money sum = ledger.stream().map(LedgerEntry::amount).reduce(Money.ZERO, Money::plus);
        Money debits = ledger.stream().map(LedgerEntry::amount).filter(m -> !m.isPositive()).reduce(Money.ZERO, Money::plus);
        assertThat(sum).isEqualTo(balance);
        assertThat(debits).isEqualTo(Money.ZERO.minus(Money.of("1.99")).minus(Money.of("37.81")));
        assertThat(ledger).filteredOn(e -> !e.amount().isPositive()).hasSize(20);
        assertThat(numbers.listOwned(racer, 100, 0, null, false).total()).isEqualTo(20);
        assertThat(ledger).hasSize(21); // the credit and the 20 sales: no entry for a refused purchase

        // the 80 numbers not sold are still in inventory, unowned, never touched
        Set<String> sold = new java.util.HashSet<>();
        numbers.listOwned(racer, 100, 0, null, false).numbers().forEach(p -> sold.add(p.number()));
        assertThat(sold).hasSize(20);
        List<String> unsold = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            String n = "+1718555" + String.format("%04d", 101 + i);
            if (!sold.contains(n)) {
                unsold.add(n);
            }
        }
        assertThat(unsold).hasSize(80).allSatisfy(n -> {
            assertThat(f.platform.inventory().search(new SearchQuery(n, null, null, 1))).containsExactly(n);
            assertThat(f.platform.auditTrail().forNumber(f.admin, n)).extracting(a -> a.action()).containsExactly("load");
        });
    }

    @Test
    void concurrentUpdatesOfDifferentFieldsAreAllKept() throws Exception {
        Caller owner = f.master("MA_busy", "5.00");
        numbers.purchase(owner, "MA_busy", "+17185550210", null);
        int rounds = 5;
        List<IntFunction<NumberUpdate>> fields = List.of(
                v -> new NumberUpdate("name " + v, null, null, null, null, null, Set.of()),
                v -> new NumberUpdate(null, new Cnam("CNAM " + v, true), null, null, null, null, Set.of()),
                v -> new NumberUpdate(null, null, new E911Address(v + " Main St", null, "Brooklyn", "NY", "11201", null), null, null, null, Set.of()),
                v -> new NumberUpdate(null, null, null, "callflow_" + v, null, null, Set.of()),
                v -> new NumberUpdate(null, null, null, null, new Assignment("callflow", "cf_" + v), null, Set.of()),
                v -> new NumberUpdate(null, null, null, null, null, new Prepend(true, "P" + v, null), Set.of()));
        Map<Integer, Integer> done = new ConcurrentHashMap<>();
        AtomicInteger failures = new AtomicInteger();
        race(fields.size(), fields.size(), i -> {
            for (int v = 0; v < rounds; v++) {
                try {
                    numbers.update(owner, "MA_busy", "+17185550210", fields.get(i).apply(v));
                    done.merge(i, 1, Integer::sum);
                } catch (PlatformException e) {
                    failures.incrementAndGet();
                }
            }
            return i;
        });
        assertThat(failures).hasValue(0);
        PhoneNumber p = numbers.get(owner, "MA_busy", "+17185550210");
        int last = rounds - 1;
        assertThat(p.friendlyName()).isEqualTo("name " + last);
        assertThat(p.cnam().displayName()).isEqualTo("CNAM " + last);
        assertThat(p.e911().streetAddress()).isEqualTo(last + " Main St");
        assertThat(p.usedBy()).isEqualTo("callflow_" + last);
        assertThat(p.assignedTo().id()).isEqualTo("cf_" + last);
        assertThat(p.prepend().name()).isEqualTo("P" + last);
        assertThat(p.version()).isEqualTo(2 + (long) fields.size() * rounds);
    }
}
