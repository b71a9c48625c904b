package com.carrier.numbers.adapter.dynamodb;

import static com.carrier.numbers.adapter.dynamodb.Attrs.n;
import static com.carrier.numbers.adapter.dynamodb.Attrs.s;

import com.carrier.numbers.domain.NumberState;
import com.carrier.numbers.domain.PhoneNumber;
import com.carrier.numbers.port.AccountDelta;
import com.carrier.numbers.port.DueWork;
import com.carrier.numbers.port.InventoryCriterion;
import com.carrier.numbers.port.JobItemMark;
import com.carrier.numbers.port.NumberStore;
import com.carrier.numbers.port.NumberWrite;
import com.carrier.numbers.port.StoreUnavailable;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Predicate;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Delete;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.Update;

/** {@link NumberStore} on the Numbers table, with the Accounts, Ledger and Audit tables in its transactions. */
public final class DynamoNumberStore implements NumberStore {
    private static final int LOAD_THREADS = 8;

    private final DynamoDbClient dynamo;
    private final String numbers;
    private final String accounts;
    private final String ledger;
    private final String audit;
    private final String jobs;
    private final Transactions transactions;

    public DynamoNumberStore(DynamoDbClient dynamo, String numbersTable, String accountsTable, String ledgerTable, String auditTable) {
        this(dynamo, numbersTable, accountsTable, ledgerTable, auditTable, null);
    }

    /** With the Jobs table, whose item results and counters ride in the transactions of bulk job items. */
    public DynamoNumberStore(DynamoDbClient dynamo, String numbersTable, String accountsTable, String ledgerTable, String auditTable,
                             String jobsTable) {
        this.dynamo = dynamo;
        this.jobs = jobsTable;
        this.numbers = numbersTable;
        this.accounts = accountsTable;
        this.ledger = ledgerTable;
        this.audit = auditTable;
        this.transactions = new Transactions(dynamo);
    }

    @Override
    public Optional<PhoneNumber> find(String number) {
        var item = dynamo.getItem(b -> b.tableName(numbers).key(NumberItems.key(number)).consistentRead(true)).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(NumberItems.fromItem(item));
    }

    @Override
    public Optional<String> numberForId(String id) {
        var items = dynamo.query(b -> b.tableName(numbers).indexName("ById").keyConditionExpression("id = :id")
                .expressionAttributeValues(Map.of(":id", s(id))).limit(1)).items();
        return items.isEmpty() ? Optional.empty() : Optional.of(items.get(0).get(NumberItems.PK).s());
    }

    @Override
    public int addToInventory(List<NumberWrite> loads) {
        return addAllToInventory(loads).size();
    }

    /**
     * Transactions of up to {@value #TRANSACTION_ITEMS} items (each number with its audit record,
     * and its job item's result; one job counter per transaction), side by side. A transaction
     * refused because one of its numbers exists falls back to one transaction per number.
     */
    @Override
    public Set<String> addAllToInventory(List<NumberWrite> loads) {
        List<List<NumberWrite>> groups = new ArrayList<>();
        List<NumberWrite> group = new ArrayList<>();
        int size = 0;
        for (NumberWrite w : loads) {
            if (!w.action().createsNumber()) {
                throw new IllegalArgumentException(w.action() + " does not create a number");
            }
            int cost = loadItems(w);
            if (size + cost + 1 > TRANSACTION_ITEMS) { // + 1: the job counter
                groups.add(group);
                group = new ArrayList<>();
                size = 0;
            }
            group.add(w);
            size += cost;
        }
        if (!group.isEmpty()) {
            groups.add(group);
        }
        Set<String> added = java.util.concurrent.ConcurrentHashMap.newKeySet();
        if (groups.isEmpty()) {
            return added;
        }
        if (groups.size() == 1 || loads.get(0).jobItem() != null) {
            // a job's chunk: its transactions all count on the job's header, so side by side they would only conflict
            groups.forEach(g -> added.addAll(addGroup(g)));
            return added;
        }
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(LOAD_THREADS, groups.size()));
        try {
            List<Future<List<String>>> results = new ArrayList<>(groups.size());
            for (List<NumberWrite> g : groups) {
                results.add(pool.submit(() -> addGroup(g)));
            }
            for (Future<List<String>> f : results) {
                added.addAll(f.get());
            }
            return added;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreUnavailable("interrupted while loading inventory", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new StoreUnavailable("inventory load failed", e.getCause());
        } finally {
            pool.shutdown();
        }
    }

    private static final int TRANSACTION_ITEMS = 100;

    private int loadItems(NumberWrite w) {
        return 1 + (w.audit() == null ? 0 : 1) + (w.jobItem() == null || jobs == null ? 0 : 1);
    }

    /** One transaction for the group; if a number in it exists already, one per number. */
    private List<String> addGroup(List<NumberWrite> group) {
        if (group.size() > 1) {
            try {
                transactions.write(loadTransaction(group), i -> false);
                return group.stream().map(w -> w.after().number()).toList();
            } catch (com.carrier.numbers.port.ConditionFailed someExist) {
                // fall through: each number on its own, so the new ones still go in
            }
        }
        List<String> added = new ArrayList<>();
        for (NumberWrite w : group) {
            try {
                transactions.write(loadTransaction(List.of(w)), i -> false);
                added.add(w.after().number());
            } catch (com.carrier.numbers.port.ConditionFailed known) {
                // already in the platform (or its job item already has a result): not added by this call
            }
        }
        return added;
    }

    private List<TransactWriteItem> loadTransaction(List<NumberWrite> group) {
        List<TransactWriteItem> items = new ArrayList<>();
        Map<String, Integer> perJob = new java.util.LinkedHashMap<>();
        for (NumberWrite w : group) {
            items.add(TransactWriteItem.builder().put(numberPut(w)).build());
            if (w.audit() != null) {
                items.add(TransactWriteItem.builder().put(Put.builder().tableName(audit).item(AuditItems.toItem(w.audit())).build()).build());
            }
            if (w.jobItem() != null && jobs != null) {
                JobItemMark m = w.jobItem();
                items.add(TransactWriteItem.builder().update(JobItems.result(jobs, m.jobId(), m.index(), m.number(), true, null, null)).build());
                perJob.merge(m.jobId(), 1, Integer::sum);
            }
        }
        perJob.forEach((job, count) -> items.add(TransactWriteItem.builder().update(JobItems.counters(jobs, job, count, 0)).build()));
        return items;
    }

    @Override
    public void apply(NumberWrite w) {
        List<TransactWriteItem> items = new ArrayList<>();
        items.add(w.after() == null
                ? TransactWriteItem.builder().delete(numberDelete(w)).build()
                : TransactWriteItem.builder().put(numberPut(w)).build());
        int firstAccount = items.size();
        for (AccountDelta d : w.accounts()) {
            if (!d.isEmpty()) {
                items.add(TransactWriteItem.builder().update(accountUpdate(d)).build());
            }
        }
        int afterAccounts = items.size();
        if (w.ledger() != null) {
            items.add(TransactWriteItem.builder().put(Put.builder().tableName(ledger).item(LedgerItems.toItem(w.ledger())).build()).build());
        }
        if (w.audit() != null) {
            items.add(TransactWriteItem.builder().put(Put.builder().tableName(audit).item(AuditItems.toItem(w.audit())).build()).build());
        }
        if (w.jobItem() != null && jobs != null) {
            // the job item's result rides in the effect's transaction: a redelivery finds it done
            JobItemMark m = w.jobItem();
            items.add(TransactWriteItem.builder().update(JobItems.result(jobs, m.jobId(), m.index(), m.number(), true, null, null)).build());
            items.add(TransactWriteItem.builder().update(JobItems.counters(jobs, m.jobId(), 1, 0)).build());
        }
        transactions.write(items, i -> i >= firstAccount && i < afterAccounts);
    }

    /** The whole new item, conditioned on the version read and on the lifecycle row's from-states. */
    private Put numberPut(NumberWrite w) {
        Map<String, String> names = new HashMap<>();
        Map<String, AttributeValue> values = new HashMap<>();
        String condition;
        if (w.before() == null) {
            names.put("#n", NumberItems.PK);
            condition = "attribute_not_exists(#n)";
        } else {
            names.put("#v", "version");
            values.put(":v", n(w.before().version()));
            condition = "#v = :v";
            if (w.action() != null) {
                names.put("#s", "state");
                List<String> states = new ArrayList<>();
                int i = 0;
                for (NumberState from : w.action().from()) {
                    values.put(":s" + i, s(from.wire()));
                    states.add(":s" + i++);
                }
                condition += " AND #s IN (" + String.join(", ", states) + ")";
            }
        }
        PhoneNumber next = w.after();
        Map<String, AttributeValue> item = NumberItems.toItem(next);
        item.put("version", n(w.before() == null ? 1 : w.before().version() + 1));
        Put.Builder put = Put.builder().tableName(numbers).item(item).conditionExpression(condition).expressionAttributeNames(names);
        if (!values.isEmpty()) {
            put.expressionAttributeValues(values);
        }
        return put.build();
    }

    /** A number leaving the platform: deleted, conditioned like a put on the version read and the from-states. */
    private Delete numberDelete(NumberWrite w) {
        Map<String, String> names = new HashMap<>();
        Map<String, AttributeValue> values = new HashMap<>();
        names.put("#v", "version");
        values.put(":v", n(w.before().version()));
        names.put("#s", "state");
        List<String> states = new ArrayList<>();
        int i = 0;
        for (NumberState from : w.action().from()) {
            values.put(":s" + i, s(from.wire()));
            states.add(":s" + i++);
        }
        return Delete.builder().tableName(numbers).key(NumberItems.key(w.before().number()))
                .conditionExpression("#v = :v AND #s IN (" + String.join(", ", states) + ")")
                .expressionAttributeNames(names).expressionAttributeValues(values).build();
    }

    /** Debit only if the balance covers it; counters are ADDed (an absent counter starts at 0). */
    private Update accountUpdate(AccountDelta d) {
        Map<String, String> names = new HashMap<>();
        Map<String, AttributeValue> values = new HashMap<>();
        names.put("#pk", AccountItems.PK);
        String condition = "attribute_exists(#pk)";
        StringBuilder expr = new StringBuilder();
        if (d.debit() != null) {
            names.put("#b", "balance");
            values.put(":debit", n(d.debit().cents()));
            expr.append("SET #b = #b - :debit ");
            condition += " AND #b >= :debit";
        }
        if (!d.counters().isEmpty()) {
            List<String> adds = new ArrayList<>();
            int i = 0;
            for (var c : d.counters().entrySet()) {
                names.put("#c" + i, AccountItems.COUNTER_PREFIX + c.getKey());
                values.put(":c" + i, n(c.getValue()));
                adds.add("#c" + i + " :c" + i);
                i++;
            }
            expr.append("ADD ").append(String.join(", ", adds));
        }
        return Update.builder().tableName(accounts).key(AccountItems.key(d.accountId()))
                .updateExpression(expr.toString().trim()).conditionExpression(condition)
                .expressionAttributeNames(names).expressionAttributeValues(values).build();
    }

    @Override
    public List<PhoneNumber> purchasable(InventoryCriterion criterion, double startFraction, int quantity, Predicate<PhoneNumber> accept) {
        // The partition answers city and state (together, ByPlace), a prefix is a range of the number sort key; a prefix
        // alone has its own partition per area code. Criteria that disagree thus meet an empty range and read nothing.
        String index;
        String partition;
        if (criterion.city() != null && criterion.state() != null) {
            index = "ByPlace";
            partition = NumberItems.placeKey(criterion.state(), criterion.city());
        } else if (criterion.city() != null) {
            index = "ByCity";
            partition = NumberItems.cityKey(criterion.city());
        } else if (criterion.state() != null) {
            index = "ByRegion";
            partition = NumberItems.stateKey(criterion.state());
        } else {
            index = "ByPrefix";
            partition = NumberItems.prefixKey(criterion.prefix());
        }
        String lo = criterion.prefix() == null ? "+" : criterion.prefix();
        String hi = lo + "~"; // '~' sorts after every digit
        String from = startBetween(index, partition, lo, hi, startFraction);
        if (from == null) {
            return List.of(); // nothing matches
        }
        Set<String> seen = new LinkedHashSet<>();
        List<PhoneNumber> out = new ArrayList<>(quantity);
        // From the random start to the end of the range, then wrap around from its beginning.
        scan(index, partition, from, hi, quantity, accept, seen, out);
        if (out.size() < quantity && !from.equals(lo)) {
            scan(index, partition, lo, from, quantity, accept, seen, out);
        }
        return out;
    }

    /**
     * A start point {@code fraction} of the way from the lowest to the highest number of the range:
     * two one-item reads, so the spread follows where the numbers actually are.
     */
    private String startBetween(String index, String partition, String lo, String hi, double fraction) {
        String first = edge(index, partition, lo, hi, true);
        if (first == null) {
            return null;
        }
        String last = edge(index, partition, lo, hi, false);
        try {
            long a = Long.parseLong(first.substring(1));
            long b = Long.parseLong(last.substring(1));
            long start = a + (long) Math.floor((b - a + 1) * Math.min(Math.max(fraction, 0), 0.999999));
            return "+" + start;
        } catch (NumberFormatException | IndexOutOfBoundsException e) {
            return first;
        }
    }

    private String edge(String index, String partition, String lo, String hi, boolean lowest) {
        var items = dynamo.query(b -> b.tableName(numbers).indexName(index)
                .keyConditionExpression("#p = :p AND #n BETWEEN :lo AND :hi")
                .expressionAttributeNames(Map.of("#p", partitionAttribute(index), "#n", NumberItems.PK))
                .expressionAttributeValues(Map.of(":p", s(partition), ":lo", s(lo), ":hi", s(hi)))
                .projectionExpression("#n").scanIndexForward(lowest).limit(1)).items();
        return items.isEmpty() ? null : items.get(0).get(NumberItems.PK).s();
    }

    private void scan(String index, String partition, String from, String to, int quantity, Predicate<PhoneNumber> accept,
                      Set<String> seen, List<PhoneNumber> out) {
        Map<String, AttributeValue> startKey = null;
        do {
            int want = quantity - out.size();
            QueryRequest.Builder q = QueryRequest.builder().tableName(numbers).indexName(index)
                    .keyConditionExpression("#p = :p AND #n BETWEEN :from AND :to")
                    .expressionAttributeNames(Map.of("#p", partitionAttribute(index), "#n", NumberItems.PK))
                    .expressionAttributeValues(Map.of(":p", s(partition), ":from", s(from), ":to", s(to)))
                    .limit(want + 2); // a little slack for live holds and filtered-out numbers
            if (startKey != null) {
                q.exclusiveStartKey(startKey);
            }
            QueryResponse page = dynamo.query(q.build());
            for (var item : page.items()) {
                PhoneNumber p = NumberItems.fromItem(item);
                if (out.size() < quantity && seen.add(p.number()) && accept.test(p)) {
                    out.add(p);
                }
            }
            startKey = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
        } while (startKey != null && out.size() < quantity);
    }

    private static String partitionAttribute(String index) {
        return switch (index) {
            case "ByPrefix" -> "inv_prefix";
            case "ByCity" -> "inv_city";
            case "ByPlace" -> "inv_place";
            default -> "inv_region";
        };
    }

    @Override
    public List<PhoneNumber> ownedBy(String accountId, String afterNumber, int limit) {
        return byIndex("ByOwner", "owner_id", accountId, afterNumber, limit);
    }

    @Override
    public List<PhoneNumber> assignedTo(String accountId, String afterNumber, int limit) {
        return byIndex("BySubAccount", "sub_account_id", accountId, afterNumber, limit);
    }

    private List<PhoneNumber> byIndex(String index, String attribute, String accountId, String afterNumber, int limit) {
        List<PhoneNumber> out = new ArrayList<>();
        Map<String, AttributeValue> startKey = null;
        Map<String, String> names = afterNumber == null ? Map.of("#a", attribute) : Map.of("#a", attribute, "#n", NumberItems.PK);
        do {
            QueryRequest.Builder q = QueryRequest.builder().tableName(numbers).indexName(index)
                    .expressionAttributeNames(names).limit(limit - out.size());
            if (afterNumber == null) {
                q.keyConditionExpression("#a = :a").expressionAttributeValues(Map.of(":a", s(accountId)));
            } else {
                q.keyConditionExpression("#a = :a AND #n > :after")
                        .expressionAttributeValues(Map.of(":a", s(accountId), ":after", s(afterNumber)));
            }
            if (startKey != null) {
                q.exclusiveStartKey(startKey);
            }
            QueryResponse page = dynamo.query(q.build());
            page.items().forEach(i -> out.add(NumberItems.fromItem(i)));
            startKey = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
        } while (startKey != null && out.size() < limit);
        return out;
    }

    @Override
    public List<String> dueForRenewal(Instant now, int limit) {
        List<String> due = new ArrayList<>();
        for (int digit = 0; digit <= 9 && due.size() < limit; digit++) {
            Map<String, AttributeValue> startKey = null;
            do {
                QueryRequest.Builder q = QueryRequest.builder().tableName(numbers).indexName("ByRenewal")
                        .keyConditionExpression("renew_bucket = :b AND next_charge <= :now")
                        .expressionAttributeValues(Map.of(":b", s("R" + digit), ":now", s(Attrs.time(now))))
                        .limit(limit - due.size());
                if (startKey != null) {
                    q.exclusiveStartKey(startKey);
                }
                QueryResponse page = dynamo.query(q.build());
                page.items().forEach(i -> due.add(i.get(NumberItems.PK).s()));
                startKey = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
            } while (startKey != null && due.size() < limit);
        }
        return due;
    }

    @Override
    public List<DueWork> due(DueWork.Kind kind, Instant dueBy, int limit) {
        List<DueWork> due = new ArrayList<>();
        for (char digit = '0'; digit <= '9' && due.size() < limit; digit++) {
            String bucket = NumberItems.dueBucket(kind, digit);
            Map<String, AttributeValue> startKey = null;
            do {
                QueryRequest.Builder q = QueryRequest.builder().tableName(numbers).indexName("ByDue")
                        .keyConditionExpression("due_bucket = :b AND due_at <= :by")
                        .expressionAttributeValues(Map.of(":b", s(bucket), ":by", s(Attrs.time(dueBy))))
                        .limit(limit - due.size());
                if (startKey != null) {
                    q.exclusiveStartKey(startKey);
                }
                QueryResponse page = dynamo.query(q.build());
                page.items().forEach(i -> due.add(new DueWork(kind, i.get(NumberItems.PK).s(),
                        Attrs.instant(i, "due_since"), Attrs.instant(i, "due_at"))));
                startKey = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
            } while (startKey != null && due.size() < limit);
        }
        return due;
    }

    @Override
    public void scanDueForRenewal(Instant now, java.util.function.Consumer<com.carrier.numbers.port.ProvisioningTask.RenewalDue> each) {
        for (int digit = 0; digit <= 9; digit++) {
            Map<String, AttributeValue> startKey = null;
            do {
                QueryRequest.Builder q = QueryRequest.builder().tableName(numbers).indexName("ByRenewal")
                        .keyConditionExpression("renew_bucket = :b AND next_charge <= :now")
                        .expressionAttributeValues(Map.of(":b", s("R" + digit), ":now", s(Attrs.time(now))));
                if (startKey != null) {
                    q.exclusiveStartKey(startKey);
                }
                QueryResponse page = dynamo.query(q.build());
                for (var i : page.items()) {
                    if (i.containsKey("owner_id")) {
                        each.accept(new com.carrier.numbers.port.ProvisioningTask.RenewalDue(i.get(NumberItems.PK).s(),
                                i.get("owner_id").s(), Attrs.instant(i, "next_charge")));
                    }
                }
                startKey = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
            } while (startKey != null);
        }
    }
}
