package com.carrier.numbers.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.carrier.numbers.adapter.metrics.Metrics;
import com.carrier.numbers.NumbersPlatform;
import com.carrier.numbers.domain.Caller;
import com.carrier.numbers.domain.ErrorCode;
import com.carrier.numbers.domain.Money;
import com.carrier.numbers.domain.NumberState;
import com.carrier.numbers.domain.PhoneNumber;
import com.carrier.numbers.domain.PlatformException;
import com.carrier.numbers.testing.DelegatingDynamoDbClient;
import com.carrier.numbers.testing.LocalDynamo;
import com.carrier.numbers.testing.PlatformFixture;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * AWS cancels concurrent transactions on one item with TransactionConflict, which the SDK does not
 * retry and DynamoDB Local never raises: injected here under the persistence adapter, as AWS would.
 */
class TransactionConflictTest {

    /** Answers the next {@code conflicts} transactions the way AWS does when another transaction holds an item. */
    static final class ConflictingClient extends DelegatingDynamoDbClient {
        final AtomicInteger conflicts = new AtomicInteger();
        final AtomicInteger calls = new AtomicInteger();
        /** Runs once, at the next injected conflict: the racing request that won meanwhile. */
        volatile Runnable racer;

        ConflictingClient() {
            super(LocalDynamo.client());
        }

        @Override
        public TransactWriteItemsResponse transactWriteItems(TransactWriteItemsRequest r) {
            calls.incrementAndGet();
            if (conflicts.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                Runnable r0 = racer;
                racer = null;
                if (r0 != null) {
                    r0.run();
                }
                List<CancellationReason> reasons = new ArrayList<>();
                for (int i = 0; i < r.transactItems().size(); i++) {
                    reasons.add(i == 0
                            ? CancellationReason.builder().code("TransactionConflict").message("Transaction is ongoing for the item").build()
                            : CancellationReason.builder().code("None").build());
                }
                throw TransactionCanceledException.builder()
                        .message("Transaction cancelled, please refer cancellation reasons for specific reasons [TransactionConflict]")
                        .cancellationReasons(reasons).build();
            }
            return super.transactWriteItems(r);
        }
    }

    static ConflictingClient client;
    static PlatformFixture f;

    @BeforeAll
    static void platform() {
        client = new ConflictingClient();
        f = PlatformFixture.on(client);
        f.load("+19175550100", 7, "New York", "NY");
    }

    @Test
    void conflictsAreRetriedWithBackoffAndThePurchaseHappensExactlyOnce() {
        Caller buyer = f.master("MA_conflict", "10.00");
        client.calls.set(0);
        client.conflicts.set(3);
        List<String> metrics = new java.util.concurrent.CopyOnWriteArrayList<>();
        var previous = Metrics.redirect(metrics::add);
        PhoneNumber bought;
        try {
            bought = f.platform.phoneNumbers().purchase(buyer, "MA_conflict", "+19175550100", null);
        } finally {
            Metrics.redirect(previous);
        }
        // each retry is counted for the TransactionConflict alarm (EMF lines)
        assertThat(metrics).filteredOn(l -> l.contains("\"TransactionConflictRetries\":1")).hasSize(3);

        assertThat(bought.state()).isEqualTo(NumberState.IN_SERVICE);
        assertThat(client.calls).hasValue(4);
        assertThat(f.account("MA_conflict").balance()).isEqualTo(Money.of("8.01"));
        assertThat(f.platform.accounts().ledger(buyer, "MA_conflict", 10, null).entries())
                .extracting(e -> e.amount()).containsExactly(Money.of("-1.99"), Money.of("10.00"));
        assertThat(f.platform.auditTrail().forNumber(f.admin, "+19175550100")).extracting(a -> a.action()).containsExactly("load", "purchase");
        assertThat(f.platform.phoneNumbers().listOwned(buyer, 10, 0, null, false).total()).isEqualTo(1);
    }

    @Test
    void conflictsThatDoNotClearEndInPurchaseFailedAndChangeNothing() {
        Caller buyer = f.master("MA_unlucky", "10.00");
        client.conflicts.set(1_000);
        try {
            assertThat(Errors.of(() -> f.platform.phoneNumbers().purchase(buyer, "MA_unlucky", "+19175550101", null)).code())
                    .isEqualTo(ErrorCode.PURCHASE_FAILED);
        } finally {
            client.conflicts.set(0);
        }
        assertThat(f.account("MA_unlucky").balance()).isEqualTo(Money.of("10.00"));
        assertThat(f.platform.accounts().ledger(buyer, "MA_unlucky", 10, null).entries()).hasSize(1);
        assertThat(f.platform.inventory().search(new SearchQuery("+19175550101", null, null, 1))).containsExactly("+19175550101");
        // and once the store recovers, the same purchase goes through
        assertThat(f.platform.phoneNumbers().purchase(buyer, "MA_unlucky", "+19175550101", null).ownerId()).isEqualTo("MA_unlucky");
    }

    /** The same tables without injected conflicts: the racing requests of the tests below go through it. */
    private static NumbersPlatform direct() {
        return NumbersPlatform.create(LocalDynamo.client(), f.tables, f.clock, NumbersPlatform.Settings.defaults());
    }

    @Test
    void afterRepeatedConflictsAPurchaseSomeoneElseWonMeanwhileIs409NotAGeneric502() {
        Caller buyer = f.master("MA_slow", "10.00");
        Caller rival = f.master("MA_rival", "10.00");
        client.racer = () -> direct().phoneNumbers().purchase(rival, "MA_rival", "+19175550102", null);
        client.conflicts.set(1_000);
        PlatformException refused;
        try {
            refused = Errors.of(() -> f.platform.phoneNumbers().purchase(buyer, "MA_slow", "+19175550102", null));
        } finally {
            client.conflicts.set(0);
        }
        assertThat(refused.code()).isEqualTo(ErrorCode.NUMBER_UNAVAILABLE);
        assertThat(f.account("MA_slow").balance()).isEqualTo(Money.of("10.00"));
        assertThat(f.account("MA_rival").balance()).isEqualTo(Money.of("8.01"));
    }

    @Test
    void afterRepeatedConflictsABalanceSpentMeanwhileIs402NotAGeneric502() {
        Caller buyer = f.master("MA_spender", "3.00");
        client.racer = () -> direct().phoneNumbers().purchase(buyer, "MA_spender", "+19175550103", null);
        client.conflicts.set(1_000);
        PlatformException refused;
        try {
            refused = Errors.of(() -> f.platform.phoneNumbers().purchase(buyer, "MA_spender", "+19175550104", null));
        } finally {
            client.conflicts.set(0);
        }
        assertThat(refused.code()).isEqualTo(ErrorCode.INSUFFICIENT_CREDIT);
        assertThat(refused.details()).containsEntry("balance", new java.math.BigDecimal("1.01"));
        assertThat(f.account("MA_spender").balance()).isEqualTo(Money.of("1.01"));
        assertThat(f.platform.inventory().search(new SearchQuery("+19175550104", null, null, 1))).containsExactly("+19175550104");
    }

    @Test
    void aBalanceThatJustCoversThePriceIsNot402AfterRepeatedConflicts() {
        Caller buyer = f.master("MA_exact", "1.99"); // setup fee + first month of the loaded numbers
        client.conflicts.set(1_000);
        PlatformException refused;
        try {
            refused = Errors.of(() -> f.platform.phoneNumbers().purchase(buyer, "MA_exact", "+19175550105", null));
        } finally {
            client.conflicts.set(0);
        }
        assertThat(refused.code()).isEqualTo(ErrorCode.PURCHASE_FAILED);
        assertThat(f.account("MA_exact").balance()).isEqualTo(Money.of("1.99"));
        assertThat(f.platform.phoneNumbers().purchase(buyer, "MA_exact", "+19175550105", null).ownerId()).isEqualTo("MA_exact");
        assertThat(f.account("MA_exact").balance()).isEqualTo(Money.ZERO);
    }

    @Test
    void aPurchaseTheBalanceCannotCoverIsRefusedBeforeAnyWrite() {
        Caller buyer = f.master("MA_short", "1.98");
        client.calls.set(0);
        PlatformException refused = Errors.of(() -> f.platform.phoneNumbers().purchase(buyer, "MA_short", "+19175550106", null));
        assertThat(refused.code()).isEqualTo(ErrorCode.INSUFFICIENT_CREDIT);
        assertThat(refused.details()).containsEntry("required", new java.math.BigDecimal("1.99"))
                .containsEntry("balance", new java.math.BigDecimal("1.98"));
        assertThat(client.calls).hasValue(0);
        assertThat(f.account("MA_short").balance()).isEqualTo(Money.of("1.98"));
    }
}
