package com.carrier.numbers.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.carrier.numbers.domain.Caller;
import com.carrier.numbers.domain.Money;
import com.carrier.numbers.domain.PhoneNumber;
import com.carrier.numbers.testing.DelegatingDynamoDbClient;
import com.carrier.numbers.testing.LocalDynamo;
import com.carrier.numbers.testing.PlatformFixture;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughputExceededException;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsResponse;

class RenewalsTest {

    @Test
    void dueNumbersAreChargedMonthlyAndUnpaidOnesSuspendedUntilATopUp() {
        PlatformFixture f = PlatformFixture.create();
        f.load("+13125550100", 5, "Chicago", "IL");
        Caller payer = f.master("MA_payer", "30.00");
        Caller broke = f.master("MA_broke", "1.99");
        f.platform.phoneNumbers().purchase(payer, "MA_payer", "+13125550100", null);
        f.platform.phoneNumbers().purchase(broke, "MA_broke", "+13125550101", null);

        assertThat(f.platform.renewals().renewDue()).isEqualTo(new RenewalReport(0, 0, 0));
        f.clock.advance(Duration.ofDays(31));
        assertThat(f.platform.renewals().renewDue()).isEqualTo(new RenewalReport(1, 1, 0));
        assertThat(f.platform.renewals().renewDue()).isEqualTo(new RenewalReport(0, 0, 0));

        PhoneNumber paid = f.platform.phoneNumbers().get(payer, "MA_payer", "+13125550100");
        assertThat(paid.nextCharge()).isEqualTo(Instant.parse("2026-03-15T10:00:00Z"));
        assertThat(paid.status()).isEqualTo("active");
        assertThat(f.account("MA_payer").balance()).isEqualTo(Money.of("27.02"));
        assertThat(f.platform.accounts().ledger(payer, "MA_payer", 1, null).entries().get(0).kind()).isEqualTo("monthly_renewal");

        PhoneNumber unpaid = f.platform.phoneNumbers().get(broke, "MA_broke", "+13125550101");
        assertThat(unpaid.status()).isEqualTo("suspended");
        assertThat(f.platform.phoneNumbers().listOwned(broke, 10, 0, "suspended", false).total()).isEqualTo(1);
        assertThat(f.platform.phoneNumbers().listOwned(broke, 10, 0, "active", false).total()).isZero();

        f.platform.accounts().credit(f.admin, "MA_broke", Money.of("5.00"));
        PhoneNumber retried = f.platform.phoneNumbers().get(broke, "MA_broke", "+13125550101");
        assertThat(retried.status()).isEqualTo("active");
        assertThat(retried.nextCharge()).isEqualTo(Instant.parse("2026-03-15T10:00:00Z"));
        assertThat(f.account("MA_broke").balance()).isEqualTo(Money.of("4.01"));
        assertThat(f.platform.phoneNumbers().listOwned(broke, 10, 0, "active", false).total()).isEqualTo(1);

        // eleven more months: the yearly renewal date moves on once the year is paid
        for (int month = 0; month < 11; month++) {
            f.clock.advance(Duration.ofDays(31));
            f.platform.renewals().renewDue();
        }
        assertThat(f.platform.phoneNumbers().get(payer, "MA_payer", "+13125550100").expiresAt()).isEqualTo(Instant.parse("2028-01-15T10:00:00Z"));
    }

    /** Fails every transaction that writes {@code broken} (a throttle the SDK gave up on, say), and nothing else. */
    static final class FailingNumberClient extends DelegatingDynamoDbClient {
        volatile String broken;

        FailingNumberClient() {
            super(LocalDynamo.client());
        }

        @Override
        public TransactWriteItemsResponse transactWriteItems(TransactWriteItemsRequest r) {
            String b = broken;
            if (b != null && r.transactItems().stream().anyMatch(i -> i.put() != null && b.equals(stringAt(i.put().item(), "number")))) {
                throw ProvisionedThroughputExceededException.builder().message("Throughput exceeds the current capacity").build();
            }
            return super.transactWriteItems(r);
        }

        private static String stringAt(java.util.Map<String, AttributeValue> item, String name) {
            AttributeValue v = item.get(name);
            return v == null ? null : v.s();
        }
    }

    @Test
    void oneNumberThatFailsIsCountedAndNamedAndDoesNotStopTheOthers() {
        FailingNumberClient client = new FailingNumberClient();
        PlatformFixture f = PlatformFixture.on(client);
        f.load("+13125550200", 3, "Chicago", "IL");
        Caller payer = f.master("MA_three", "30.00");
        for (int i = 0; i < 3; i++) {
            f.platform.phoneNumbers().purchase(payer, "MA_three", "+1312555020" + i, null);
        }
        f.clock.advance(Duration.ofDays(31));
        client.broken = "+13125550201";

        RenewalReport report = f.platform.renewals().renewDue();

        assertThat(report.charged()).isEqualTo(2);
        assertThat(report.failed()).isEqualTo(1);
        assertThat(report.failedNumbers()).containsExactly("+13125550201");
        assertThat(report.unfinished()).isFalse();
        assertThat(f.platform.phoneNumbers().get(payer, "MA_three", "+13125550202").nextCharge())
                .isEqualTo(Instant.parse("2026-03-15T10:00:00Z"));
        // the failed number stays due; the next run charges it once the fault has passed
        client.broken = null;
        assertThat(f.platform.renewals().renewDue()).isEqualTo(new RenewalReport(1, 0, 0));
        assertThat(f.account("MA_three").balance()).isEqualTo(Money.of("21.06")); // 30.00 - 3 x (1.00 + 0.99) - 3 x 0.99
    }

    @Test
    void aRunStopsAtItsDeadlineAndTheNextRunFinishes() {
        PlatformFixture f = PlatformFixture.create();
        f.load("+13125550300", 4, "Chicago", "IL");
        Caller payer = f.master("MA_four", "30.00");
        for (int i = 0; i < 4; i++) {
            f.platform.phoneNumbers().purchase(payer, "MA_four", "+1312555030" + i, null);
        }
        f.clock.advance(Duration.ofDays(31));
        int[] budget = {2};

        RenewalReport first = f.platform.renewals().renewDue(() -> budget[0]-- > 0);

        assertThat(first.charged()).isEqualTo(2);
        assertThat(first.unfinished()).isTrue();
        assertThat(f.platform.renewals().renewDue()).isEqualTo(new RenewalReport(2, 0, 0));
    }

    /** Fails every transaction that writes one given number, as a throttled or unreachable DynamoDB would. */
    static final class FailingForOneNumber extends DelegatingDynamoDbClient {
        final AttributeValue number;
        volatile boolean failing;

        FailingForOneNumber(String number) {
            super(LocalDynamo.client());
            this.number = AttributeValue.fromS(number);
        }

        @Override
        public TransactWriteItemsResponse transactWriteItems(TransactWriteItemsRequest r) {
            boolean writesIt = r.transactItems().stream().anyMatch(i -> (i.put() != null && number.equals(i.put().item().get("number")))
                    || (i.update() != null && number.equals(i.update().key().get("number"))));
            if (failing && writesIt) {
                throw DynamoDbException.builder().message("throttled").statusCode(400).build();
            }
            return super.transactWriteItems(r);
        }
    }

    @Test
    void aNumberTheStoreFailsToChargeIsCountedFailedAndChargedOnTheNextRun() {
        FailingForOneNumber client = new FailingForOneNumber("+13125550111");
        PlatformFixture f = PlatformFixture.on(client);
        f.load("+13125550110", 2, "Chicago", "IL");
        Caller payer = f.master("MA_twonumbers", "30.00");
        f.platform.phoneNumbers().purchase(payer, "MA_twonumbers", "+13125550110", null);
        f.platform.phoneNumbers().purchase(payer, "MA_twonumbers", "+13125550111", null);
        f.clock.advance(Duration.ofDays(31));

        client.failing = true;
        RenewalReport failedRun = f.platform.renewals().renewDue();
        assertThat(failedRun.charged()).isEqualTo(1);
        assertThat(failedRun.failed()).isEqualTo(1);
        assertThat(failedRun.failedNumbers()).containsExactly("+13125550111");
        assertThat(f.account("MA_twonumbers").balance()).isEqualTo(Money.of("25.03")); // 30 - 2 x 1.99 - 0.99
        assertThat(f.platform.phoneNumbers().get(payer, "MA_twonumbers", "+13125550111").status()).isEqualTo("active");

        client.failing = false;
        assertThat(f.platform.renewals().renewDue()).isEqualTo(new RenewalReport(1, 0, 0));
        assertThat(f.account("MA_twonumbers").balance()).isEqualTo(Money.of("24.04"));
    }

    @Test
    void aTopUpThatCoversOnlySomeSuspendedNumbersChargesThoseAndLeavesTheRestSuspended() {
        PlatformFixture f = PlatformFixture.create();
        f.load("+13125550120", 3, "Chicago", "IL");
        Caller owner = f.master("MA_threenumbers", "5.97");
        for (int i = 0; i < 3; i++) {
            f.platform.phoneNumbers().purchase(owner, "MA_threenumbers", "+1312555012" + i, null);
        }
        f.clock.advance(Duration.ofDays(31));
        assertThat(f.platform.renewals().renewDue()).isEqualTo(new RenewalReport(0, 3, 0));

        f.platform.accounts().credit(f.admin, "MA_threenumbers", Money.of("2.00")); // covers two months of 0.99

        assertThat(f.account("MA_threenumbers").balance()).isEqualTo(Money.of("0.02"));
        assertThat(f.platform.phoneNumbers().listOwned(owner, 10, 0, "active", false).total()).isEqualTo(2);
        assertThat(f.platform.phoneNumbers().listOwned(owner, 10, 0, "suspended", false).total()).isEqualTo(1);
        assertThat(f.platform.accounts().ledger(owner, "MA_threenumbers", 10, null).entries())
                .extracting(e -> e.kind()).filteredOn("monthly_renewal"::equals).hasSize(2);
    }

    @Test
    void aReleasedNumberIsNotChargedAgain() {
        PlatformFixture f = PlatformFixture.create();
        f.load("+13125550130", 1, "Chicago", "IL");
        Caller owner = f.master("MA_released", "10.00");
        f.platform.phoneNumbers().purchase(owner, "MA_released", "+13125550130", null);
        f.platform.phoneNumbers().release(owner, "MA_released", "+13125550130");
        f.clock.advance(Duration.ofDays(31));
        assertThat(f.platform.renewals().renewDue()).isEqualTo(new RenewalReport(0, 0, 0));
        f.clock.advance(Duration.ofDays(31));
        assertThat(f.platform.renewals().renewDue()).isEqualTo(new RenewalReport(0, 0, 0));
        assertThat(f.account("MA_released").balance()).isEqualTo(Money.of("8.01"));
    }
}
