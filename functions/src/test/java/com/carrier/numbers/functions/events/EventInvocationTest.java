package com.carrier.numbers.functions.events;

import static com.carrier.numbers.functions.events.DemoWorld.DEMO_MASTER;
import static com.carrier.numbers.functions.events.DemoWorld.MASTER;
import static com.carrier.numbers.functions.events.DemoWorld.SUB1;
import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import com.amazonaws.services.lambda.runtime.serialization.PojoSerializer;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import com.carrier.numbers.NumbersPlatform;
import com.carrier.numbers.domain.Money;
import com.carrier.numbers.domain.NumberState;
import com.carrier.numbers.domain.PhoneNumber;
import com.carrier.numbers.domain.Role;
import com.carrier.numbers.functions.template.Events;
import com.carrier.numbers.template.SamTemplate;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Issue 3: every function of template.yaml, invoked the way `sam local invoke -e events/X.json`
 * invokes it, answers its example event as a user expects. For each function: a fresh demo world
 * on DynamoDB Local holding exactly what the event refers to; the handler class named in the
 * template, built on that platform; the event file read with the Lambda runtime's serializers into
 * the handler method's input type; the output written back with those serializers (what sam
 * prints); then the status, the envelope and the key data fields, and where it matters the state
 * the call left behind. A function without a case here fails, so a new function needs one.
 */
class EventInvocationTest {
    private static final SamTemplate TEMPLATE = SamTemplate.load();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String N1 = "+14152000001";
    private static final String N2 = "+14152000002";
    private static final String NUMBER_ID = "num_abc123";

    /** What a function's example event needs (run on the clock a little before the event), and what its answer must show. */
    record Case(Consumer<DemoWorld> given, BiConsumer<Outcome, DemoWorld> then) {
    }

    /** An invocation's output as the Lambda runtime serializes it (what sam prints), with the handler's log lines. */
    record Outcome(String logicalId, JsonNode output, List<String> logs) {
        /** HTTP API: the response status code. */
        int status() {
            return output.path("statusCode").asInt();
        }

        /** HTTP API: the response body, parsed. */
        JsonNode body() {
            try {
                return JSON.readTree(output.path("body").asText());
            } catch (Exception e) {
                throw new AssertionError(logicalId + ": body is not JSON: " + output, e);
            }
        }

        String describe() {
            return logicalId + " answered " + output + (logs.isEmpty() ? "" : "\nlog: " + String.join("", logs));
        }
    }

    static final Map<String, Case> CASES = cases();

    @Test
    void everyCaseIsAFunctionOfTheTemplate() {
        Set<String> functions = TEMPLATE.functions().stream().map(SamTemplate.Function::logicalId).collect(Collectors.toSet());
        assertThat(CASES.keySet()).as("cases of %s without a function in template.yaml", getClass().getSimpleName())
                .isSubsetOf(functions);
    }

    @TestFactory
    Stream<DynamicTest> everyFunctionAnswersItsExampleEvent() {
        return TEMPLATE.functions().stream().map(f -> DynamicTest.dynamicTest(f.logicalId(), () -> {
            Case c = CASES.get(f.logicalId());
            assertThat(c).as("%s has no case in %s: add one that seeds what events/%s.json needs and checks the answer",
                    f.logicalId(), getClass().getSimpleName(), f.logicalId()).isNotNull();
            Instant at = eventTime(f.logicalId());
            DemoWorld world = DemoWorld.create(at.minus(Duration.ofMinutes(10)));
            c.given().accept(world);
            world.fixture.clock.set(at);
            Outcome outcome = invoke(f, world.platform);
            if (f.kind() == SamTemplate.Kind.HTTP_API) {
                assertThat(outcome.status()).as(outcome.describe()).isBetween(200, 299);
                assertThat(outcome.output().path("headers").path("Content-Type").asText()).as(outcome.describe())
                        .isEqualTo("application/json");
            }
            c.then().accept(outcome, world);
        }));
    }

    // ---------------------------------------------------------------- the cases, one per function

    private static Map<String, Case> cases() {
        Map<String, Case> c = new LinkedHashMap<>();

        c.put("AuthorizerFunction", new Case(w -> { }, (o, w) -> {
            assertThat(o.output().path("isAuthorized").asBoolean(false)).as(o.describe()).isTrue();
            assertThat(o.output().path("context")).as(o.describe()).isEqualTo(JSON.valueToTree(Map.of(
                    "account_id", MASTER, "auth_id", DEMO_MASTER.authId(), "role", "user")));
        }));

        c.put("MonthlyRenewalFunction", new Case(w -> {
            // Bought a month and an hour before the hourly run: MA_demo pays, a master without credit is suspended.
            w.fixture.clock.set(eventTime("MonthlyRenewalFunction").atZone(ZoneOffset.UTC).minusMonths(1).minusHours(1).toInstant());
            w.own(N1);
            var broke = w.fixture.master("MA_broke", price(w, N2).toDecimal().toPlainString());
            w.platform.phoneNumbers().purchase(broke, "MA_broke", N2, null); // balance now 0
        }, (o, w) -> {
            assertThat(o.output()).as(o.describe()).isEqualTo(JSON.valueToTree(Map.of("charged", 1, "suspended", 1, "failed", 0,
                    "failed_numbers", List.of(), "unfinished", false)));
            assertThat(w.number(N1).suspended()).isFalse();
            assertThat(w.number(N2).suspended()).isTrue();
            assertThat(w.balance(MASTER)).isEqualTo(DemoWorld.STARTING_BALANCE.minus(price(w, N1)).minus(w.number(N1).monthlyCost()));
        }));

        // ------------------------------------------------------------ aging and deferred unassign

        c.put("AgeOutNumberFunction", new Case(w -> {
            w.fixture.clock.set(Instant.parse("2026-10-10T09:30:00Z")); // the event's released_at
            w.own(N1);
            w.platform.phoneNumbers().release(DEMO_MASTER.caller(), MASTER, N1);
        }, (o, w) -> {
            assertThat(o.output()).as(o.describe()).isEqualTo(JSON.valueToTree(Map.of("number", N1,
                    "released_at", "2026-10-10T09:30:00Z", "outcome", "aged_out", "state", "available")));
            assertThat(w.number(N1).state()).isEqualTo(NumberState.AVAILABLE);
            assertThat(w.number(N1).ownerId()).isNull();
        }));

        c.put("CompleteDeferredUnassignFunction", new Case(w -> {
            w.fixture.clock.set(Instant.parse("2026-11-12T09:30:00Z")); // the event's requested_at
            w.assigned(N1, SUB1);
            w.platform.callActivity().record(N1, Instant.parse("2026-11-09T02:10:00Z")); // cool-off until 11-24 02:10
            w.platform.subAccountPool().unassignWhenCooledOff(DEMO_MASTER.caller(), SUB1, N1);
        }, (o, w) -> {
            assertThat(o.output().path("outcome").asText()).as(o.describe()).isEqualTo("unassigned");
            assertThat(o.output().path("cool_off_until").asText()).isEqualTo("2026-11-24T02:10:00Z");
            assertThat(w.number(N1).subAccountId()).isNull();
            assertThat(w.number(N1).ownerId()).isEqualTo(MASTER);
        }));

        c.put("OverdueNumbersSweepFunction", new Case(w -> {
            // released 45 days and an hour before the run, its aging start lost (this world has no engine)
            w.fixture.clock.set(eventTime("OverdueNumbersSweepFunction").minus(Duration.ofDays(45)).minus(Duration.ofHours(1)));
            w.own(N1);
            w.platform.phoneNumbers().release(DEMO_MASTER.caller(), MASTER, N1);
        }, (o, w) -> {
            assertThat(o.output().path("aged_out").asInt()).as(o.describe()).isEqualTo(1);
            assertThat(o.output().path("failed").asInt()).as(o.describe()).isZero();
            assertThat(w.number(N1).state()).isEqualTo(NumberState.AVAILABLE);
        }));

        // ------------------------------------------------------------ crossbar family
        c.put("SearchNumbersFunction", new Case(w -> { }, (o, w) -> {
            JsonNode data = crossbar(o, 200);
            assertThat(data.isArray()).as(o.describe()).isTrue();
            List<String> numbers = texts(data);
            assertThat(numbers).as(o.describe()).hasSize(10).doesNotHaveDuplicates().allMatch(n -> n.startsWith("+1415"));
        }));

        c.put("PurchaseNumberFunction", new Case(w -> { }, (o, w) -> {
            Money price = price(w, N1);
            JsonNode data = crossbar(o, 201);
            assertThat(data.path("number").asText()).isEqualTo(N1);
            assertThat(data.path("state").asText()).isEqualTo("in_service");
            assertThat(data.path("account_id").asText()).isEqualTo(MASTER);
            assertThat(data.path("id").asText()).startsWith("num_");
            assertMoney(data.path("billing").path("setup_fee"), w.number(N1).setupFee());
            assertMoney(data.path("billing").path("monthly_cost"), w.number(N1).monthlyCost());
            assertThat(w.balance(MASTER)).isEqualTo(DemoWorld.STARTING_BALANCE.minus(price));
        }));

        c.put("GetNumberFunction", new Case(w -> w.own(N1), (o, w) -> {
            JsonNode data = crossbar(o, 200);
            assertThat(data.path("number").asText()).isEqualTo(N1);
            assertThat(data.path("state").asText()).isEqualTo("in_service");
            assertThat(data.path("account_id").asText()).isEqualTo(MASTER);
            assertThat(data.path("id").asText()).isEqualTo(w.number(N1).id());
        }));

        c.put("UpdateNumberFunction", new Case(w -> w.own(N1), (o, w) -> {
            JsonNode data = crossbar(o, 200);
            assertThat(data.path("number").asText()).isEqualTo(N1);
            assertThat(data.path("cnam").path("display_name").asText()).as(o.describe()).isEqualTo("Acme Corp");
            assertThat(w.number(N1).cnam().displayName()).isEqualTo("Acme Corp");
        }));

        c.put("ReleaseNumberFunction", new Case(w -> w.own(N1), (o, w) -> {
            JsonNode data = crossbar(o, 200);
            assertThat(data.path("number").asText()).isEqualTo(N1);
            assertThat(data.path("state").asText()).isEqualTo("released");
            assertThat(data.has("available_at")).as(o.describe()).isTrue();
            assertThat(w.number(N1).state()).isEqualTo(NumberState.RELEASED);
        }));

        c.put("ReserveNumberFunction", new Case(w -> { }, (o, w) -> {
            JsonNode data = crossbar(o, 200);
            assertThat(data.path("number").asText()).isEqualTo(N2);
            assertThat(data.path("state").asText()).isEqualTo("reserved");
            assertThat(Instant.parse(data.path("reserved_until").asText()))
                    .isEqualTo(eventTime("ReserveNumberFunction").plus(Duration.ofMinutes(30)));
            assertThat(w.number(N2).holdAccountId()).isEqualTo(MASTER);
        }));

        c.put("ListAccountNumbersFunction", new Case(w -> {
            w.own(N1);
            w.assigned(N2, SUB1);
        }, (o, w) -> {
            JsonNode data = crossbar(o, 200);
            assertThat(fieldNames(data)).as(o.describe()).containsExactlyInAnyOrder(N1, N2);
            assertThat(data.path(N1).path("state").asText()).isEqualTo("in_service");
            assertThat(data.path(N2).path("sub_account_id").asText()).isEqualTo(SUB1);
        }));

        // ------------------------------------------------------------ platform family
        c.put("BrowseInventoryFunction", new Case(w -> { }, (o, w) -> {
            JsonNode data = platform(o, 200);
            assertThat(data.path("limit").asInt()).isEqualTo(10);
            JsonNode numbers = data.path("numbers");
            assertThat(numbers.size()).as(o.describe()).isEqualTo(10);
            for (JsonNode n : numbers) {
                assertThat(n.path("number").asText()).startsWith("+1415");
                assertThat(n.path("city").asText()).isEqualTo("San Francisco");
                assertThat(n.path("setup_fee").isNumber()).as("setup_fee is a JSON number: %s", n).isTrue();
                assertThat(n.path("monthly_cost").isNumber()).as("monthly_cost is a JSON number: %s", n).isTrue();
                PhoneNumber stored = w.number(n.path("number").asText());
                assertMoney(n.path("setup_fee"), stored.setupFee());
                assertMoney(n.path("monthly_cost"), stored.monthlyCost());
            }
        }));

        c.put("PurchaseFromInventoryFunction", new Case(w -> { }, (o, w) -> {
            Money price = price(w, N1);
            JsonNode data = platform(o, 201);
            assertThat(data.path("number").asText()).isEqualTo(N1);
            assertThat(data.path("friendly_name").asText()).isEqualTo("Support Line");
            assertThat(data.path("status").asText()).isEqualTo("active");
            assertThat(data.path("id").asText()).isEqualTo(w.number(N1).id()).startsWith("num_");
            assertThat(data.has("purchased_at") && data.has("expires_at")).as(o.describe()).isTrue();
            assertMoney(data.path("billing").path("setup_fee"), w.number(N1).setupFee());
            assertMoney(data.path("billing").path("monthly_cost"), w.number(N1).monthlyCost());
            assertThat(w.number(N1).ownerId()).isEqualTo(MASTER);
            assertThat(w.balance(MASTER)).isEqualTo(DemoWorld.STARTING_BALANCE.minus(price));
        }));

        c.put("ListNumbersFunction", new Case(w -> w.own(N1), (o, w) -> {
            JsonNode data = platform(o, 200);
            assertThat(data.path("total").asInt()).as(o.describe()).isEqualTo(1);
            assertThat(data.path("limit").asInt()).isEqualTo(20);
            assertThat(data.path("offset").asInt()).isZero();
            JsonNode first = data.path("numbers").path(0);
            assertThat(first.path("number").asText()).as(o.describe()).isEqualTo(N1);
            assertThat(first.path("status").asText()).isEqualTo("active");
        }));

        c.put("GetNumberByIdFunction", new Case(w -> {
            w.own(N1);
            w.numberId(N1, NUMBER_ID);
        }, (o, w) -> {
            JsonNode data = platform(o, 200);
            assertThat(data.path("id").asText()).as(o.describe()).isEqualTo(NUMBER_ID);
            assertThat(data.path("number").asText()).isEqualTo(N1);
            assertThat(data.path("status").asText()).isEqualTo("active");
            assertThat(data.path("state").asText()).isEqualTo("in_service");
        }));

        c.put("UnrentNumberFunction", new Case(w -> {
            w.own(N1);
            w.numberId(N1, NUMBER_ID);
        }, (o, w) -> {
            JsonNode data = platform(o, 200);
            assertThat(data.path("number").asText()).as(o.describe()).isEqualTo(N1);
            assertThat(data.path("state").asText()).isEqualTo("released");
            assertThat(data.has("available_at")).as(o.describe()).isTrue();
            assertThat(w.number(N1).state()).isEqualTo(NumberState.RELEASED);
        }));

        c.put("AssignToSubAccountFunction", new Case(w -> w.own(N1), (o, w) -> {
            JsonNode data = platform(o, 200);
            assertThat(data.path("number").asText()).as(o.describe()).isEqualTo(N1);
            assertThat(data.path("sub_account_id").asText()).as(o.describe()).isEqualTo(SUB1);
            assertThat(data.path("account_id").asText()).isEqualTo(MASTER);
            assertThat(w.number(N1).subAccountId()).isEqualTo(SUB1);
        }));

        c.put("UnassignFromSubAccountFunction", new Case(w -> w.assigned(N1, SUB1), (o, w) -> {
            JsonNode data = platform(o, 200);
            assertThat(data.path("number").asText()).as(o.describe()).isEqualTo(N1);
            assertThat(data.has("sub_account_id")).as(o.describe()).isFalse();
            assertThat(data.path("account_id").asText()).isEqualTo(MASTER);
            assertThat(w.number(N1).subAccountId()).isNull();
        }));

        c.put("ReportCallActivityFunction", new Case(w -> w.own(N1), (o, w) -> {
            JsonNode data = platform(o, 202);
            assertThat(data.path("number").asText()).as(o.describe()).isEqualTo(N1);
            assertThat(data.path("at").asText()).isEqualTo("2026-11-24T02:10:00Z");
            assertThat(w.number(N1).lastCallAt()).isEqualTo(Instant.parse("2026-11-24T02:10:00Z"));
        }));

        c.put("GetAuditTrailFunction", new Case(w -> w.own(N1), (o, w) -> {
            JsonNode data = platform(o, 200);
            assertThat(data.path("number").asText()).as(o.describe()).isEqualTo(N1);
            JsonNode purchase = StreamSupport.stream(data.path("records").spliterator(), false)
                    .filter(r -> "in_service".equals(r.path("to").asText())).findFirst().orElse(null);
            assertThat(purchase).as("the purchase in %s", o.describe()).isNotNull();
            assertThat(purchase.path("from").asText()).isEqualTo("available");
            assertThat(purchase.path("account_id").asText()).isEqualTo(MASTER);
        }));

        c.put("CreateAccountFunction", new Case(w -> { }, (o, w) -> {
            JsonNode data = platform(o, 201);
            assertThat(data.path("id").asText()).as(o.describe()).isEqualTo("SA_demo3");
            assertThat(data.path("name").asText()).isEqualTo("Demo Sub 3");
            assertThat(data.path("type").asText()).isEqualTo("sub");
            assertThat(data.path("parent_id").asText()).isEqualTo(MASTER);
            assertMoney(data.path("balance"), Money.ZERO);
            assertThat(data.path("auth_id").asText()).startsWith("auth_");
            String token = data.path("token").asText();
            assertThat(w.platform.credentials().authenticate(token)).as("the new account's first token works")
                    .hasValueSatisfying(caller -> assertThat(caller.accountId()).isEqualTo("SA_demo3"));
        }));

        c.put("GetAccountFunction", new Case(w -> { }, (o, w) -> {
            JsonNode data = platform(o, 200);
            assertThat(data.path("id").asText()).as(o.describe()).isEqualTo(MASTER);
            assertThat(data.path("type").asText()).isEqualTo("master");
            assertThat(data.path("currency").asText()).isEqualTo("USD");
            assertMoney(data.path("balance"), DemoWorld.STARTING_BALANCE);
            assertThat(data.has("parent_id")).isFalse();
        }));

        c.put("AddCreditFunction", new Case(w -> { }, (o, w) -> {
            JsonNode data = platform(o, 200);
            assertThat(data.path("account_id").asText()).as(o.describe()).isEqualTo(MASTER);
            Money expected = DemoWorld.STARTING_BALANCE.plus(Money.of("25.00"));
            assertMoney(data.path("balance"), expected);
            assertThat(w.balance(MASTER)).isEqualTo(expected);
        }));

        c.put("GetLedgerFunction", new Case(w -> w.own(N1), (o, w) -> {
            JsonNode data = platform(o, 200);
            assertThat(data.path("limit").asInt()).isEqualTo(20);
            JsonNode entries = data.path("entries");
            assertThat(entries.size()).as(o.describe()).isEqualTo(2); // the starting credit, then the purchase
            JsonNode newest = entries.path(0);
            assertThat(newest.path("kind").asText()).as(o.describe()).isEqualTo("setup_fee_and_first_month");
            assertThat(newest.path("number").asText()).isEqualTo(N1);
            assertMoney(newest.path("amount"), Money.ZERO.minus(price(w, N1)));
        }));

        c.put("CreateCredentialFunction", new Case(w -> { }, (o, w) -> {
            JsonNode data = platform(o, 201);
            assertThat(data.path("account_id").asText()).as(o.describe()).isEqualTo(MASTER);
            assertThat(data.path("role").asText()).isEqualTo("user");
            assertThat(data.path("name").asText()).isEqualTo("billing integration");
            assertThat(data.path("active").asBoolean()).isTrue();
            String token = data.path("token").asText();
            assertThat(w.platform.credentials().authenticate(token)).as("the new token works")
                    .hasValueSatisfying(caller -> assertThat(caller.authId()).isEqualTo(data.path("auth_id").asText()));
        }));

        c.put("ListCredentialsFunction", new Case(w -> { }, (o, w) -> {
            JsonNode data = platform(o, 200);
            assertThat(data.isArray()).as(o.describe()).isTrue();
            List<String> authIds = new ArrayList<>();
            data.forEach(cred -> authIds.add(cred.path("auth_id").asText()));
            assertThat(authIds).as(o.describe()).contains(DEMO_MASTER.authId());
            data.forEach(cred -> {
                assertThat(cred.path("account_id").asText()).isEqualTo(MASTER);
                assertThat(cred.has("token") || cred.has("token_hash")).as("no secret in %s", cred).isFalse();
            });
        }));

        c.put("RevokeCredentialFunction", new Case(
                w -> w.credential(MASTER, Role.USER, "billing integration", "billing-integration-token", "auth_billing01"),
                (o, w) -> {
                    JsonNode data = platform(o, 200);
                    assertThat(data.path("auth_id").asText()).as(o.describe()).isEqualTo("auth_billing01");
                    assertThat(data.path("revoked").asBoolean()).isTrue();
                    assertThat(w.platform.credentials().authenticate("billing-integration-token")).as("revoked token").isEmpty();
                    assertThat(w.platform.credentials().authenticate(DEMO_MASTER.token())).as("caller's own token").isPresent();
                }));

        return Collections.unmodifiableMap(c);
    }

    // ---------------------------------------------------------------- envelopes and values

    /** A crossbar success: status, auth_token (the caller's), request_id, data. */
    private static JsonNode crossbar(Outcome o, int status) {
        JsonNode body = o.body();
        assertThat(o.status()).as(o.describe()).isEqualTo(status);
        assertThat(body.path("status").asText()).as(o.describe()).isEqualTo("success");
        assertThat(body.path("auth_token").asText()).as(o.describe()).isEqualTo(DEMO_MASTER.token());
        assertThat(body.path("request_id").asText()).as(o.describe()).isNotBlank();
        assertThat(body.has("data")).as(o.describe()).isTrue();
        assertThat(body.has("success")).as("crossbar family, not platform: %s", o.describe()).isFalse();
        return body.path("data");
    }

    /** A platform success: success true, request_id, data. */
    private static JsonNode platform(Outcome o, int status) {
        JsonNode body = o.body();
        assertThat(o.status()).as(o.describe()).isEqualTo(status);
        assertThat(body.path("success").isBoolean() && body.path("success").asBoolean()).as(o.describe()).isTrue();
        assertThat(body.path("request_id").asText()).as(o.describe()).isNotBlank();
        assertThat(body.has("data")).as(o.describe()).isTrue();
        assertThat(body.has("status") || body.has("auth_token")).as("platform family, not crossbar: %s", o.describe()).isFalse();
        return body.path("data");
    }

    /** Money is a JSON number with the stored value. */
    private static void assertMoney(JsonNode value, Money expected) {
        assertThat(value.isNumber()).as("money %s is a JSON number", value).isTrue();
        assertThat(value.decimalValue()).as("money %s", value).isEqualByComparingTo(expected.toDecimal());
    }

    /** Setup fee plus first month of an inventory number, as stored. */
    private static Money price(DemoWorld w, String number) {
        PhoneNumber n = w.number(number);
        return n.setupFee().plus(n.monthlyCost());
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    private static List<String> fieldNames(JsonNode object) {
        List<String> out = new ArrayList<>();
        object.fieldNames().forEachRemaining(out::add);
        return out;
    }

    // ---------------------------------------------------------------- invoking a function as sam does

    /** When the event happens: the HTTP request time, or the schedule's time. */
    static Instant eventTime(String logicalId) {
        try {
            JsonNode e = JSON.readTree(Events.json(logicalId));
            long epoch = e.path("requestContext").path("timeEpoch").asLong(0);
            if (epoch > 0) {
                return Instant.ofEpochMilli(epoch);
            }
            if (e.hasNonNull("time")) {
                return Instant.parse(e.path("time").asText());
            }
            // a workflow task runs when its wait ends
            for (String waitedFor : List.of("available_at", "cool_off_until")) {
                if (e.hasNonNull(waitedFor)) {
                    return Instant.parse(e.path(waitedFor).asText());
                }
            }
            throw new AssertionError("events/" + logicalId + ".json has neither requestContext.timeEpoch nor time");
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }

    /**
     * The template's handler class, built on {@code platform} (the constructor the no-argument one
     * delegates to), its handler method called with the event file read by the runtime's
     * serializers, the result written by them.
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Outcome invoke(SamTemplate.Function f, NumbersPlatform platform) throws Exception {
        Class<?> type = Class.forName(f.handlerClass());
        Object handler = type.getConstructor(NumbersPlatform.class).newInstance(platform);
        Method method = Arrays.stream(type.getMethods())
                .filter(m -> m.getName().equals(f.handlerMethod()) && !m.isBridge() && !m.isSynthetic())
                .filter(m -> m.getParameterCount() == 2 && m.getParameterTypes()[1] == Context.class)
                .findFirst()
                .orElseThrow(() -> new AssertionError(f.handler() + ": no method " + f.handlerMethod() + "(input, Context)"));
        Object event = Events.load(f.logicalId(), method.getParameterTypes()[0]);
        TestContext context = new TestContext(f.logicalId());
        Object result;
        try {
            result = method.invoke(handler, event, context);
        } catch (InvocationTargetException e) {
            throw new AssertionError(f.logicalId() + " threw " + e.getCause() + "\nlog: " + String.join("", context.lines), e.getCause());
        }
        assertThat(result).as("%s answered nothing", f.logicalId()).isNotNull();
        PojoSerializer serializer = LambdaEventSerializers.serializerFor(method.getReturnType(), type.getClassLoader());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        serializer.toJson(result, out);
        return new Outcome(f.logicalId(), JSON.readTree(out.toString(StandardCharsets.UTF_8)), context.lines);
    }

    /** A Lambda context that keeps the handler's log lines (shown when a case fails). */
    private static final class TestContext implements Context {
        final List<String> lines = new ArrayList<>();
        private final String function;

        TestContext(String function) {
            this.function = function;
        }

        @Override
        public String getAwsRequestId() {
            return "test-request";
        }

        @Override
        public String getLogGroupName() {
            return "/aws/lambda/" + function;
        }

        @Override
        public String getLogStreamName() {
            return "test";
        }

        @Override
        public String getFunctionName() {
            return function;
        }

        @Override
        public String getFunctionVersion() {
            return "$LATEST";
        }

        @Override
        public String getInvokedFunctionArn() {
            return "arn:aws:lambda:us-east-1:123456789012:function:" + function;
        }

        @Override
        public CognitoIdentity getIdentity() {
            return null;
        }

        @Override
        public ClientContext getClientContext() {
            return null;
        }

        @Override
        public int getRemainingTimeInMillis() {
            return 20_000;
        }

        @Override
        public int getMemoryLimitInMB() {
            return 1024;
        }

        @Override
        public LambdaLogger getLogger() {
            return new LambdaLogger() {
                @Override
                public void log(String message) {
                    lines.add(message);
                }

                @Override
                public void log(byte[] message) {
                    lines.add(new String(message, StandardCharsets.UTF_8));
                }
            };
        }
    }
}
