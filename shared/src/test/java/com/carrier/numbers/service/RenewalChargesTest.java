package com.carrier.numbers.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.carrier.numbers.domain.Caller;
import com.carrier.numbers.domain.Money;
import com.carrier.numbers.domain.PhoneNumber;
import com.carrier.numbers.port.ProvisioningQueue;
import com.carrier.numbers.port.ProvisioningTask;
import com.carrier.numbers.port.ProvisioningTask.RenewalDue;
import com.carrier.numbers.testing.LocalDynamo;
import com.carrier.numbers.testing.PlatformFixture;
import com.carrier.numbers.testing.TaskList;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsResponse;

/**
 * Renewals charge and suspend exactly: a balance equal to the monthly cost pays it; queued renewals
 * (the hourly run with the provisioning queue) answer what they did, once; a top-up's retry reports
 * what it charged and what stays suspended; a number that stays unpaid is not written again.
 */
class RenewalChargesTest {

    /** The provisioning queue kept as a list, with the size of each batch sent. */
    static final class BatchesSent implements ProvisioningQueue {
        final TaskList tasks = new TaskList();
        final List<Integer> sizes = new ArrayList<>();

        @Override
        public synchronized void enqueue(List<? extends ProvisioningTask> sent) {
            sizes.add(sent.size());
            tasks.enqueue(sent);
        }
    }

    /** Fails every transaction that writes one of {@code failing} (a throttle the SDK gave up on). */
    static final class FailingNumbers extends com.carrier.numbers.testing.DelegatingDynamoDbClient {
        volatile Set<AttributeValue> failing = Set.of();

        FailingNumbers() {
            super(LocalDynamo.client());
        }

        void fail(String... numbers) {
            failing = java.util.Arrays.stream(numbers).map(AttributeValue::fromS).collect(Collectors.toUnmodifiableSet());
        }

        @Override
        public TransactWriteItemsResponse transactWriteItems(TransactWriteItemsRequest r) {
            Set<AttributeValue> f = failing;
            if (!f.isEmpty() && r.transactItems().stream().anyMatch(i -> (i.put() != null && writes(f, i.put().item()))
                    || (i.update() != null && writes(f, i.update().key())))) {
                throw DynamoDbException.builder().message("throttled").statusCode(400).build();
            }
            return super.transactWriteItems(r);
        }

        private static boolean writes(Set<AttributeValue> numbers, Map<String, AttributeValue> item) {
            AttributeValue n = item.get("number");
            return n != null && numbers.contains(n);
        }
    }

    private final BatchesSent queue = new BatchesSent();
    private final FailingNumbers store = new FailingNumbers();
    private final PlatformFixture f = PlatformFixture.on(store, queue);
    private final Renewals renewals = f.platform.renewals();

    @Test
    void withoutTheQueueTheHourlyRunChargesItselfAndCannotQueue() {
        // before the fix NumbersPlatform handed Renewals its NO_QUEUE stand-in: queued() was true on a
        // platform without a queue, and the hourly run failed as soon as a number was due
        assertThat(renewals.queued()).isTrue();
        Renewals direct = PlatformFixture.create().platform.renewals();
        assertThat(direct.queued()).isFalse();
        assertThatThrownBy(direct::enqueueDue).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void queuedRenewalsChargeABalanceEqualToTheCostSuspendTheUnpaidAndAnswerOnce() {
        f.load("+13125556000", 2, "Chicago", "IL");
        Caller exact = f.master("MA_renexact", "2.98");   // 1.99 at purchase, then exactly one month of 0.99
        Caller unpaid = f.master("MA_renunpaid", "1.99");
        f.platform.phoneNumbers().purchase(exact, "MA_renexact", "+13125556000", null);
        f.platform.phoneNumbers().purchase(unpaid, "MA_renunpaid", "+13125556001", null);
        assertThat(renewals.enqueueDue()).isZero();
        assertThat(queue.sizes).as("nothing due sends nothing").isEmpty();
        f.clock.advance(Duration.ofDays(31));

        assertThat(renewals.enqueueDue()).isEqualTo(2);
        Map<String, RenewalDue> due = queue.tasks.drain().stream().map(RenewalDue.class::cast)
                .collect(Collectors.toMap(RenewalDue::number, Function.identity()));
        assertThat(renewals.renewQueued(due.get("+13125556000"))).isEqualTo("charged");
        assertThat(renewals.renewQueued(due.get("+13125556000"))).as("redelivered").isEqualTo("skipped");
        assertThat(f.account("MA_renexact").balance()).isEqualTo(Money.of("0.00"));
        PhoneNumber paid = f.platform.phoneNumbers().get(exact, "MA_renexact", "+13125556000");
        assertThat(paid.status()).isEqualTo("active");
        assertThat(paid.nextCharge()).isEqualTo(Instant.parse("2026-03-15T10:00:00Z"));

        assertThat(renewals.renewQueued(due.get("+13125556001"))).isEqualTo("suspended");
        assertThat(f.platform.phoneNumbers().get(unpaid, "MA_renunpaid", "+13125556001").status()).isEqualTo("suspended");
        store.fail("+13125556001"); // a number that stays unpaid is not written again: this would fail
        assertThat(renewals.renewQueued(due.get("+13125556001"))).as("redelivered").isEqualTo("suspended");
        assertThat(renewals.retrySuspended("MA_renunpaid")).isEqualTo(new RenewalReport(0, 1, 0));
        assertThat(f.account("MA_renunpaid").balance()).isEqualTo(Money.of("0.00"));
        assertThat(renewals.enqueueDue()).as("suspended and paid numbers are no longer due").isZero();
    }

    @Test
    void aTopUpsRetryReportsWhatItChargedAndWhatStaysSuspended() {
        f.load("+13125556100", 4, "Chicago", "IL");
        Caller owner = f.master("MA_renretry", "7.96");
        for (int i = 0; i < 4; i++) {
            f.platform.phoneNumbers().purchase(owner, "MA_renretry", "+1312555610" + i, null);
        }
        f.clock.advance(Duration.ofDays(31));
        assertThat(renewals.renewDue()).isEqualTo(new RenewalReport(0, 4, 0));

        store.fail("+13125556101", "+13125556103");
        f.platform.accounts().credit(f.admin, "MA_renretry", Money.of("3.00")); // its retry charges 6100 and 6102 only
        assertThat(f.account("MA_renretry").balance()).isEqualTo(Money.of("1.02"));

        store.fail();
        assertThat(renewals.retrySuspended("MA_renretry")).isEqualTo(new RenewalReport(1, 1, 0));
        assertThat(f.account("MA_renretry").balance()).isEqualTo(Money.of("0.03"));
        assertThat(f.platform.phoneNumbers().get(owner, "MA_renretry", "+13125556101").status()).isEqualTo("active");
        assertThat(f.platform.phoneNumbers().get(owner, "MA_renretry", "+13125556103").status()).isEqualTo("suspended");
    }

    @Test
    void theHourlyRunQueuesAHundredDueNumbersAMessageBatchAtATime() {
        List<String> numbers = f.load("+13125556200", 101, "Chicago", "IL");
        Caller owner = f.master("MA_renmany", "300.00");
        for (String n : numbers) {
            f.platform.phoneNumbers().purchase(owner, "MA_renmany", n, null);
        }
        f.clock.advance(Duration.ofDays(31));

        assertThat(renewals.enqueueDue()).isEqualTo(101);
        assertThat(queue.sizes).containsExactly(100, 1);
        assertThat(queue.tasks.drain()).map(t -> ((RenewalDue) t).number()).containsExactlyInAnyOrderElementsOf(numbers);
    }
}
