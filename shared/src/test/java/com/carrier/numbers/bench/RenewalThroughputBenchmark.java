package com.carrier.numbers.bench;

import com.carrier.numbers.NumbersPlatform;
import com.carrier.numbers.domain.Caller;
import com.carrier.numbers.domain.InventoryNumber;
import com.carrier.numbers.domain.Money;
import com.carrier.numbers.domain.Role;
import com.carrier.numbers.service.RenewalReport;
import com.carrier.numbers.testing.DelegatingDynamoDbClient;
import com.carrier.numbers.testing.LocalDynamo;
import com.carrier.numbers.testing.TestClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsResponse;

/**
 * How many numbers one renewal run can renew within its timeout: times a run over {@code n} due
 * numbers against DynamoDB Local and counts the calls it makes per number, from which the README
 * derives the AWS figure (calls per number x in-region latency of each call). Not a test: run with
 * {@code ./mvnw -q -pl shared test-compile exec:exec -Pbench -Dbench.main=com.carrier.numbers.bench.RenewalThroughputBenchmark -Dbench.size=1000}.
 */
public final class RenewalThroughputBenchmark {
    /** Counts the calls of a run by kind. */
    static final class Calls extends DelegatingDynamoDbClient {
        int gets;
        int queries;
        int transactions;

        Calls(DynamoDbClient delegate) {
            super(delegate);
        }

        @Override
        public synchronized GetItemResponse getItem(GetItemRequest r) {
            gets++;
            return delegate.getItem(r);
        }

        @Override
        public synchronized QueryResponse query(QueryRequest r) {
            queries++;
            return delegate.query(r);
        }

        @Override
        public synchronized TransactWriteItemsResponse transactWriteItems(TransactWriteItemsRequest r) {
            transactions++;
            return delegate.transactWriteItems(r);
        }
    }

    public static void main(String[] args) {
        int n = args.length > 0 ? Math.min(Integer.parseInt(args[0]), 5_000) : 1_000;
        DynamoDbClient raw = LocalDynamo.client();
        Calls calls = new Calls(raw);
        TestClock clock = new TestClock();
        NumbersPlatform platform = NumbersPlatform.create(calls, LocalDynamo.freshTables(raw), clock, NumbersPlatform.Settings.defaults());
        List<InventoryNumber> inventory = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            inventory.add(new InventoryNumber("+1415" + (2_000_000 + i), "San Francisco", "CA", "US", "local", null, null));
        }
        platform.inventory().load(Caller.SYSTEM, inventory);
        // Ten accounts, so the balance updates are spread as in life (one account's debits serialise on its item).
        for (int a = 0; a < 10; a++) {
            platform.accounts().create(Caller.SYSTEM, "MA_renew" + a, "renewals " + a, null, null);
            platform.accounts().credit(Caller.SYSTEM, "MA_renew" + a, Money.of("10000.00"));
        }
        for (int i = 0; i < n; i++) {
            String account = "MA_renew" + (i % 10);
            platform.phoneNumbers().purchase(new Caller(account, "auth_" + account, Role.USER), account, inventory.get(i).number(), null);
        }
        clock.advance(Duration.ofDays(32));
        calls.gets = 0;
        calls.queries = 0;
        calls.transactions = 0;

        long started = System.nanoTime();
        RenewalReport report = platform.renewals().renewDue();
        double millis = (System.nanoTime() - started) / 1e6;

        System.out.printf("renewal run over %,d due numbers (DynamoDB Local, in-process): %s%n", n, report);
        System.out.printf("  %.0f ms in all, %.2f ms per number%n", millis, millis / n);
        System.out.printf("  calls per number: GetItem %.2f, TransactWriteItems %.2f, Query %.3f%n",
                calls.gets / (double) n, calls.transactions / (double) n, calls.queries / (double) n);
        System.exit(0);
    }
}
