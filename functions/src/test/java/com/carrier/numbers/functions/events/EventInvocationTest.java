package com.carrier.numbers.functions.events;

import static com.carrier.numbers.functions.events.DemoWorld.DEMO_MASTER;
import static com.carrier.numbers.functions.events.DemoWorld.MASTER;
import static com.carrier.numbers.functions.events.DemoWorld.SUB1;
import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.serialization.PojoSerializer;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import com.carrier.numbers.NumbersPlatform;
import com.carrier.numbers.domain.Money;
import com.carrier.numbers.domain.NumberState;
import com.carrier.numbers.domain.PhoneNumber;
import com.carrier.numbers.domain.Role;
import com.carrier.numbers.functions.lifecycle.LambdaTestContext;
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
    private static final com.carrier.numbers.domain.JobOperation BULK_PURCHASE_N1 = new com.carrier.numbers.domain.JobOperation(
            com.carrier.numbers.domain.JobOperation.Action.PURCHASE, N1, null, null, null, null, null);

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
    /** When the state machine tasks' example payloads run (the HTTP events' time). */
    private static final Instant WORKFLOW_TASK_TIME = Instant.ofEpochMilli(1795486509000L);

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
            assertThat(o.output()).as(o.describe()).isEqualTo(JSON.valueToTree(Map.of("queued", 2)));
            // queued, not charged: the provisioning consumer charges them, one account's in order
            assertThat(w.number(N1).suspended()).isFalse();
            assertThat(w.balance(MASTER)).isEqualTo(DemoWorld.STARTING_BALANCE.minus(price(w, N1)));
            var due = w.queue.drain();
            assertThat(due).extracting(com.carrier.numbers.port.ProvisioningTask::groupId).containsExactlyInAnyOrder(MASTER, "MA_broke");
            due.forEach(t -> w.platform.renewals().renewQueued((com.carrier.numbers.port.ProvisioningTask.RenewalDue) t));
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
            assertThat(w.platform.callActivity().lastCallAt(N1)).contains(Instant.parse("2026-11-24T02:10:00Z"));
            assertThat(w.number(N1).lastCallAt()).as("stored apart from the number").isNull();
        }));

        c.put("SubmitBulkJobFunction", new Case(w -> { }, (o, w) -> {
            JsonNode data = platform(o, 202);
            assertThat(data.path("id").asText()).as(o.describe()).startsWith("job_");
            assertThat(data.path("status").asText()).isEqualTo("queued");
            assertThat(data.path("total").asInt()).isEqualTo(4); // a purchase, two by prefix, an assign
            var job = w.platform.bulkJobs().get(DEMO_MASTER.caller(), data.path("id").asText(), 0, 10);
            assertThat(job.items()).extracting(com.carrier.numbers.domain.JobItem::status).containsOnly("pending");
            assertThat(job.job().customerReference()).isEqualTo("order-42");
        }));

        c.put("GetJobFunction", new Case(w -> w.job("job_abc123", List.of(BULK_PURCHASE_N1)), (o, w) -> {
            JsonNode data = platform(o, 200);
            assertThat(data.path("id").asText()).as(o.describe()).isEqualTo("job_abc123");
            assertThat(data.path("status").asText()).isEqualTo("queued");
            assertThat(data.path("customer_reference").asText()).isEqualTo("order-42");
            assertThat(data.path("results").get(0).path("number").asText()).isEqualTo(N1);
            assertThat(data.path("results").get(0).path("status").asText()).isEqualTo("pending");
        }));

        c.put("ListJobsFunction", new Case(w -> {
            w.job("job_abc123", List.of(BULK_PURCHASE_N1));
            w.platform.bulkJobs().run(new com.carrier.numbers.port.ProvisioningTask.JobItemTask("job_abc123", MASTER, 0, BULK_PURCHASE_N1));
            w.platform.bulkJobs().finishIfDone("job_abc123");
            w.job("job_def456", List.of(BULK_PURCHASE_N1)); // still queued: filtered out
        }, (o, w) -> {
            JsonNode data = platform(o, 200);
            assertThat(data.path("jobs").size()).as(o.describe()).isEqualTo(1);
            assertThat(data.path("jobs").get(0).path("id").asText()).isEqualTo("job_abc123");
            assertThat(data.path("jobs").get(0).path("status").asText()).isEqualTo("completed");
            assertThat(data.path("total").asInt()).isEqualTo(1);
        }));

        c.put("LoadInventoryFunction", new Case(w -> { }, (o, w) -> {
            JsonNode data = platform(o, 202);
            assertThat(data.path("id").asText()).as(o.describe()).startsWith("job_");
            assertThat(data.path("total").asInt()).isEqualTo(2);
        }));

        c.put("ProvisioningConsumerFunction", new Case(w -> w.job("job_abc123", List.of(BULK_PURCHASE_N1,
                new com.carrier.numbers.domain.JobOperation(com.carrier.numbers.domain.JobOperation.Action.ASSIGN, N1, null, null, null, SUB1, null))),
                (o, w) -> {
            assertThat(o.output().path("batchItemFailures").size()).as(o.describe()).isZero();
            assertThat(w.number(N1).ownerId()).isEqualTo(MASTER);
            assertThat(w.number(N1).subAccountId()).isEqualTo(SUB1);
            var job = w.platform.bulkJobs().get(DEMO_MASTER.caller(), "job_abc123", 0, 10).job();
            assertThat(job.status().wire()).isEqualTo("completed");
            assertThat(job.succeeded()).isEqualTo(2);
        }));

        c.put("CallActivityConsumerFunction", new Case(w -> w.own(N1), (o, w) -> {
            assertThat(o.output().path("batchItemFailures").size()).as(o.describe()).isZero();
            assertThat(w.platform.callActivity().lastCallAt(N1)).contains(Instant.parse("2026-11-24T02:10:00Z"));
            assertThat(w.platform.callActivity().lastCallAt(N2)).contains(Instant.parse("2026-11-24T02:11:40Z"));
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

        portCases(c);
        return Collections.unmodifiableMap(c);
    }

    // ------------------------------------------------------------ port-in: the API, the callback, the lifecycle's tasks
    private static final String PORT = DemoWorld.PORT_ID;
    private static final String PORT_NUMBER = DemoWorld.PORT_NUMBER;
    private static final java.time.LocalDate FOC = java.time.LocalDate.parse("2026-11-30");

    private static void portCases(Map<String, Case> c) {
        c.put("CreatePortFunction", new Case(w -> { }, (o, w) -> {
            JsonNode data = platform(o, 201);
            assertThat(data.path("id").asText()).as(o.describe()).startsWith("port_");
            assertThat(data.path("number").asText()).isEqualTo(PORT_NUMBER);
            assertThat(data.path("status").asText()).isEqualTo("pending");
            assertThat(data.path("carrier_status").asText()).isEqualTo("pending_transfer");
            assertThat(data.has("created_at") && data.has("estimated_completion")).as(o.describe()).isTrue();
            assertThat(w.number(PORT_NUMBER).state()).isEqualTo(NumberState.PORT_IN);
            assertThat(w.number(PORT_NUMBER).ownerId()).isEqualTo(MASTER);
            assertThat(w.fixture.workflows.started()).extracting(s -> s.name()).containsExactly(data.path("id").asText() + "-1");
        }));
        c.put("GetPortFunction", new Case(DemoWorld::port, (o, w) -> {
            JsonNode data = platform(o, 200);
            assertThat(data.path("id").asText()).as(o.describe()).isEqualTo(PORT);
            assertThat(data.path("status").asText()).isEqualTo("pending");
            assertThat(data.path("end_user_name").asText()).isEqualTo("John Doe");
            assertThat(data.has("account_pin")).isFalse();
            assertThat(data.path("events").size()).isPositive();
        }));
        c.put("ListPortsFunction", new Case(DemoWorld::port, (o, w) -> {
            JsonNode data = platform(o, 200);
            assertThat(data.path("total").asInt()).as(o.describe()).isEqualTo(1);
            assertThat(data.path("limit").asInt()).isEqualTo(20);
            assertThat(data.path("ports").path(0).path("id").asText()).isEqualTo(PORT);
        }));
        c.put("CancelPortFunction", new Case(DemoWorld::port, (o, w) -> {
            JsonNode data = platform(o, 200);
            assertThat(data.path("status").asText()).as(o.describe()).isEqualTo("cancelled");
            assertThat(w.stored(PORT_NUMBER)).as("the port_in number is gone").isFalse();
            assertThat(w.fixture.workflows.stopped()).contains("PORT_LIFECYCLE/" + PORT + "-1");
        }));
        c.put("CorrectPortFunction", new Case(w -> {
            w.port();
            w.platform.portSteps().fail(PORT, 1, "States.Timeout", null);
        }, (o, w) -> {
            JsonNode data = platform(o, 200);
            assertThat(data.path("status").asText()).as(o.describe()).isEqualTo("pending");
            assertThat(data.path("attempt").asInt()).isEqualTo(2);
            assertThat(w.number(PORT_NUMBER).state()).isEqualTo(NumberState.PORT_IN);
            assertThat(w.fixture.workflows.started()).extracting(s -> s.name()).contains(PORT + "-2");
        }));
        c.put("CarrierPortEventsFunction", new Case(w -> {
            w.port();
            w.platform.portSteps().awaitCarrier(PORT, 1, "decision", "token-decision-1");
        }, (o, w) -> {
            JsonNode data = platform(o, 200);
            assertThat(data.path("applied").asBoolean()).as(o.describe()).isTrue();
            assertThat(w.storedPort().decision().focDate()).isEqualTo(FOC);
            assertThat(w.fixture.workflows.answers()).as("the waiting task is answered")
                    .anySatisfy(a -> assertThat(a.token()).isEqualTo("token-decision-1"));
        }));
        c.put("SubmitPortFunction", new Case(DemoWorld::port, (o, w) -> {
            assertThat(o.output().path("submitted").asBoolean()).as(o.describe()).isTrue();
            assertThat(w.storedPort().submissions()).isEqualTo(1);
            assertThat(w.fixture.workflows.started(com.carrier.numbers.port.Workflows.Machine.CARRIER_SIMULATOR))
                    .as("the simulated carrier runs").hasSize(1);
        }));
        c.put("AwaitCarrierFunction", new Case(DemoWorld::port, (o, w) -> {
            assertThat(o.output().path("waiting_for").asText()).as(o.describe()).isEqualTo("decision");
            assertThat(w.storedPort().taskToken()).startsWith("AQCE");
        }));
        c.put("AuthorizePortFunction", new Case(w -> {
            w.port();
            w.carrierAuthorizes(FOC);
        }, (o, w) -> {
            assertThat(o.output().path("foc_at").asText()).as(o.describe()).isEqualTo("2026-11-30T14:00:00Z");
            assertThat(o.output().path("cutover_notice_at").asText()).isEqualTo("2026-11-29T14:00:00Z");
            assertThat(w.storedPort().status().wire()).isEqualTo("authorized");
        }));
        c.put("NotifyCutoverFunction", new Case(w -> {
            w.port();
            w.carrierAuthorizes(FOC);
            w.platform.portSteps().authorize(PORT, 1);
        }, (o, w) -> {
            assertThat(o.output().path("notified").asBoolean()).as(o.describe()).isTrue();
            assertThat(w.storedPort().events()).anySatisfy(e -> assertThat(e.status()).isEqualTo("cutover_soon"));
        }));
        c.put("ActivatePortFunction", new Case(w -> {
            w.port();
            w.carrierAuthorizes(FOC);
            w.platform.portSteps().authorize(PORT, 1);
            w.platform.portSteps().awaitCarrier(PORT, 1, "completion", "token-completion-1");
        }, (o, w) -> {
            assertThat(o.output().path("status").asText()).as(o.describe()).isEqualTo("completed");
            assertThat(w.number(PORT_NUMBER).state()).isEqualTo(NumberState.IN_SERVICE);
            assertThat(w.storedPort().messages()).contains("Number successfully transferred to Audian");
            assertThat(w.balance(MASTER)).as("the first month's rent").isEqualTo(DemoWorld.STARTING_BALANCE.minus(Money.of("0.99")));
        }));
        c.put("FailPortFunction", new Case(DemoWorld::port, (o, w) -> {
            assertThat(o.output().path("reason").asText()).as(o.describe()).isEqualTo("CARRIER_TIMEOUT");
            assertThat(w.storedPort().status().wire()).isEqualTo("failed");
            assertThat(w.stored(PORT_NUMBER)).isFalse();
        }));
        c.put("PostCarrierEventFunction", new Case(w -> { }, (o, w) -> {
            assertThat(o.output().path("status").asInt()).as(o.describe()).isEqualTo(200);
            CarrierCallbackServer.Received r = CarrierCallbackServer.last();
            assertThat(r.path()).isEqualTo("/v2/carrier/ports/" + PORT + "/events");
            new com.carrier.numbers.domain.CallbackSignature(com.carrier.numbers.functions.Platform.LOCAL_CALLBACK_SECRET)
                    .verify(r.timestamp(), r.signature(), r.body(), w.platform.clock().instant());
            assertThat(r.body()).contains("\"event_id\":\"evt_8842\"");
        }));
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
            long sent = e.path("Records").path(0).path("attributes").path("SentTimestamp").asLong(0);
            if (sent > 0) {
                return Instant.ofEpochMilli(sent); // SQS: when the first message was sent
            }
            return WORKFLOW_TASK_TIME; // a state machine task's payload carries no time
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
        Object handler = f.handlerClass().endsWith("PostCarrierEventHandler")
                ? new com.carrier.numbers.functions.workflow.PostCarrierEventHandler(CarrierCallbackServer.url(),
                        new com.carrier.numbers.domain.CallbackSignature(com.carrier.numbers.functions.Platform.LOCAL_CALLBACK_SECRET),
                        platform.clock())
                : type.getConstructor(NumbersPlatform.class).newInstance(platform);
        Method method = Arrays.stream(type.getMethods())
                .filter(m -> m.getName().equals(f.handlerMethod()) && !m.isBridge() && !m.isSynthetic())
                .filter(m -> m.getParameterCount() == 2 && m.getParameterTypes()[1] == Context.class)
                .findFirst()
                .orElseThrow(() -> new AssertionError(f.handler() + ": no method " + f.handlerMethod() + "(input, Context)"));
        Object event = Events.load(f.logicalId(), method.getParameterTypes()[0]);
        List<String> lines = new ArrayList<>();
        LambdaTestContext context = new LambdaTestContext(f.logicalId(), "$LATEST", lines::add);
        Object result;
        try {
            result = method.invoke(handler, event, context);
        } catch (InvocationTargetException e) {
            throw new AssertionError(f.logicalId() + " threw " + e.getCause() + "\nlog: " + String.join("", lines), e.getCause());
        }
        assertThat(result).as("%s answered nothing", f.logicalId()).isNotNull();
        PojoSerializer serializer = LambdaEventSerializers.serializerFor(method.getReturnType(), type.getClassLoader());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        serializer.toJson(result, out);
        return new Outcome(f.logicalId(), JSON.readTree(out.toString(StandardCharsets.UTF_8)), lines);
    }

    /** A Lambda context that keeps the handler's log lines (shown when a case fails). */
}
