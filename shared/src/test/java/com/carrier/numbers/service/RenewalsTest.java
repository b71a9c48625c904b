package com.carrier.numbers.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.carrier.numbers.domain.Caller;
import com.carrier.numbers.domain.Money;
import com.carrier.numbers.domain.PhoneNumber;
import com.carrier.numbers.testing.PlatformFixture;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

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
}
