package com.carrier.numbers.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.carrier.numbers.domain.Caller;
import com.carrier.numbers.domain.Cnam;
import com.carrier.numbers.domain.ErrorCode;
import com.carrier.numbers.domain.Money;
import com.carrier.numbers.domain.NumberState;
import com.carrier.numbers.domain.NumberUpdate;
import com.carrier.numbers.domain.PhoneNumber;
import com.carrier.numbers.domain.Role;
import com.carrier.numbers.testing.PlatformFixture;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The rules a review broke without any test noticing, one test each, at the service level (the
 * route-level tenancy matrix covers the same rules through HTTP): scope checks of credentials,
 * numbers reached through another account, the parent check of unassign, country-wide regions,
 * the previous owner's last call, and a holder's release of its own reservation.
 */
class TenancyAndErrorPathsTest {
    static PlatformFixture f;

    @BeforeAll
    static void platform() {
        f = PlatformFixture.create();
        f.load("+17205550100", 40, "Denver", "CO");
    }

    @Test
    void credentialsOfAnAccountOutsideTheScopeCannotBeCreatedOrRevoked() {
        Caller owner = f.master("MA_credowner", "0");
        Caller stranger = f.master("MA_credstranger", "0");
        Caller sub = f.sub(owner, "SA_credsub", "0");
        var existing = f.platform.credentials().create(owner, "MA_credowner", Role.USER, "existing");

        assertThat(Errors.code(() -> f.platform.credentials().create(stranger, "MA_credowner", Role.USER, "takeover")))
                .isEqualTo(ErrorCode.FORBIDDEN);
        assertThat(Errors.code(() -> f.platform.credentials().create(sub, "MA_credowner", Role.USER, "up the tree")))
                .isEqualTo(ErrorCode.FORBIDDEN);
        assertThat(Errors.code(() -> f.platform.credentials().revoke(stranger, "MA_credowner", existing.credential().authId())))
                .isEqualTo(ErrorCode.FORBIDDEN);
        assertThat(Errors.code(() -> f.platform.credentials().revoke(sub, "MA_credowner", existing.credential().authId())))
                .isEqualTo(ErrorCode.FORBIDDEN);

        // nothing changed: two credentials (the first and "existing"), both still working
        assertThat(f.platform.credentials().list(f.admin, "MA_credowner")).hasSize(2).allMatch(c -> c.revokedAt() == null);
        assertThat(f.platform.credentials().authenticate(existing.token())).map(Caller::accountId).contains("MA_credowner");
        // a credential of another account cannot be revoked through one's own account either
        assertThat(Errors.code(() -> f.platform.credentials().revoke(stranger, "MA_credstranger", existing.credential().authId())))
                .isEqualTo(ErrorCode.NOT_FOUND);
        assertThat(f.platform.credentials().authenticate(existing.token())).isPresent();
    }

    @Test
    void anotherAccountsNumberIsNotFoundThroughOnesOwnAccount() {
        Caller owner = f.master("MA_numowner", "10.00");
        Caller stranger = f.master("MA_numstranger", "10.00");
        PhoneNumber owned = f.platform.phoneNumbers().purchase(owner, "MA_numowner", "+17205550100", null);
        NumberUpdate rename = new NumberUpdate("Hijacked", new Cnam("HIJACK", false), null, null, null, null, Set.of());

        assertThat(Errors.code(() -> f.platform.phoneNumbers().get(stranger, "MA_numstranger", "+17205550100"))).isEqualTo(ErrorCode.NOT_FOUND);
        assertThat(Errors.code(() -> f.platform.phoneNumbers().update(stranger, "MA_numstranger", "+17205550100", rename)))
                .isEqualTo(ErrorCode.NOT_FOUND);
        assertThat(Errors.code(() -> f.platform.phoneNumbers().get(stranger, "MA_numowner", "+17205550100"))).isEqualTo(ErrorCode.FORBIDDEN);
        assertThat(Errors.code(() -> f.platform.phoneNumbers().update(stranger, "MA_numowner", "+17205550100", rename)))
                .isEqualTo(ErrorCode.FORBIDDEN);
        assertThat(f.platform.phoneNumbers().get(owner, "MA_numowner", "+17205550100")).isEqualTo(owned);
    }

    @Test
    void onlyTheParentMasterTakesANumberBackFromItsSubAccount() {
        Caller master = f.master("MA_parent", "10.00");
        Caller sub = f.sub(master, "SA_child1", "0");
        Caller sibling = f.sub(master, "SA_child2", "0");
        Caller stranger = f.master("MA_unrelated", "0");
        f.platform.phoneNumbers().purchase(master, "MA_parent", "+17205550101", null);
        f.platform.subAccountPool().assign(master, "SA_child1", "+17205550101");

        assertThat(Errors.code(() -> f.platform.subAccountPool().unassign(sub, "SA_child1", "+17205550101", false, null)))
                .isEqualTo(ErrorCode.FORBIDDEN);
        assertThat(Errors.code(() -> f.platform.subAccountPool().unassign(sibling, "SA_child1", "+17205550101", false, null)))
                .isEqualTo(ErrorCode.FORBIDDEN);
        assertThat(Errors.code(() -> f.platform.subAccountPool().unassign(stranger, "SA_child1", "+17205550101", false, null)))
                .isEqualTo(ErrorCode.FORBIDDEN);
        assertThat(f.platform.phoneNumbers().get(master, "MA_parent", "+17205550101").subAccountId()).isEqualTo("SA_child1");

        assertThat(f.platform.subAccountPool().unassign(master, "SA_child1", "+17205550101", false, null).subAccountId()).isNull();
    }

    @Test
    void aCountryWideRegionAllowsEveryStateOfTheCountryAndAStateOnlyItself() {
        Caller countryWide = f.masterIn("MA_usonly", "10.00", List.of("US"));
        Caller texasOnly = f.masterIn("MA_txonly", "10.00", List.of("US-TX"));
        Caller coloradoOnly = f.masterIn("MA_coonly", "10.00", List.of("US-CO"));

        assertThat(f.platform.phoneNumbers().purchase(countryWide, "MA_usonly", "+17205550102", null).ownerId()).isEqualTo("MA_usonly");
        assertThat(Errors.code(() -> f.platform.phoneNumbers().purchase(texasOnly, "MA_txonly", "+17205550103", null)))
                .isEqualTo(ErrorCode.INVALID_REGION);
        assertThat(Errors.code(() -> f.platform.phoneNumbers().reserve(texasOnly, "MA_txonly", "+17205550103", null)))
                .isEqualTo(ErrorCode.INVALID_REGION);
        assertThat(f.account("MA_txonly").balance()).isEqualTo(Money.of("10.00"));
        assertThat(f.platform.phoneNumbers().purchase(coloradoOnly, "MA_coonly", "+17205550103", null).ownerId()).isEqualTo("MA_coonly");
    }

    @Test
    void aNewOwnerDoesNotInheritThePreviousOwnersLastCall() {
        // The cool-off must hold only the customer who carried the call: a late report of the first
        // owner's last call, arriving when the number is in inventory again, must not hold the next one.
        Caller first = f.master("MA_firstowner", "10.00");
        Caller second = f.master("MA_secondowner", "10.00");
        Caller secondsSub = f.sub(second, "SA_secondsub", "0");
        f.platform.phoneNumbers().purchase(first, "MA_firstowner", "+17205550104", null);
        Instant call = f.clock.instant().minus(Duration.ofHours(1));
        f.platform.callActivity().record("+17205550104", call);
        assertThat(f.platform.callActivity().lastCallAt("+17205550104")).contains(call);
        f.platform.phoneNumbers().release(first, "MA_firstowner", "+17205550104");
        f.clock.advance(Duration.ofDays(46));
        f.platform.inventory().ageOut("+17205550104");
        Instant lateReportedCall = f.clock.instant().minus(Duration.ofDays(2));
        f.platform.callActivity().record("+17205550104", lateReportedCall);

        PhoneNumber bought = f.platform.phoneNumbers().purchase(second, "MA_secondowner", "+17205550104", null);
        assertThat(f.platform.callActivity().lastCallAt("+17205550104")).as("the late report of nobody's call").isEmpty();
        assertThat(bought.ownerId()).isEqualTo("MA_secondowner");
        f.platform.subAccountPool().assign(second, secondsSub.accountId(), "+17205550104");
        // within 15 days of the first owner's call, yet no cool-off for the second owner
        PhoneNumber back = f.platform.subAccountPool().unassign(second, secondsSub.accountId(), "+17205550104", false, null);
        assertThat(back.subAccountId()).isNull();
        // a call the second owner's customer carries does count
        f.platform.subAccountPool().assign(second, secondsSub.accountId(), "+17205550104");
        f.platform.callActivity().record("+17205550104", f.clock.instant());
        assertThat(Errors.code(() -> f.platform.subAccountPool().unassign(second, secondsSub.accountId(), "+17205550104", false, null)))
                .isEqualTo(ErrorCode.DID_COOL_OFF_IN_EFFECT);
    }

    @Test
    void theHolderReleasingItsReservationPutsTheNumberBackInInventoryAtOnce() {
        Caller holder = f.master("MA_holder", "10.00");
        Caller other = f.master("MA_next", "10.00");
        f.platform.phoneNumbers().reserve(holder, "MA_holder", "+17205550105", Duration.ofMinutes(30));
        assertThat(Errors.code(() -> f.platform.phoneNumbers().purchase(other, "MA_next", "+17205550105", null)))
                .isEqualTo(ErrorCode.NUMBER_UNAVAILABLE);
        // someone else cannot drop the hold
        assertThat(Errors.code(() -> f.platform.phoneNumbers().release(other, "MA_next", "+17205550105"))).isEqualTo(ErrorCode.NOT_FOUND);

        PhoneNumber released = f.platform.phoneNumbers().release(holder, "MA_holder", "+17205550105");

        assertThat(released.state()).isEqualTo(NumberState.AVAILABLE);
        assertThat(released.holdAccountId()).isNull();
        assertThat(released.availableAt()).isNull();
        assertThat(released.releasedAt()).isNull();
        assertThat(f.platform.inventory().search(new SearchQuery("+17205550105", null, null, 1))).containsExactly("+17205550105");
        assertThat(f.platform.auditTrail().forNumber(f.admin, "+17205550105")).extracting(a -> a.action())
                .containsExactly("load", "reserve", "cancel_hold");
        assertThat(f.account("MA_holder").balance()).isEqualTo(Money.of("10.00"));
        // and anyone may buy it straight away
        assertThat(f.platform.phoneNumbers().purchase(other, "MA_next", "+17205550105", null).ownerId()).isEqualTo("MA_next");
    }
}
