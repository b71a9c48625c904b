package com.carrier.numbers.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.carrier.numbers.domain.AccountType;
import com.carrier.numbers.domain.Caller;
import com.carrier.numbers.domain.ErrorCode;
import com.carrier.numbers.domain.Money;
import com.carrier.numbers.domain.Role;
import com.carrier.numbers.testing.PlatformFixture;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class AccountsTest {
    static PlatformFixture f;
    static Accounts accounts;
    static Credentials credentials;

    @BeforeAll
    static void platform() {
        f = PlatformFixture.create();
        accounts = f.platform.accounts();
        credentials = f.platform.credentials();
    }

    @Test
    void createFollowsTheTenancyRules() {
        CreatedAccount master = accounts.create(f.admin, "MA_t1", "Tenant one", null, List.of("US"));
        assertThat(master.account().type()).isEqualTo(AccountType.MASTER);
        assertThat(master.account().balance()).isEqualTo(Money.ZERO);
        assertThat(master.account().allowedRegions()).containsExactly("US");
        assertThat(master.credential().token()).hasSizeGreaterThanOrEqualTo(43);
        Caller t1 = credentials.authenticate(master.credential().token()).orElseThrow();
        assertThat(t1.accountId()).isEqualTo("MA_t1");
        assertThat(t1.role()).isEqualTo(Role.USER);

        assertThat(Errors.code(() -> accounts.create(t1, "MA_t2", "x", null, null))).isEqualTo(ErrorCode.FORBIDDEN);
        assertThat(Errors.code(() -> accounts.create(t1, "XX_t2", "x", null, null))).isEqualTo(ErrorCode.VALIDATION_ERROR);
        assertThat(Errors.code(() -> accounts.create(t1, "SA_" + "x".repeat(41), "x", null, null))).isEqualTo(ErrorCode.VALIDATION_ERROR);
        CreatedAccount sub = accounts.create(t1, "SA_t1a", "Sub", null, null);
        assertThat(sub.account().parentId()).isEqualTo("MA_t1");
        assertThat(sub.account().type()).isEqualTo(AccountType.SUB);
        Caller subCaller = credentials.authenticate(sub.credential().token()).orElseThrow();
        assertThat(Errors.code(() -> accounts.create(subCaller, "SA_t1b", "x", null, null))).isEqualTo(ErrorCode.FORBIDDEN);
        assertThat(Errors.code(() -> accounts.create(subCaller, "SA_t1c", "x", "MA_t1", null))).isEqualTo(ErrorCode.FORBIDDEN);

        accounts.create(f.admin, "MA_t3", "Tenant three", null, null);
        assertThat(Errors.code(() -> accounts.create(t1, "SA_t3a", "x", "MA_t3", null))).isEqualTo(ErrorCode.FORBIDDEN);
        assertThat(accounts.create(f.admin, "SA_t3a", "x", "MA_t3", null).account().parentId()).isEqualTo("MA_t3");
        assertThat(Errors.code(() -> accounts.create(f.admin, "MA_t1", "again", null, null))).isEqualTo(ErrorCode.VALIDATION_ERROR);

        assertThat(accounts.get(t1, "SA_t1a").name()).isEqualTo("Sub");
        assertThat(Errors.code(() -> accounts.get(t1, "MA_t3"))).isEqualTo(ErrorCode.FORBIDDEN);
        assertThat(Errors.code(() -> accounts.get(subCaller, "MA_t1"))).isEqualTo(ErrorCode.FORBIDDEN);
        assertThat(Errors.code(() -> accounts.get(t1, "MA_nope"))).isEqualTo(ErrorCode.FORBIDDEN);
        assertThat(Errors.code(() -> accounts.get(f.admin, "MA_nope"))).isEqualTo(ErrorCode.NOT_FOUND);
    }

    @Test
    void creditIsForAdminsAndTheLedgerPagesNewestFirst() {
        Caller c = f.master("MA_led", "0");
        assertThat(Errors.code(() -> accounts.credit(c, "MA_led", Money.of("5.00")))).isEqualTo(ErrorCode.FORBIDDEN);
        assertThat(Errors.code(() -> accounts.credit(f.admin, "MA_led", Money.ZERO))).isEqualTo(ErrorCode.VALIDATION_ERROR);
        assertThat(Errors.code(() -> accounts.credit(f.admin, "MA_led", Money.of("-1.00")))).isEqualTo(ErrorCode.VALIDATION_ERROR);
        assertThat(Errors.code(() -> Money.of("1.005"))).isEqualTo(ErrorCode.VALIDATION_ERROR);
        for (int i = 1; i <= 5; i++) {
            assertThat(accounts.credit(f.admin, "MA_led", Money.of(i + ".00")).balance()).isEqualTo(Money.of(i * (i + 1) / 2 + ".00"));
        }
        List<Money> amounts = new ArrayList<>();
        String key = null;
        do {
            LedgerPage page = accounts.ledger(c, "MA_led", 2, key);
            assertThat(page.entries().size()).isLessThanOrEqualTo(2);
            page.entries().forEach(e -> amounts.add(e.amount()));
            key = page.nextStartKey();
        } while (key != null);
        assertThat(amounts).containsExactly(Money.of("5.00"), Money.of("4.00"), Money.of("3.00"), Money.of("2.00"), Money.of("1.00"));
        assertThat(Errors.code(() -> accounts.ledger(c, "MA_led", 0, null))).isEqualTo(ErrorCode.VALIDATION_ERROR);
        assertThat(Errors.code(() -> accounts.ledger(c, "MA_operator", 10, null))).isEqualTo(ErrorCode.FORBIDDEN);
    }

    @Test
    void credentialsAreCreatedListedWithoutSecretsAndRevoked() {
        Caller owner = f.master("MA_cred", "0");
        var issued = credentials.create(owner, "MA_cred", Role.USER, "ci");
        assertThat(issued.token()).matches("[A-Za-z0-9_-]{43}");
        assertThat(credentials.authenticate(issued.token())).contains(new Caller("MA_cred", issued.credential().authId(), Role.USER));
        assertThat(credentials.list(owner, "MA_cred")).extracting(c -> c.name()).contains("ci", "first credential");
        assertThat(Errors.code(() -> credentials.create(owner, "MA_cred", Role.ADMIN, "x"))).isEqualTo(ErrorCode.FORBIDDEN);
        assertThat(Errors.code(() -> credentials.list(owner, "MA_operator"))).isEqualTo(ErrorCode.FORBIDDEN);

        credentials.revoke(owner, "MA_cred", issued.credential().authId());
        assertThat(credentials.authenticate(issued.token())).isEmpty();
        assertThat(credentials.list(owner, "MA_cred")).filteredOn(c -> c.name().equals("ci")).singleElement()
                .satisfies(c -> assertThat(c.active()).isFalse());
        assertThat(Errors.code(() -> credentials.revoke(owner, "MA_cred", "auth_nope"))).isEqualTo(ErrorCode.NOT_FOUND);
        assertThat(credentials.authenticate("unknown-token")).isEmpty();
        assertThat(credentials.authenticate(null)).isEmpty();

        var seeded = credentials.register("MA_cred", Role.ADMIN, "seed", "local-admin-token");
        var again = credentials.register("MA_cred", Role.ADMIN, "seed", "local-admin-token");
        assertThat(again.credential().authId()).isEqualTo(seeded.credential().authId());
        assertThat(credentials.authenticate("local-admin-token").orElseThrow().isAdmin()).isTrue();
    }
}
