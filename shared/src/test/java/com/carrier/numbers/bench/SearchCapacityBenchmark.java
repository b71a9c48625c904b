package com.carrier.numbers.bench;

import com.carrier.numbers.NumbersPlatform;
import com.carrier.numbers.TableNames;
import com.carrier.numbers.adapter.dynamodb.NumberItems;
import com.carrier.numbers.domain.Caller;
import com.carrier.numbers.domain.Money;
import com.carrier.numbers.domain.NumberState;
import com.carrier.numbers.domain.PhoneNumber;
import com.carrier.numbers.domain.Role;
import com.carrier.numbers.service.SearchQuery;
import com.carrier.numbers.testing.DelegatingDynamoDbClient;
import com.carrier.numbers.testing.LocalDynamo;
import com.carrier.numbers.testing.TestClock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.ConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsResponse;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * Prints what a search and a purchase consume at 10^3 and at 10^6 available numbers (DynamoDB
 * Local reports consumed capacity), next to what a Scan for the same answer would cost. Not a test:
 * run it with {@code ./mvnw -q -pl shared test-compile exec:exec -Pbench}.
 * Optional argument: the large size (default 1000000).
 */
public final class SearchCapacityBenchmark {
    private static final int LOAD_THREADS = 4;
    private static final int SEARCHES = 20;

    /** Sums the capacity of every call, having asked DynamoDB to report it. */
    static final class Meter extends DelegatingDynamoDbClient {
        double reads;
        double writes;
        int transactions;
        int scanned;

        Meter(DynamoDbClient delegate) {
            super(delegate);
        }

        void reset() {
            reads = 0;
            scanned = 0;
            writes = 0;
            transactions = 0;
        }

        private static double units(ConsumedCapacity c) {
            return c == null || c.capacityUnits() == null ? 0 : c.capacityUnits();
        }

        @Override
        public synchronized QueryResponse query(QueryRequest r) {
            QueryResponse out = delegate.query(r.toBuilder().returnConsumedCapacity(ReturnConsumedCapacity.TOTAL).build());
            reads += units(out.consumedCapacity());
            scanned += out.scannedCount() == null ? 0 : out.scannedCount();
            return out;
        }

        @Override
        public synchronized GetItemResponse getItem(GetItemRequest r) {
            GetItemResponse out = delegate.getItem(r.toBuilder().returnConsumedCapacity(ReturnConsumedCapacity.TOTAL).build());
            reads += units(out.consumedCapacity());
            return out;
        }

        @Override
        public synchronized TransactWriteItemsResponse transactWriteItems(TransactWriteItemsRequest r) {
            TransactWriteItemsResponse out = delegate.transactWriteItems(r.toBuilder().returnConsumedCapacity(ReturnConsumedCapacity.TOTAL).build());
            transactions++;
            if (out.hasConsumedCapacity()) {
                out.consumedCapacity().forEach(c -> writes += units(c));
            }
            return out;
        }
    }

    /** Searches measured at both sizes: one criterion, then combined criteria that match and that disagree. */
    static final List<SearchQuery> SEARCHES_MEASURED = List.of(
            new SearchQuery("415", null, null, 10),
            new SearchQuery(null, "San Francisco", null, 10),
            new SearchQuery(null, null, "CA", 10),
            new SearchQuery("415", null, "CA", 10),
            new SearchQuery("415", "San Francisco", null, 10),
            new SearchQuery(null, "San Francisco", "CA", 10),
            new SearchQuery("415", "San Francisco", "CA", 10),
            new SearchQuery("415", null, "NY", 10),
            new SearchQuery("415", "Austin", null, 10),
            new SearchQuery(null, "San Francisco", "TX", 10),
            new SearchQuery("212", "Austin", "TX", 10));

    record Figures(int size, long loadMillis, long tableBytes, Map<SearchQuery, double[]> searches,
                   double purchaseReads, double purchaseWrites, int purchaseTransactions) {
        double prefixSearch() {
            return searches.get(SEARCHES_MEASURED.get(0))[0];
        }

        double scan() {
            return Math.ceil(tableBytes / 4096.0) * 0.5; // eventually consistent Scan: 0.5 RCU per 4 KB read
        }
    }

    public static void main(String[] args) throws Exception {
        int large = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        DynamoDbClient raw = LocalDynamo.client();
        Figures small = run(raw, 1_000);
        Figures big = run(raw, large);
        print(small, big);
        System.exit(0);
    }

    static Figures run(DynamoDbClient raw, int size) throws Exception {
        TableNames tables = LocalDynamo.freshTables(raw);
        long[] bytes = new long[1];
        long started = System.nanoTime();
        load(raw, tables.numbers(), size, bytes);
        long loadMillis = (System.nanoTime() - started) / 1_000_000;
        System.out.printf("loaded %,d numbers in %.1f s%n", size, loadMillis / 1000.0);

        Meter meter = new Meter(raw);
        NumbersPlatform platform = NumbersPlatform.create(meter, tables, new TestClock(), NumbersPlatform.Settings.defaults());
        platform.accounts().create(Caller.SYSTEM, "MA_bench", "bench", null, null);
        platform.accounts().credit(Caller.SYSTEM, "MA_bench", Money.of("100.00"));
        Caller buyer = new Caller("MA_bench", "auth_bench", Role.USER);

        Map<SearchQuery, double[]> searches = new java.util.LinkedHashMap<>();
        for (SearchQuery q : SEARCHES_MEASURED) {
            searches.put(q, averageSearch(meter, q, platform));
        }

        String target = platform.inventory().search(new SearchQuery("415", null, null, 1)).get(0);
        meter.reset();
        platform.phoneNumbers().purchase(buyer, "MA_bench", target, null);
        return new Figures(size, loadMillis, bytes[0], searches, meter.reads, meter.writes, meter.transactions);
    }

    /** Mean RCU, mean items read (ScannedCount) and mean numbers answered over {@link #SEARCHES} runs of {@code q}. */
    static double[] averageSearch(Meter meter, SearchQuery q, NumbersPlatform platform) {
        double rcu = 0;
        double scanned = 0;
        double answered = 0;
        for (int i = 0; i < SEARCHES; i++) {
            meter.reset();
            answered += platform.inventory().search(q).size();
            rcu += meter.reads;
            scanned += meter.scanned;
        }
        return new double[] {rcu / SEARCHES, scanned / SEARCHES, answered / SEARCHES};
    }

    static String label(SearchQuery q) {
        List<String> parts = new ArrayList<>();
        if (q.prefix() != null) {
            parts.add("prefix=" + q.prefix());
        }
        if (q.city() != null) {
            parts.add("city=" + q.city());
        }
        if (q.state() != null) {
            parts.add("state=" + q.state());
        }
        return String.join("&", parts);
    }

    /**
     * {@code size} available numbers, 10,000 per area code (415 San Francisco CA first; at most 100 area codes), written
     * with BatchWriteItem (25 items a request) on several threads; adds their item sizes to {@code bytes}.
     */
    static void load(DynamoDbClient dynamo, String table, int size, long[] bytes) throws Exception {
        // Area codes of realistic size: a search of 10 rarely needs to wrap around, whatever the inventory.
        int perAreaCode = Math.max(10_000, size / 100);
        List<PhoneNumber> all = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            int area = i / perAreaCode;
            String npa = area == 0 ? "415" : Integer.toString(300 + area);
            boolean sf = area == 0;
            String number = "+1" + npa + String.format("%07d", 2_000_000 + (i % perAreaCode));
            all.add(new PhoneNumber(number, null, NumberState.AVAILABLE, "US", sf ? "CA" : (area % 2 == 0 ? "CA" : "TX"),
                    sf ? "San Francisco" : "City " + area, "local", Money.of("1.00"), Money.of("0.99"), null, null, null, null, null,
                    null, null, null, null, null, null, false, null, null, null, null, null, null, 1));
        }
        ExecutorService pool = Executors.newFixedThreadPool(LOAD_THREADS);
        AtomicInteger next = new AtomicInteger();
        long[] perThread = new long[LOAD_THREADS];
        List<Future<?>> jobs = new ArrayList<>();
        for (int t = 0; t < LOAD_THREADS; t++) {
            int thread = t;
            jobs.add(pool.submit(() -> {
                int from;
                while ((from = next.getAndAdd(25)) < all.size()) {
                    List<WriteRequest> batch = new ArrayList<>(25);
                    for (int i = from; i < Math.min(from + 25, all.size()); i++) {
                        Map<String, AttributeValue> item = NumberItems.toItem(all.get(i));
                        perThread[thread] += itemBytes(item);
                        batch.add(WriteRequest.builder().putRequest(PutRequest.builder().item(item).build()).build());
                    }
                    Map<String, List<WriteRequest>> pending = new HashMap<>(Map.of(table, batch));
                    while (!pending.isEmpty()) {
                        BatchWriteItemResponse r = dynamo.batchWriteItem(b -> b.requestItems(pending));
                        pending.clear();
                        if (r.hasUnprocessedItems()) {
                            pending.putAll(r.unprocessedItems());
                        }
                    }
                }
                return null;
            }));
        }
        for (Future<?> job : jobs) {
            job.get();
        }
        pool.shutdown();
        for (long b : perThread) {
            bytes[0] += b;
        }
    }

    /** DynamoDB's item size: attribute names plus values (strings by UTF-8 length, numbers about one byte per two digits). */
    static long itemBytes(Map<String, AttributeValue> item) {
        long size = 0;
        for (var e : item.entrySet()) {
            size += e.getKey().length();
            AttributeValue v = e.getValue();
            if (v.s() != null) {
                size += v.s().getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
            } else if (v.n() != null) {
                size += v.n().length() / 2 + 1;
            } else {
                size += 1;
            }
        }
        return size;
    }

    static void print(Figures a, Figures b) {
        System.out.println();
        System.out.println("Consumed capacity (DynamoDB Local, ReturnConsumedCapacity TOTAL), quantity=10, mean of " + SEARCHES + " searches");
        System.out.printf("%-52s %16s %16s %8s%n", "", String.format("%,d numbers", a.size()), String.format("%,d numbers", b.size()), "ratio");
        row("load time (s)", a.loadMillis() / 1000.0, b.loadMillis() / 1000.0);
        double worst = 0;
        for (SearchQuery q : SEARCHES_MEASURED) {
            double[] x = a.searches().get(q);
            double[] y = b.searches().get(q);
            row("search " + label(q) + " (RCU)", x[0], y[0]);
            System.out.printf("%-52s %16s %16s%n", "  items read / numbers answered", "%.1f / %.1f".formatted(x[1], x[2]),
                    "%.1f / %.1f".formatted(y[1], y[2]));
            worst = Math.max(worst, ratio(x[0], y[0]));
        }
        System.out.printf("%-52s %16s %16s %8.2f (target <= 1.5)%n", "largest search ratio", "", "", worst);
        row("scan for the same answer (RCU)", a.scan(), b.scan());
        System.out.printf("%-52s %15.4f%% %15.4f%%%n", "prefix search / scan", 100 * a.prefixSearch() / a.scan(), 100 * b.prefixSearch() / b.scan());
        row("purchase: reads (RCU)", a.purchaseReads(), b.purchaseReads());
        row("purchase: transaction (WCU)", a.purchaseWrites(), b.purchaseWrites());
        row("purchase: TransactWriteItems calls", a.purchaseTransactions(), b.purchaseTransactions());
        System.out.printf("table size (bytes): %,d and %,d%n", a.tableBytes(), b.tableBytes());
    }

    static void row(String label, double x, double y) {
        System.out.printf("%-52s %16.2f %16.2f %8.2f%n", label, x, y, ratio(x, y));
    }

    /** y / x; equal figures (zero included) are a ratio of 1. */
    static double ratio(double x, double y) {
        return x == y ? 1 : x == 0 ? Double.POSITIVE_INFINITY : y / x;
    }
}
