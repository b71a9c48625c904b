package com.carrier.numbers.local.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.carrier.numbers.NumbersPlatform;
import com.carrier.numbers.domain.Caller;
import com.carrier.numbers.domain.E164;
import com.carrier.numbers.domain.InventoryNumber;
import com.carrier.numbers.domain.Money;
import com.carrier.numbers.domain.PlatformException;
import com.carrier.numbers.domain.Role;
import com.carrier.numbers.local.LocalRuntime;
import com.carrier.numbers.template.SamTemplate;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse.BodyHandlers;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiFunction;
import java.util.stream.Stream;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The tenancy matrix: every HTTP route of template.yaml against every kind of caller, through real
 * HTTP to the local runtime, with the expected status in the table below. After every refusal the
 * whole database is compared with what it was before: a refused request changes nothing.
 *
 * <p>A route of the template without a row fails {@link #everyRouteOfTheTemplateHasARow()}, so a
 * route added later is covered by construction: add one {@code row(...)} with its request and the
 * expected answer per principal. A route authenticated by an HMAC signature instead of a token
 * (the carrier's callbacks) takes a {@code signed(...)} row: valid, missing and wrong signature,
 * and a token without a signature.
 *
 * <p>The world of each cell: master {@code M} with sub-accounts {@code S1} (the owner) and
 * {@code S2} (its sibling), an unrelated master {@code X}, an operator (admin). S1 owns {@code n1},
 * holds {@code held}; M owns {@code pool} (unassigned) and {@code assigned} (assigned to S1);
 * {@code available} is in inventory. A request names S1's account in its path; the {@code *_OWN}
 * principals put their own account there instead, to reach S1's objects through it (404).
 */
class TenancyMatrixTest {

    /** Who calls. */
    enum Principal {
        OWNER, PARENT, SIBLING, STRANGER, ADMIN, NO_TOKEN, UNKNOWN_TOKEN, REVOKED_TOKEN,
        /** The sibling / stranger with its own account in the path and the owner's object. */
        SIBLING_OWN, STRANGER_OWN,
        /** Signature rows (carrier callbacks): a valid signature, none, one made with another secret. */
        SIGNED, UNSIGNED, BAD_SIGNATURE;

        static final List<Principal> REQUIRED = List.of(OWNER, PARENT, SIBLING, STRANGER, ADMIN, NO_TOKEN, UNKNOWN_TOKEN, REVOKED_TOKEN);
        /** A signed route: the three signatures, and the owner's token instead of a signature. */
        static final List<Principal> REQUIRED_SIGNED = List.of(SIGNED, UNSIGNED, BAD_SIGNATURE, OWNER);

        static Principal parse(String s) {
            return valueOf(s.trim().toUpperCase().replace('-', '_'));
        }
    }

    /** How a route authenticates: a token through the authorizer, or (carrier callbacks) an HMAC signature. */
    enum AuthKind { TOKEN, SIGNATURE }

    record Request(String method, String path, String body) {
    }

    /**
     * One route: its request (given the world and the account to put in the path) and the expected
     * status per principal ("owner 200, sibling 403, ..."); the three unauthenticated principals
     * default to 401 on token routes.
     */
    record Row(String routeKey, AuthKind auth, boolean repeatable, BiFunction<World, String, Request> request,
               Map<Principal, Integer> expected, Signer signer) {
    }

    /** The headers that sign a request of a signature row ({@code secret} is the right one or another). */
    interface Signer {
        Map<String, String> headers(Request request, boolean rightSecret);
    }

    private static final List<Row> ROWS = List.of(
            row("GET /v2/phone_numbers", (w, a) -> get("/v2/phone_numbers?prefix=" + w.npaExchange + "&quantity=2"),
                    "owner 200, parent 200, sibling 200, stranger 200, admin 200"),
            row("GET /v2/numbers/inventory", (w, a) -> get("/v2/numbers/inventory?prefix=" + w.npaExchange + "&limit=2"),
                    "owner 200, parent 200, sibling 200, stranger 200, admin 200"),
            row("GET /v2/accounts/{account_id}/phone_numbers", (w, a) -> get("/v2/accounts/" + a + "/phone_numbers"),
                    "owner 200, parent 200, sibling 403, stranger 403, admin 200"),
            row("PUT /v2/accounts/{account_id}/phone_numbers/{number}",
                    (w, a) -> new Request("PUT", "/v2/accounts/" + a + "/phone_numbers/" + enc(w.available), "{\"data\":{}}"),
                    "owner 201, parent 201, sibling 403, stranger 403, admin 201"),
            row("GET /v2/accounts/{account_id}/phone_numbers/{number}", (w, a) -> get("/v2/accounts/" + a + "/phone_numbers/" + enc(w.n1)),
                    "owner 200, parent 200, sibling 403, stranger 403, admin 200, sibling-own 404, stranger-own 404"),
            repeatable("POST /v2/accounts/{account_id}/phone_numbers/{number}",
                    (w, a) -> new Request("POST", "/v2/accounts/" + a + "/phone_numbers/" + enc(w.n1),
                            "{\"data\":{\"cnam\":{\"display_name\":\"Changed\"}}}"),
                    "owner 200, parent 200, sibling 403, stranger 403, admin 200, sibling-own 404, stranger-own 404"),
            row("DELETE /v2/accounts/{account_id}/phone_numbers/{number}",
                    (w, a) -> new Request("DELETE", "/v2/accounts/" + a + "/phone_numbers/" + enc(w.n1), null),
                    "owner 200, parent 200, sibling 403, stranger 403, admin 200, sibling-own 404, stranger-own 404"),
            repeatable("PUT /v2/accounts/{account_id}/phone_numbers/{number}/reserve",
                    (w, a) -> new Request("PUT", "/v2/accounts/" + a + "/phone_numbers/" + enc(w.held) + "/reserve", null),
                    "owner 200, parent 200, sibling 403, stranger 403, admin 200, sibling-own 409, stranger-own 409"),
            row("POST /v2/numbers/purchase", (w, a) -> new Request("POST", "/v2/numbers/purchase", "{\"number\":\"" + w.available + "\"}"),
                    "owner 201, parent 201, sibling 201, stranger 201, admin 201"),
            row("GET /v2/numbers", (w, a) -> get("/v2/numbers"),
                    "owner 200, parent 200, sibling 200, stranger 200, admin 200"),
            row("GET /v2/numbers/{number_id}", (w, a) -> get("/v2/numbers/" + w.n1Id),
                    "owner 200, parent 200, sibling 404, stranger 404, admin 200"),
            row("DELETE /v2/numbers/{number_id}", (w, a) -> new Request("DELETE", "/v2/numbers/" + w.n1Id, null),
                    "owner 200, parent 200, sibling 404, stranger 404, admin 200"),
            row("POST /v2/subaccounts/{sub_account_id}/numbers",
                    (w, a) -> new Request("POST", "/v2/subaccounts/" + a + "/numbers", "{\"number\":\"" + w.pool + "\"}"),
                    "owner 403, parent 200, sibling 403, stranger 403, admin 200, sibling-own 403"),
            row("DELETE /v2/subaccounts/{sub_account_id}/numbers/{number}",
                    (w, a) -> new Request("DELETE", "/v2/subaccounts/" + a + "/numbers/" + enc(w.assigned), null),
                    "owner 403, parent 200, sibling 403, stranger 403, admin 200, sibling-own 403"),
            repeatable("POST /v2/admin/call-activity", (w, a) -> new Request("POST", "/v2/admin/call-activity", "{\"number\":\"" + w.n1 + "\"}"),
                    "owner 403, parent 403, sibling 403, stranger 403, admin 202"),
            // Bulk: a job is the caller's own account's (202 for anyone authenticated); another account's job is 404.
            row("POST /v2/numbers/bulk", (w, a) -> new Request("POST", "/v2/numbers/bulk",
                            "{\"operations\":[{\"action\":\"purchase\",\"number\":\"" + w.available + "\"}]}"),
                    "owner 202, parent 202, sibling 202, stranger 202, admin 202"),
            row("GET /v2/jobs/{job_id}", (w, a) -> get("/v2/jobs/" + w.s1JobId),
                    "owner 200, parent 200, sibling 404, stranger 404, admin 200"),
            row("GET /v2/jobs", (w, a) -> get("/v2/jobs"),
                    "owner 200, parent 200, sibling 200, stranger 200, admin 200"),
            row("POST /v2/admin/inventory", (w, a) -> new Request("POST", "/v2/admin/inventory",
                            "{\"numbers\":[{\"number\":\"+1" + w.npaExchange + "0090\",\"city\":\"Denver\",\"state\":\"CO\"}]}"),
                    "owner 403, parent 403, sibling 403, stranger 403, admin 202"),
            row("GET /v2/admin/audit", (w, a) -> get("/v2/admin/audit?number=" + enc(w.n1)),
                    "owner 403, parent 403, sibling 403, stranger 403, admin 200"),
            // A new sub-account of M: only M (and an operator) may create one under it.
            repeatable("PUT /v2/accounts/{account_id}",
                    (w, a) -> new Request("PUT", "/v2/accounts/SA_new" + UUID.randomUUID().toString().replace("-", "").substring(0, 12),
                            "{\"name\":\"new\",\"parent_id\":\"" + w.m + "\"}"),
                    "owner 403, parent 201, sibling 403, stranger 403, admin 201"),
            row("GET /v2/accounts/{account_id}", (w, a) -> get("/v2/accounts/" + a),
                    "owner 200, parent 200, sibling 403, stranger 403, admin 200"),
            repeatable("POST /v2/accounts/{account_id}/credits", (w, a) -> new Request("POST", "/v2/accounts/" + a + "/credits", "{\"amount\":5.00}"),
                    "owner 403, parent 403, sibling 403, stranger 403, admin 200"),
            row("GET /v2/accounts/{account_id}/ledger", (w, a) -> get("/v2/accounts/" + a + "/ledger"),
                    "owner 200, parent 200, sibling 403, stranger 403, admin 200"),
            repeatable("POST /v2/accounts/{account_id}/credentials",
                    (w, a) -> new Request("POST", "/v2/accounts/" + a + "/credentials", "{\"name\":\"matrix\"}"),
                    "owner 201, parent 201, sibling 403, stranger 403, admin 201"),
            row("GET /v2/accounts/{account_id}/credentials", (w, a) -> get("/v2/accounts/" + a + "/credentials"),
                    "owner 200, parent 200, sibling 403, stranger 403, admin 200"),
            row("DELETE /v2/accounts/{account_id}/credentials/{auth_id}",
                    (w, a) -> new Request("DELETE", "/v2/accounts/" + a + "/credentials/" + w.s1SpareAuthId, null),
                    "owner 200, parent 200, sibling 403, stranger 403, admin 200, sibling-own 404, stranger-own 404"),
            // Ports: created for the caller's own account (a fresh number each time); another tenant's port is 404.
            repeatable("POST /v2/ports", (w, a) -> new Request("POST", "/v2/ports", portBody(freshPortNumber(), "998000")),
                    "owner 201, parent 201, sibling 201, stranger 201, admin 201"),
            row("GET /v2/ports", (w, a) -> get("/v2/ports"),
                    "owner 200, parent 200, sibling 200, stranger 200, admin 200"),
            row("GET /v2/ports/{port_id}", (w, a) -> get("/v2/ports/" + w.pendingPort),
                    "owner 200, parent 200, sibling 404, stranger 404, admin 200"),
            row("DELETE /v2/ports/{port_id}", (w, a) -> new Request("DELETE", "/v2/ports/" + w.pendingPort, null),
                    "owner 200, parent 200, sibling 404, stranger 404, admin 200"),
            row("PATCH /v2/ports/{port_id}", (w, a) -> new Request("PATCH", "/v2/ports/" + w.failedPort, "{\"account_number\":\"998777\"}"),
                    "owner 200, parent 200, sibling 404, stranger 404, admin 200"),
            // The carrier callback: only the carrier's signature counts; a customer's token is worth nothing there.
            signed("POST /v2/carrier/ports/{port_id}/events", (w, a) -> new Request("POST",
                            "/v2/carrier/ports/" + w.pendingPort + "/events",
                            "{\"event_id\":\"evt_" + UUID.randomUUID() + "\",\"type\":\"rejected\",\"reason\":\"PIN_INVALID\"}"),
                    TenancyMatrixTest::carrierSignature,
                    "signed 200, unsigned 401, bad-signature 401, owner 401"));

    private static final com.carrier.numbers.domain.CallbackSignature CARRIER_SIGNATURE =
            new com.carrier.numbers.domain.CallbackSignature(com.carrier.numbers.functions.Platform.LOCAL_CALLBACK_SECRET);
    private static final com.carrier.numbers.domain.CallbackSignature OTHER_SECRET =
            new com.carrier.numbers.domain.CallbackSignature("not-the-carrier-secret");

    private static Map<String, String> carrierSignature(Request r, boolean rightSecret) {
        long now = java.time.Instant.now().getEpochSecond();
        return Map.of(com.carrier.numbers.domain.CallbackSignature.TIMESTAMP_HEADER, Long.toString(now),
                com.carrier.numbers.domain.CallbackSignature.SIGNATURE_HEADER, (rightSecret ? CARRIER_SIGNATURE : OTHER_SECRET).sign(now, r.body()));
    }

    private static String freshPortNumber() {
        java.security.SecureRandom random = new java.security.SecureRandom();
        while (true) {
            String n = "+1720" + (200 + random.nextInt(799)) + String.format("%04d", random.nextInt(10_000));
            try {
                return E164.parse(n, "number");
            } catch (PlatformException invalid) {
                // libphonenumber rejects a few: draw another
            }
        }
    }

    private static String portBody(String number, String accountNumber) {
        return "{\"number\":\"" + number + "\",\"account_number\":\"" + accountNumber + "\",\"billing_phone\":\"" + number
                + "\",\"end_user_name\":\"Matrix\",\"end_user_address\":{\"street\":\"1 Main St\",\"city\":\"Denver\","
                + "\"state\":\"CO\",\"postal_code\":\"80202\",\"country\":\"US\"}}";
    }

    private static LocalRuntime runtime;
    /** The world of every refusal and of the successes that leave other cells' objects as they were. */
    private static World shared;
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private static final AtomicInteger WORLDS = new AtomicInteger();

    @BeforeAll
    static void start() {
        runtime = LocalRuntime.start(LocalRuntime.Options.defaults().withPort(0).withSeed(false).withAccessLog(false));
        shared = World.create(runtime.platform());
    }

    @AfterAll
    static void stop() {
        if (runtime != null) {
            runtime.close();
        }
    }

    @Test
    void everyRouteOfTheTemplateHasARow() {
        List<String> rows = ROWS.stream().map(Row::routeKey).toList();
        assertThat(rows).as("rows of the tenancy matrix").doesNotHaveDuplicates();
        assertThat(rows).as("routes of template.yaml without a row in the tenancy matrix (add one)")
                .containsExactlyInAnyOrderElementsOf(SamTemplate.load().routes().keySet());
        for (Row row : ROWS) {
            assertThat(row.expected().keySet()).as("principals of %s", row.routeKey())
                    .containsAll(row.auth() == AuthKind.TOKEN ? Principal.REQUIRED : Principal.REQUIRED_SIGNED);
        }
    }

    /**
     * All refusals first (the database then holds the shared world only, so comparing all of it
     * after each request is cheap), then the successes.
     */
    @TestFactory
    Stream<DynamicTest> everyRouteAgainstEveryPrincipal() {
        Stream<DynamicTest> refusals = ROWS.stream().map(row -> DynamicTest.dynamicTest(row.routeKey() + ": refusals change nothing", () -> {
            SoftAssertions soft = new SoftAssertions();
            Map<String, List<String>> before = snapshot();
            for (Map.Entry<Principal, Integer> cell : row.expected().entrySet()) {
                if (cell.getValue() >= 300) {
                    int got = call(row, shared, cell.getKey());
                    soft.assertThat(got).as("%s as %s", row.routeKey(), cell.getKey()).isEqualTo(cell.getValue());
                    Map<String, List<String>> after = snapshot();
                    soft.assertThat(after).as("database after %s as %s (answered %d)", row.routeKey(), cell.getKey(), got)
                            .isEqualTo(before);
                    before = after;
                }
            }
            soft.assertAll();
        }));
        // Successes: in the shared world where a success leaves the others' objects as they were
        // (reads, merges, additions); else each in a world of its own (a sale, a release, a revocation).
        Stream<DynamicTest> successes = ROWS.stream().map(row -> DynamicTest.dynamicTest(row.routeKey() + ": successes", () -> {
            SoftAssertions soft = new SoftAssertions();
            for (Map.Entry<Principal, Integer> cell : row.expected().entrySet()) {
                if (cell.getValue() < 300) {
                    World w = row.repeatable() ? shared : World.create(runtime.platform());
                    soft.assertThat(call(row, w, cell.getKey())).as("%s as %s", row.routeKey(), cell.getKey()).isEqualTo(cell.getValue());
                }
            }
            soft.assertAll();
        }));
        return Stream.concat(refusals, successes);
    }

    private static int call(Row row, World w, Principal p) {
        String account = switch (p) {
            case SIBLING_OWN -> w.s2;
            case STRANGER_OWN -> w.x;
            default -> w.s1;
        };
        String token = switch (p) {
            case OWNER -> w.s1Token;
            case PARENT -> w.mToken;
            case SIBLING, SIBLING_OWN -> w.s2Token;
            case STRANGER, STRANGER_OWN -> w.xToken;
            case ADMIN -> w.adminToken;
            case NO_TOKEN -> null;
            case UNKNOWN_TOKEN -> "unknown-" + UUID.randomUUID();
            case REVOKED_TOKEN -> w.s1RevokedToken;
            case SIGNED, UNSIGNED, BAD_SIGNATURE -> null;
        };
        Request r = row.request().apply(w, account);
        Map<String, String> signature = switch (p) {
            case SIGNED -> row.signer().headers(r, true);
            case BAD_SIGNATURE -> row.signer().headers(r, false);
            default -> Map.of();
        };
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(runtime.baseUrl() + r.path()))
                .method(r.method(), r.body() == null ? BodyPublishers.noBody() : BodyPublishers.ofString(r.body()));
        if (token != null) {
            b.header("X-Auth-Token", token);
        }
        if (r.body() != null) {
            b.header("Content-Type", "application/json");
        }
        signature.forEach(b::header);
        try {
            return HTTP.send(b.build(), BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Every item of every table, as text, sorted: equal snapshots mean nothing was written. */
    private static Map<String, List<String>> snapshot() {
        DynamoDbClient dynamo = runtime.dynamoDb();
        Map<String, List<String>> out = new TreeMap<>();
        for (String table : dynamo.listTables().tableNames()) {
            List<String> items = new ArrayList<>();
            dynamo.scanPaginator(b -> b.tableName(table)).items().forEach(i -> items.add(new TreeMap<String, AttributeValue>(i).toString()));
            items.sort(null);
            out.put(table, items);
        }
        return out;
    }

    /** A row whose successes change what other cells act on: each success gets a world of its own. */
    private static Row row(String routeKey, BiFunction<World, String, Request> request, String expected) {
        return row(routeKey, routeKey.startsWith("GET "), request, expected);
    }

    /** A row whose successes can share one world (reads, merges, additions). */
    private static Row repeatable(String routeKey, BiFunction<World, String, Request> request, String expected) {
        return row(routeKey, true, request, expected);
    }

    private static Row row(String routeKey, boolean repeatable, BiFunction<World, String, Request> request, String expected) {
        Map<Principal, Integer> map = new EnumMap<>(Principal.class);
        map.put(Principal.NO_TOKEN, 401);
        map.put(Principal.UNKNOWN_TOKEN, 401);
        map.put(Principal.REVOKED_TOKEN, 401);
        for (String cell : expected.split(",")) {
            String[] parts = cell.trim().split("\\s+");
            map.put(Principal.parse(parts[0]), Integer.parseInt(parts[1]));
        }
        return new Row(routeKey, AuthKind.TOKEN, repeatable, request, map, null);
    }

    /**
     * A route authenticated by a signature instead of a token (the carrier's callbacks): expected
     * status for "signed", "unsigned", "bad-signature" and "owner" (a token, no signature).
     */
    private static Row signed(String routeKey, BiFunction<World, String, Request> request, Signer signer, String expected) {
        Map<Principal, Integer> map = new EnumMap<>(Principal.class);
        for (String cell : expected.split(",")) {
            String[] parts = cell.trim().split("\\s+");
            map.put(Principal.parse(parts[0]), Integer.parseInt(parts[1]));
        }
        return new Row(routeKey, AuthKind.SIGNATURE, false, request, map, signer);
    }

    private static Request get(String path) {
        return new Request("GET", path, null);
    }

    private static String enc(String number) {
        return number.replace("+", "%2B");
    }

    /** The accounts, credentials and numbers of one cell, created through the domain. */
    static final class World {
        String m, s1, s2, x, admin;
        String mToken, s1Token, s2Token, xToken, adminToken, s1RevokedToken, s1SpareAuthId;
        String npaExchange, available, held, n1, n1Id, pool, assigned, s1JobId;
        /** S1's ports: one pending (its execution stopped once it waits, so nothing writes behind the test), one failed. */
        String pendingPort, failedPort;

        static World create(NumbersPlatform platform) {
            World w = new World();
            int k = WORLDS.incrementAndGet();
            String tag = Integer.toString(k, 36) + UUID.randomUUID().toString().substring(0, 6).replace("-", "");
            Caller system = Caller.SYSTEM;
            w.admin = "MA_op" + tag;
            w.m = "MA_m" + tag;
            w.s1 = "SA_a" + tag;
            w.s2 = "SA_b" + tag;
            w.x = "MA_x" + tag;
            platform.accounts().create(system, w.admin, "operator", null, List.of());
            w.adminToken = "admin-" + UUID.randomUUID();
            platform.credentials().register(w.admin, Role.ADMIN, "matrix operator", w.adminToken);
            w.mToken = platform.accounts().create(system, w.m, "master", null, List.of()).credential().token();
            w.s1Token = platform.accounts().create(system, w.s1, "owner", w.m, List.of()).credential().token();
            w.s2Token = platform.accounts().create(system, w.s2, "sibling", w.m, List.of()).credential().token();
            w.xToken = platform.accounts().create(system, w.x, "stranger", null, List.of()).credential().token();
            for (String a : List.of(w.admin, w.m, w.s1, w.s2, w.x)) {
                platform.accounts().credit(system, a, Money.of("100.00"));
            }
            var revoked = platform.credentials().create(system, w.s1, Role.USER, "revoked");
            platform.credentials().revoke(system, w.s1, revoked.credential().authId());
            w.s1RevokedToken = revoked.token();
            w.s1SpareAuthId = platform.credentials().create(system, w.s1, Role.USER, "spare").credential().authId();

            // Six numbers of an exchange of its own: +1 303 (200+k) 00xx.
            w.npaExchange = "303" + (200 + k % 700);
            List<InventoryNumber> numbers = new ArrayList<>();
            for (int line = 0; numbers.size() < 6; line++) {
                try {
                    String n = E164.parse("+1" + w.npaExchange + String.format("%04d", line), "number");
                    numbers.add(new InventoryNumber(n, "Denver", "CO", "US", "local", Money.of("1.00"),
                            Money.of("0.99")));
                } catch (PlatformException invalid) {
                    // libphonenumber rejects a few lines
                }
            }
            platform.inventory().load(system, numbers);
            w.available = numbers.get(0).number();
            w.held = numbers.get(1).number();
            w.n1 = numbers.get(2).number();
            w.pool = numbers.get(3).number();
            w.assigned = numbers.get(4).number();
            Caller s1 = new Caller(w.s1, "matrix", Role.USER);
            Caller m = new Caller(w.m, "matrix", Role.USER);
            platform.phoneNumbers().reserve(s1, w.s1, w.held, null);
            w.n1Id = platform.phoneNumbers().purchase(s1, w.s1, w.n1, null).id();
            platform.phoneNumbers().purchase(m, w.m, w.pool, null);
            platform.phoneNumbers().purchase(m, w.m, w.assigned, null);
            platform.subAccountPool().assign(m, w.s1, w.assigned);
            // A job of S1, written without queueing it (a consumer running it would change the world mid-cell).
            w.s1JobId = "job_" + UUID.randomUUID().toString().replace("-", "").substring(0, 20);
            new com.carrier.numbers.adapter.dynamodb.DynamoJobStore(runtime.dynamoDb(), SamTemplate.load().localTableNames().jobs())
                    .create(new com.carrier.numbers.domain.Job(w.s1JobId, w.s1, "matrix", Role.USER, com.carrier.numbers.domain.Job.BULK,
                            com.carrier.numbers.domain.JobStatus.QUEUED, 1, 0, 0, null, java.time.Instant.now(), null),
                            List.of(new com.carrier.numbers.domain.JobItem(w.s1JobId, 0, "release", w.n1, "pending", null, null)));
            w.pendingPort = quietPort(platform, s1).id();
            var failed = quietPort(platform, s1);
            platform.portSteps().fail(failed.id(), failed.attempt(), "States.Timeout", null);
            w.failedPort = failed.id();
            return w;
        }

        /**
         * A pending port of {@code owner} whose execution is stopped once it waits for the carrier (the
         * 998 carrier never answers), so that nothing writes behind the matrix's database comparisons.
         */
        private static com.carrier.numbers.domain.Port quietPort(NumbersPlatform platform, Caller owner) {
            var request = new com.carrier.numbers.service.PortRequest(List.of(freshPortNumber()), "998000", null, null,
                    "+13035550100", "Matrix", new com.carrier.numbers.domain.EndUserAddress("1 Main St", "Denver", "CO", "80202", "US"), null);
            var port = platform.ports().create(owner, request);
            long until = System.nanoTime() + 60_000_000_000L;
            while (platform.ports().get(Caller.SYSTEM, port.id()).taskToken() == null) {
                if (System.nanoTime() > until) {
                    throw new IllegalStateException("port " + port.id() + " never reached its wait for the carrier");
                }
                try {
                    Thread.sleep(10);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(e);
                }
            }
            platform.workflows().stop(com.carrier.numbers.port.Workflows.Machine.PORT_LIFECYCLE, port.executionName(), "matrix");
            return platform.ports().get(Caller.SYSTEM, port.id());
        }
    }
}
