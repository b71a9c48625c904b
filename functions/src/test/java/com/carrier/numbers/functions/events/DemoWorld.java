package com.carrier.numbers.functions.events;

import com.carrier.numbers.NumbersPlatform;
import com.carrier.numbers.adapter.dynamodb.NumberItems;
import com.carrier.numbers.domain.Account;
import com.carrier.numbers.domain.Caller;
import com.carrier.numbers.domain.Money;
import com.carrier.numbers.domain.NumberUpdate;
import com.carrier.numbers.domain.PhoneNumber;
import com.carrier.numbers.domain.Role;
import com.carrier.numbers.testing.PlatformFixture;
import com.carrier.numbers.testing.TaskList;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The demo world the files of events/ are written against (the local runtime's demo data, README):
 * operator MA_platform, master MA_demo with sub-accounts SA_demo1 and SA_demo2, the unrelated master
 * MA_other, each with 100.00; the demo tokens with the auth ids the events' authorizer contexts
 * carry; and a block of San Francisco numbers from +14152000000. Built through the domain services
 * on fresh DynamoDB Local tables; the two things the services cannot do on purpose (a given number
 * id, a given auth id: both are random) are set in the tables directly.
 */
final class DemoWorld {
    static final String OPERATOR = "MA_platform";
    static final String MASTER = "MA_demo";
    static final String SUB1 = "SA_demo1";
    static final String SUB2 = "SA_demo2";
    static final String OTHER = "MA_other";
    static final Money STARTING_BALANCE = Money.of("100.00");
    /** The first number of the inventory block; the events use +14152000001 and +14152000002. */
    static final String FIRST_NUMBER = "+14152000000";
    static final int INVENTORY_SIZE = 20;

    /** A demo credential: the token the events send and the auth id their authorizer context names. */
    record DemoToken(String accountId, Role role, String token, String authId) {
        Caller caller() {
            return new Caller(accountId, authId, role);
        }
    }

    static final DemoToken ADMIN = new DemoToken(OPERATOR, Role.ADMIN, "local-admin-token", "auth_localadmin");
    static final DemoToken DEMO_MASTER = new DemoToken(MASTER, Role.USER, "demo-master-token", "auth_demomaster");
    static final DemoToken DEMO_SUB1 = new DemoToken(SUB1, Role.USER, "demo-sub1-token", "auth_demosub1");
    static final DemoToken DEMO_SUB2 = new DemoToken(SUB2, Role.USER, "demo-sub2-token", "auth_demosub2");
    static final DemoToken OTHER_MASTER = new DemoToken(OTHER, Role.USER, "other-master-token", "auth_othermaster");
    static final List<DemoToken> TOKENS = List.of(ADMIN, DEMO_MASTER, DEMO_SUB1, DEMO_SUB2, OTHER_MASTER);

    final PlatformFixture fixture;
    final NumbersPlatform platform;

    private DemoWorld(PlatformFixture fixture) {
        this.fixture = fixture;
        this.platform = fixture.platform;
    }

    /** What the platform put on the provisioning queue (the consumer's tests run it themselves). */
    TaskList queue;

    /** The demo world on fresh tables, its clock at {@code now}. */
    static DemoWorld create(Instant now) {
        TaskList queue = new TaskList();
        DemoWorld w = create(PlatformFixture.withQueue(queue), now);
        w.queue = queue;
        return w;
    }

    /** The demo world on fresh tables created through {@code dynamo} (e.g. DynamoDB Local in server mode). */
    static DemoWorld create(software.amazon.awssdk.services.dynamodb.DynamoDbClient dynamo, Instant now) {
        TaskList queue = new TaskList();
        DemoWorld w = create(PlatformFixture.on(dynamo, queue), now);
        w.queue = queue;
        return w;
    }

    private static DemoWorld create(PlatformFixture fixture, Instant now) {
        DemoWorld w = new DemoWorld(fixture);
        w.fixture.clock.set(now);
        w.seed();
        return w;
    }

    private void seed() {
        Caller admin = fixture.admin;
        platform.accounts().create(admin, OPERATOR, "Platform operator", null, null);
        platform.accounts().create(admin, MASTER, "Demo master", null, null);
        platform.accounts().create(admin, SUB1, "Demo sub-account 1", MASTER, null);
        platform.accounts().create(admin, SUB2, "Demo sub-account 2", MASTER, null);
        platform.accounts().create(admin, OTHER, "Other master", null, null);
        for (DemoToken t : TOKENS) {
            credential(t.accountId(), t.role(), "demo " + t.authId(), t.token(), t.authId());
            if (t != ADMIN) {
                platform.accounts().credit(admin, t.accountId(), STARTING_BALANCE);
            }
        }
        fixture.load(FIRST_NUMBER, INVENTORY_SIZE, "San Francisco", "CA");
    }

    /**
     * A credential for {@code token} whose auth id is {@code authId}: registered through the domain,
     * then its (random) auth id rewritten in the credentials table.
     */
    void credential(String accountId, Role role, String name, String token, String authId) {
        String issued = platform.credentials().register(accountId, role, name, token).credential().authId();
        var items = fixture.dynamo.query(b -> b.tableName(fixture.tables.credentials()).indexName("ByAccount")
                .keyConditionExpression("account_id = :a AND auth_id = :id")
                .expressionAttributeValues(Map.of(":a", s(accountId), ":id", s(issued)))).items();
        if (items.size() != 1) {
            throw new IllegalStateException("registered credential " + issued + " of " + accountId + " not found");
        }
        fixture.dynamo.updateItem(b -> b.tableName(fixture.tables.credentials())
                .key(Map.of("token_hash", items.get(0).get("token_hash")))
                .updateExpression("SET auth_id = :id").expressionAttributeValues(Map.of(":id", s(authId))));
    }

    /** A queued job of MA_demo with id {@code id} (ids are random otherwise), its operations pending. */
    void job(String id, List<com.carrier.numbers.domain.JobOperation> operations) {
        var store = new com.carrier.numbers.adapter.dynamodb.DynamoJobStore(fixture.dynamo, fixture.tables.jobs());
        List<com.carrier.numbers.domain.JobItem> items = new java.util.ArrayList<>();
        for (int i = 0; i < operations.size(); i++) {
            items.add(new com.carrier.numbers.domain.JobItem(id, i, operations.get(i).action().wire(), operations.get(i).number(),
                    com.carrier.numbers.domain.JobItem.PENDING, null, null));
        }
        store.create(new com.carrier.numbers.domain.Job(id, MASTER, DEMO_MASTER.authId(), Role.USER, com.carrier.numbers.domain.Job.BULK,
                com.carrier.numbers.domain.JobStatus.QUEUED, operations.size(), 0, 0, "order-42", fixture.clock.instant(), null), items);
    }

    /** MA_demo buys {@code number} from the inventory (setup fee + first month debited). */
    PhoneNumber own(String number) {
        return platform.phoneNumbers().purchase(DEMO_MASTER.caller(), MASTER, number, NumberUpdate.NONE);
    }

    /** MA_demo owns {@code number} and has assigned it to {@code sub}. */
    PhoneNumber assigned(String number, String sub) {
        own(number);
        return platform.subAccountPool().assign(DEMO_MASTER.caller(), sub, number);
    }

    /** Gives {@code number} (owned) the id {@code id} instead of its random num_ id. */
    void numberId(String number, String id) {
        fixture.dynamo.updateItem(b -> b.tableName(fixture.tables.numbers()).key(Map.of("number", s(number)))
                .conditionExpression("attribute_exists(id)")
                .updateExpression("SET id = :id").expressionAttributeValues(Map.of(":id", s(id))));
    }

    /** A number as stored (no scope checks), whatever its state. */
    PhoneNumber number(String number) {
        var item = fixture.dynamo.getItem(b -> b.tableName(fixture.tables.numbers()).key(Map.of("number", s(number)))
                .consistentRead(true)).item();
        if (item == null || item.isEmpty()) {
            throw new IllegalStateException(number + " is not stored");
        }
        return NumberItems.fromItem(item);
    }

    /** The port id the events/ files name, and the seed 003 number it ports. */
    static final String PORT_ID = "port_3f9a0c1d2e4b5a6c7d8e";
    static final String PORT_NUMBER = "+14155551234";

    /**
     * MA_demo's port of the seed 003 example body (account 123456789), created through the domain
     * and given the id the events name ({@link #PORT_ID}): pending, its number claimed in port_in.
     */
    com.carrier.numbers.domain.Port port() {
        var request = new com.carrier.numbers.service.PortRequest(List.of(PORT_NUMBER), "123456789", null, "Previous Provider",
                PORT_NUMBER, "John Doe", new com.carrier.numbers.domain.EndUserAddress("123 Main St", "San Francisco", "CA",
                "94102", "US"), null);
        var created = platform.ports().create(DEMO_MASTER.caller(), request);
        var key = Map.of("port_id", s(created.id()));
        var item = new java.util.HashMap<>(fixture.dynamo.getItem(b -> b.tableName(fixture.tables.ports()).key(key)
                .consistentRead(true)).item());
        item.put("port_id", s(PORT_ID));
        item.put("created_key", s(item.get("created_key").s().replace(created.id(), PORT_ID)));
        fixture.dynamo.putItem(b -> b.tableName(fixture.tables.ports()).item(item));
        fixture.dynamo.deleteItem(b -> b.tableName(fixture.tables.ports()).key(key));
        return platform.ports().get(DEMO_MASTER.caller(), PORT_ID);
    }

    /** The port as stored. */
    com.carrier.numbers.domain.Port storedPort() {
        return platform.ports().get(ADMIN.caller(), PORT_ID);
    }

    /** The carrier's authorization of the port (FOC {@code foc}) recorded through the callback's domain call. */
    void carrierAuthorizes(java.time.LocalDate foc) {
        platform.ports().carrierEvent(PORT_ID, new com.carrier.numbers.domain.CarrierEvent("evt_seed_decision",
                com.carrier.numbers.domain.CarrierEvent.Type.AUTHORIZED, foc, List.of(), null, null, null));
    }

    /** Whether a number is stored at all (a withdrawn port_in number is not). */
    boolean stored(String number) {
        var item = fixture.dynamo.getItem(b -> b.tableName(fixture.tables.numbers()).key(Map.of("number", s(number)))
                .consistentRead(true)).item();
        return item != null && !item.isEmpty();
    }

    Account account(String id) {
        return fixture.account(id);
    }

    Money balance(String id) {
        return account(id).balance();
    }

    private static AttributeValue s(String v) {
        return AttributeValue.builder().s(v).build();
    }
}
