package com.carrier.numbers.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.carrier.numbers.domain.Caller;
import com.carrier.numbers.domain.Cnam;
import com.carrier.numbers.domain.ErrorCode;
import com.carrier.numbers.domain.Money;
import com.carrier.numbers.domain.NumberState;
import com.carrier.numbers.domain.NumberUpdate;
import com.carrier.numbers.domain.PhoneNumber;
import com.carrier.numbers.domain.PlatformException;
import com.carrier.numbers.testing.PlatformFixture;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class PurchaseTest {
    static PlatformFixture f;
    static PhoneNumbers numbers;

    @BeforeAll
    static void platform() {
        f = PlatformFixture.create();
        numbers = f.platform.phoneNumbers();
        f.load("+14155550100", 40);
    }

    static ErrorCode codeOf(Runnable r) {
        try {
            r.run();
        } catch (PlatformException e) {
            return e.code();
        }
        throw new AssertionError("no PlatformException");
    }

    @Test
    void purchaseTakesTheNumberDebitsSetupAndFirstMonthAndWritesLedgerAndAudit() {
        Caller acme = f.master("MA_acme", "10.00");
        PhoneNumber p = numbers.purchase(acme, "MA_acme", "+14155550100",
                new NumberUpdate("Support Line", new Cnam("ACME", true), null, null, null, null, Set.of()));

        Instant now = f.clock.instant();
        assertThat(p.state()).isEqualTo(NumberState.IN_SERVICE);
        assertThat(p.status()).isEqualTo("active");
        assertThat(p.id()).startsWith("num_");
        assertThat(p.ownerId()).isEqualTo("MA_acme");
        assertThat(p.friendlyName()).isEqualTo("Support Line");
        assertThat(p.features()).containsExactly("cnam");
        assertThat(p.purchasedAt()).isEqualTo(now);
        assertThat(p.expiresAt()).isEqualTo(Instant.parse("2027-01-15T10:00:00Z"));
        assertThat(p.nextCharge()).isEqualTo(Instant.parse("2026-02-15T10:00:00Z"));
        assertThat(p.setupFee()).isEqualTo(Money.of("1.00"));
        assertThat(p.monthlyCost()).isEqualTo(Money.of("0.99"));

        assertThat(f.account("MA_acme").balance()).isEqualTo(Money.of("8.01"));
        var ledger = f.platform.accounts().ledger(acme, "MA_acme", 10, null).entries();
        assertThat(ledger).extracting(e -> e.amount()).containsExactly(Money.of("-1.99"), Money.of("10.00"));
        assertThat(ledger.get(0).number()).isEqualTo("+14155550100");

        assertThat(numbers.get(acme, "MA_acme", "+14155550100")).isEqualTo(p);
        assertThat(numbers.getById(acme, p.id())).isEqualTo(p);
        var audit = f.platform.auditTrail().forNumber(f.admin, "+14155550100");
        assertThat(audit).extracting(a -> a.action()).containsExactly("load", "purchase");
        assertThat(audit.get(1).fromState()).isEqualTo(NumberState.AVAILABLE);
        assertThat(audit.get(1).toState()).isEqualTo(NumberState.IN_SERVICE);
        assertThat(audit.get(1).actorAccountId()).isEqualTo("MA_acme");
        assertThat(audit.get(1).actorAuthId()).isEqualTo(acme.authId());

        // no longer in search
        assertThat(f.platform.inventory().search(new SearchQuery("415555", null, null, 100))).doesNotContain("+14155550100");
    }

    @Test
    void checksRunInOrderRequestNumberRegionBalanceAndChangeNothing() {
        Caller poor = f.masterIn("MA_poor", "1.00", List.of("CA"));
        Caller rich = f.master("MA_rich", "100.00");
        numbers.purchase(rich, "MA_rich", "+14155550101", null);

        assertThat(codeOf(() -> numbers.purchase(poor, "MA_poor", "not-a-number", null))).isEqualTo(ErrorCode.VALIDATION_ERROR);
        assertThat(codeOf(() -> numbers.purchase(poor, "MA_poor", "+14155550101", null))).isEqualTo(ErrorCode.NUMBER_UNAVAILABLE);
        assertThat(codeOf(() -> numbers.purchase(poor, "MA_poor", "+14155559999", null))).isEqualTo(ErrorCode.NUMBER_UNAVAILABLE);
        assertThat(codeOf(() -> numbers.purchase(poor, "MA_poor", "+14155550102", null))).isEqualTo(ErrorCode.INVALID_REGION);
        Caller poorUs = f.master("MA_poorus", "1.00");
        PlatformException e = (PlatformException) catchIt(() -> numbers.purchase(poorUs, "MA_poorus", "+14155550102", null));
        assertThat(e.code()).isEqualTo(ErrorCode.INSUFFICIENT_CREDIT);

        assertThat(f.account("MA_poorus").balance()).isEqualTo(Money.of("1.00"));
        assertThat(f.platform.accounts().ledger(poorUs, "MA_poorus", 10, null).entries()).hasSize(1);
        assertThat(f.platform.inventory().search(new SearchQuery("+1415555010", null, null, 10))).contains("+14155550102");
        assertThat(codeOf(() -> numbers.get(poorUs, "MA_poorus", "+14155550102"))).isEqualTo(ErrorCode.NOT_FOUND);
        assertThat(codeOf(() -> numbers.purchase(poorUs, "MA_rich", "+14155550102", null))).isEqualTo(ErrorCode.FORBIDDEN);
        assertThat(codeOf(() -> numbers.purchase(rich, "MA_rich", "+14155550102",
                new NumberUpdate(null, new Cnam("A name longer than fifteen", null), null, null, null, null, Set.of()))))
                .isEqualTo(ErrorCode.VALIDATION_ERROR);
    }

    static RuntimeException catchIt(Runnable r) {
        try {
            r.run();
        } catch (RuntimeException e) {
            return e;
        }
        throw new AssertionError("nothing thrown");
    }

    @Test
    void aHoldBlocksOthersUntilItLapses() {
        Caller holder = f.master("MA_holder", "10.00");
        Caller other = f.master("MA_other", "10.00");
        PhoneNumber held = numbers.reserve(holder, "MA_holder", "+14155550110", null);
        assertThat(held.state()).isEqualTo(NumberState.RESERVED);
        assertThat(held.holdUntil()).isEqualTo(f.clock.instant().plus(Duration.ofMinutes(15)));
        assertThat(numbers.get(holder, "MA_holder", "+14155550110").holdAccountId()).isEqualTo("MA_holder");

        assertThat(codeOf(() -> numbers.reserve(other, "MA_other", "+14155550110", null))).isEqualTo(ErrorCode.NUMBER_UNAVAILABLE);
        assertThat(codeOf(() -> numbers.purchase(other, "MA_other", "+14155550110", null))).isEqualTo(ErrorCode.NUMBER_UNAVAILABLE);
        assertThat(f.platform.inventory().search(new SearchQuery("+141555501", null, null, 100))).doesNotContain("+14155550110");

        // the holder buys its own hold
        numbers.reserve(holder, "MA_holder", "+14155550111", Duration.ofMinutes(1));
        assertThat(numbers.purchase(holder, "MA_holder", "+14155550111", null).ownerId()).isEqualTo("MA_holder");

        // a lapsed hold no longer blocks: back in search, and another account may buy it
        f.clock.advance(Duration.ofMinutes(16));
        assertThat(f.platform.inventory().search(new SearchQuery("+141555501", null, null, 100))).contains("+14155550110");
        assertThat(numbers.purchase(other, "MA_other", "+14155550110", null).ownerId()).isEqualTo("MA_other");
        assertThat(codeOf(() -> numbers.reserve(other, "MA_other", "+14155550111", null))).isEqualTo(ErrorCode.NUMBER_UNAVAILABLE);
    }
}
