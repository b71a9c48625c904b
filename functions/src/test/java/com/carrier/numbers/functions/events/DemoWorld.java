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

    /** The demo world on fresh tables, its clock at {@code now}. */
    static DemoWorld create(Instant now) {
        return create(PlatformFixture.create(), now);
    }

    /** The demo world on fresh tables created through {@code dynamo} (e.g. DynamoDB Local in server mode). */
    static DemoWorld create(software.amazon.awssdk.services.dynamodb.DynamoDbClient dynamo, Instant now) {
        return create(PlatformFixture.on(dynamo), now);
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
