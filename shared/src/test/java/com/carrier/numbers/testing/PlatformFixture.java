package com.carrier.numbers.testing;

import com.carrier.numbers.NumbersPlatform;
import com.carrier.numbers.TableNames;
import com.carrier.numbers.domain.Account;
import com.carrier.numbers.domain.Caller;
import com.carrier.numbers.domain.InventoryNumber;
import com.carrier.numbers.domain.Money;
import com.carrier.numbers.domain.Role;
import com.carrier.numbers.port.Workflows;
import com.carrier.numbers.port.ProvisioningQueue;
import com.carrier.numbers.service.CreatedAccount;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * A platform on fresh DynamoDB Local tables with a test clock, and shortcuts to set up accounts,
 * credentials and inventory. Other modules use it through the shared test-jar.
 */
public final class PlatformFixture {
    public static final String ADMIN_ACCOUNT = "MA_operator";

    public final DynamoDbClient dynamo;
    public final TableNames tables;
    public final TestClock clock;
    public final NumbersPlatform platform;
    /** What the domain asked of the state machines (nothing runs them here). */
    public final RecordingWorkflows workflows = new RecordingWorkflows();
    /** An operator credential's caller (role admin, on account {@link #ADMIN_ACCOUNT}). */
    public final Caller admin;

    private PlatformFixture(DynamoDbClient dynamo, TableNames tables, TestClock clock, NumbersPlatform.Settings settings) {
        this(dynamo, tables, clock, settings, null);
    }

    private PlatformFixture(DynamoDbClient dynamo, TableNames tables, TestClock clock, NumbersPlatform.Settings settings,
                            ProvisioningQueue queue) {
        this(dynamo, tables, clock, settings, null, queue);
    }

    /** {@code workflows} null: the fixture's {@link #workflows} records what the domain asks of the state machines. */
    private PlatformFixture(DynamoDbClient dynamo, TableNames tables, TestClock clock, NumbersPlatform.Settings settings,
                            Workflows workflows, ProvisioningQueue queue) {
        this.dynamo = dynamo;
        this.tables = tables;
        this.clock = clock;
        this.platform = NumbersPlatform.create(dynamo, tables, clock, settings, workflows == null ? this.workflows : workflows, queue);
        CreatedAccount operator = platform.accounts().create(Caller.SYSTEM, ADMIN_ACCOUNT, "Platform operator", null, null);
        var credential = platform.credentials().register(ADMIN_ACCOUNT, Role.ADMIN, "operator", "test-admin-token-" + tables.numbers());
        this.admin = new Caller(operator.account().id(), credential.credential().authId(), Role.ADMIN);
    }

    /** A platform on fresh tables of the per-JVM DynamoDB Local. */
    public static PlatformFixture create() {
        return on(LocalDynamo.client());
    }

    /** A platform on fresh tables whose provisioning queue is {@code queue} (e.g. SQS on ElasticMQ, or the tasks kept in a list). */
    public static PlatformFixture withQueue(ProvisioningQueue queue) {
        DynamoDbClient dynamo = LocalDynamo.client();
        return new PlatformFixture(dynamo, LocalDynamo.freshTables(dynamo), new TestClock(), NumbersPlatform.Settings.defaults(), queue);
    }

    /** A platform through {@code dynamo} whose provisioning queue is {@code queue}. */
    public static PlatformFixture on(DynamoDbClient dynamo, ProvisioningQueue queue) {
        return new PlatformFixture(dynamo, LocalDynamo.freshTables(dynamo), new TestClock(), NumbersPlatform.Settings.defaults(), queue);
    }

    /** A platform on fresh tables with other settings (e.g. a short aging period). */
    public static PlatformFixture create(NumbersPlatform.Settings settings) {
        DynamoDbClient dynamo = LocalDynamo.client();
        return new PlatformFixture(dynamo, LocalDynamo.freshTables(dynamo), new TestClock(), settings);
    }

    /** A platform on fresh tables that starts its state machines' executions through {@code workflows}. */
    public static PlatformFixture create(NumbersPlatform.Settings settings, Workflows workflows) {
        DynamoDbClient dynamo = LocalDynamo.client();
        return new PlatformFixture(dynamo, LocalDynamo.freshTables(dynamo), new TestClock(), settings, workflows, null);
    }

    /** A platform whose adapters go through {@code dynamo} (e.g. a fault-injecting wrapper of {@link LocalDynamo#client()}). */
    public static PlatformFixture on(DynamoDbClient dynamo) {
        return new PlatformFixture(dynamo, LocalDynamo.freshTables(dynamo), new TestClock(), NumbersPlatform.Settings.defaults());
    }

    /** A master account with {@code balance} (credited by the operator), and its user caller. */
    public Caller master(String id, String balance) {
        CreatedAccount created = platform.accounts().create(admin, id, id, null, null);
        if (Money.of(balance).isPositive()) {
            platform.accounts().credit(admin, id, Money.of(balance));
        }
        return new Caller(id, created.credential().credential().authId(), Role.USER);
    }

    /** A master account restricted to {@code regions}. */
    public Caller masterIn(String id, String balance, List<String> regions) {
        CreatedAccount created = platform.accounts().create(admin, id, id, null, regions);
        if (Money.of(balance).isPositive()) {
            platform.accounts().credit(admin, id, Money.of(balance));
        }
        return new Caller(id, created.credential().credential().authId(), Role.USER);
    }

    /** A sub-account of {@code master}, created by the master itself. */
    public Caller sub(Caller master, String id, String balance) {
        CreatedAccount created = platform.accounts().create(master, id, id, null, null);
        if (Money.of(balance).isPositive()) {
            platform.accounts().credit(admin, id, Money.of(balance));
        }
        return new Caller(id, created.credential().credential().authId(), Role.USER);
    }

    public Account account(String id) {
        return platform.accounts().get(admin, id);
    }

    /** Loads local US numbers {@code first}, first+1, ... (E.164, e.g. "+14155550100") in one city. */
    public List<String> load(String first, int count, String city, String state) {
        long base = Long.parseLong(first.substring(1));
        List<InventoryNumber> list = new ArrayList<>(count);
        List<String> numbers = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            String n = "+" + (base + i);
            numbers.add(n);
            list.add(new InventoryNumber(n, city, state, "US", "local", null, null));
        }
        platform.inventory().load(admin, list);
        return numbers;
    }

    public List<String> load(String first, int count) {
        return load(first, count, "San Francisco", "CA");
    }
}
