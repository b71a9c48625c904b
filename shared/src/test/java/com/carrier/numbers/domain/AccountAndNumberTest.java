package com.carrier.numbers.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What the API shows of accounts and numbers: region rules, features, status, holds, user. */
class AccountAndNumberTest {
    private static final Instant NOW = Instant.parse("2026-03-01T00:00:00Z");

    private static Account account(List<String> regions) {
        return new Account("MA_1", "Acme", AccountType.MASTER, null, Money.ZERO, regions, NOW);
    }

    @Test
    void accountWithoutRegionRulesBuysAnywhere() {
        assertThat(account(null).mayBuyIn("GB", null)).isTrue();
        assertThat(account(List.of()).mayBuyIn("GB", "LND")).isTrue();
        assertThat(account(null).currency()).isEqualTo("USD");
    }

    @Test
    void regionRulesByCountryOrSubdivision() {
        Account us = account(List.of("US"));
        assertThat(us.mayBuyIn("US", "CA")).isTrue();
        assertThat(us.mayBuyIn("CA", "ON")).isFalse();
        Account california = account(List.of("US-CA"));
        assertThat(california.mayBuyIn("US", "CA")).isTrue();
        assertThat(california.mayBuyIn("US", "NY")).isFalse();
        assertThat(california.mayBuyIn("US", null)).isFalse();
    }

    @Test
    void accountIdsAreMasterOrSub() {
        assertThat(Account.ID.matcher("MA_abc1").matches()).isTrue();
        assertThat(Account.ID.matcher("SA_x").matches()).isTrue();
        assertThat(Account.ID.matcher("XA_x").matches()).isFalse();
        assertThat(AccountType.SUB.wire()).isEqualTo("sub");
    }

    static PhoneNumber number(NumberState state, boolean suspended, Cnam cnam, E911Address e911, Prepend prepend,
                              String owner, String sub, Instant holdUntil) {
        return new PhoneNumber("+14155550100", "id", state, "US", "CA", "SF", "local", Money.ofCents(100), Money.ofCents(99),
                owner, sub, null, cnam, e911, null, null, prepend, null, null, null, suspended, null, null, null, null, holdUntil,
                null, 1);
    }

    @Test
    void featuresListWhatIsConfigured() {
        assertThat(number(NumberState.IN_SERVICE, false, null, null, null, "MA_1", null, null).features()).isEmpty();
        PhoneNumber all = number(NumberState.IN_SERVICE, false, new Cnam("ACME", true),
                new E911Address("1 Main St", null, "SF", "CA", "94105", "Acme"), new Prepend(true, "VIP", null), "MA_1", null, null);
        assertThat(all.features()).containsExactly("cnam", "e911", "prepend");
        assertThat(number(NumberState.IN_SERVICE, false, null, null, new Prepend(false, "x", null), "MA_1", null, null).features()).isEmpty();
        assertThat(number(NumberState.IN_SERVICE, false, null, null, new Prepend(null, "x", null), "MA_1", null, null).features())
                .containsExactly("prepend");
    }

    @Test
    void statusAsThePurchaseDocumentShowsIt() {
        assertThat(number(NumberState.IN_SERVICE, false, null, null, null, "MA_1", null, null).status()).isEqualTo("active");
        assertThat(number(NumberState.IN_SERVICE, true, null, null, null, "MA_1", null, null).status()).isEqualTo("suspended");
        assertThat(number(NumberState.PORT_IN, false, null, null, null, "MA_1", null, null).status()).isEqualTo("porting");
        assertThat(number(NumberState.RELEASED, false, null, null, null, "MA_1", null, null).status()).isEqualTo("released");
    }

    @Test
    void holdBlocksOnlyWhileReservedAndNotExpired() {
        assertThat(number(NumberState.RESERVED, false, null, null, null, null, null, NOW.plusSeconds(1)).heldAt(NOW)).isTrue();
        assertThat(number(NumberState.RESERVED, false, null, null, null, null, null, NOW).heldAt(NOW)).isFalse();
        assertThat(number(NumberState.RESERVED, false, null, null, null, null, null, null).heldAt(NOW)).isFalse();
        assertThat(number(NumberState.AVAILABLE, false, null, null, null, null, null, NOW.plusSeconds(60)).heldAt(NOW)).isFalse();
    }

    @Test
    void userIsTheSubAccountElseTheOwner() {
        assertThat(number(NumberState.IN_SERVICE, false, null, null, null, "MA_1", "SA_2", null).user()).isEqualTo("SA_2");
        assertThat(number(NumberState.IN_SERVICE, false, null, null, null, "MA_1", null, null).user()).isEqualTo("MA_1");
    }
}
