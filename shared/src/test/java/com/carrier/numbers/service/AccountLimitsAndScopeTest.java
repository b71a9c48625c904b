package com.carrier.numbers.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.carrier.numbers.adapter.dynamodb.DynamoAccountStore;
import com.carrier.numbers.domain.Account;
import com.carrier.numbers.domain.AccountType;
import com.carrier.numbers.domain.Caller;
import com.carrier.numbers.domain.ErrorCode;
import com.carrier.numbers.domain.Money;
import com.carrier.numbers.domain.PlatformException;
import com.carrier.numbers.domain.Role;
import com.carrier.numbers.testing.PlatformFixture;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The limits of accounts and credentials at their edges (each refusal names its field and creates
 * nothing), and how far a credential's scope reaches.
 */
class AccountLimitsAndScopeTest {
    static PlatformFixture f;
    static Accounts accounts;
    static Credentials credentials;
    static DynamoAccountStore store;
    static Scope scope;

    @BeforeAll
    static void platform() {
        f = PlatformFixture.create();
        accounts = f.platform.accounts();
        credentials = f.platform.credentials();
        store = new DynamoAccountStore(f.dynamo, f.tables.accounts(), f.tables.ledger());
        scope = new Scope(store);
    }

    private static String refusedField(Runnable action) {
        PlatformException e = Errors.of(action);
        assertThat(e.code()).isEqualTo(ErrorCode.VALIDATION_ERROR);
        return (String) e.details().get("field");
    }

    private static void absent(String accountId) {
        assertThat(Errors.code(() -> accounts.get(f.admin, accountId))).isEqualTo(ErrorCode.NOT_FOUND);
    }

    @Test
    void anAccountNameHoldsAtMost100CharactersAndDefaultsToTheId() {
        assertThat(accounts.create(f.admin, "MA_name100", "n".repeat(100), null, null).account().name()).isEqualTo("n".repeat(100));
        assertThat(refusedField(() -> accounts.create(f.admin, "MA_name101", "n".repeat(101), null, null))).isEqualTo("name");
        absent("MA_name101");
        assertThat(accounts.create(f.admin, "MA_noname", null, null, null).account().name()).isEqualTo("MA_noname");
        assertThat(accounts.create(f.admin, "MA_blankname", "  ", null, null).account().name()).isEqualTo("MA_blankname");
        assertThat(accounts.get(f.admin, "MA_blankname").name()).isEqualTo("MA_blankname");
    }

    @Test
    void allowedRegionsAreCountriesOrStatesNormalisedToUpperCase() {
        assertThat(accounts.create(f.admin, "MA_regions", "r", null, List.of(" us-ca ", "ca")).account().allowedRegions())
                .containsExactly("US-CA", "CA");
        assertThat(refusedField(() -> accounts.create(f.admin, "MA_usa", "r", null, List.of("USA")))).isEqualTo("allowed_regions");
        absent("MA_usa");
        assertThat(refusedField(() -> accounts.create(f.admin, "MA_nullregion", "r", null, Arrays.asList("US", null))))
                .isEqualTo("allowed_regions");
        absent("MA_nullregion");
    }

    @Test
    void aMasterAccountHasNoParentAndASubAccountsParentMustBeAMaster() {
        accounts.create(f.admin, "MA_parent", "p", null, null);
        assertThat(refusedField(() -> accounts.create(f.admin, "MA_child", "c", "MA_parent", null))).isEqualTo("parent_id");
        absent("MA_child");
        accounts.create(f.admin, "SA_child", "c", "MA_parent", null);
        PlatformException e = Errors.of(() -> accounts.create(f.admin, "SA_grandchild", "g", "SA_child", null));
        assertThat(e.code()).isEqualTo(ErrorCode.FORBIDDEN);
        absent("SA_grandchild");
    }

    @Test
    void theLedgerPagesHoldFrom1To100Entries() {
        Caller owner = f.master("MA_ledgerlimits", "1.00");
        assertThat(accounts.ledger(owner, "MA_ledgerlimits", 100, null).entries()).hasSize(1);
        assertThat(accounts.ledger(owner, "MA_ledgerlimits", 1, null).entries()).hasSize(1);
        assertThat(refusedField(() -> accounts.ledger(owner, "MA_ledgerlimits", 101, null))).isEqualTo("limit");
        assertThat(refusedField(() -> accounts.ledger(owner, "MA_ledgerlimits", 0, null))).isEqualTo("limit");
    }

    @Test
    void requireInScopeAnswersTheAccountOrRefuses() {
        Caller owner = f.master("MA_inscope", "0");
        f.master("MA_outscope", "0");
        assertThat(accounts.requireInScope(owner, "MA_inscope").id()).isEqualTo("MA_inscope");
        assertThat(Errors.code(() -> accounts.requireInScope(owner, "MA_outscope"))).isEqualTo(ErrorCode.FORBIDDEN);
    }

    @Test
    void aCredentialWithoutARoleIsAUserAndItsNameHoldsAtMost100Characters() {
        Caller owner = f.master("MA_credlimits", "0");
        var plain = credentials.create(owner, "MA_credlimits", null, "n".repeat(100));
        assertThat(plain.credential().role()).isEqualTo(Role.USER);
        assertThat(credentials.authenticate(plain.token()).orElseThrow().role()).isEqualTo(Role.USER);
        assertThat(refusedField(() -> credentials.create(owner, "MA_credlimits", Role.USER, "n".repeat(101)))).isEqualTo("name");
        assertThat(credentials.list(owner, "MA_credlimits")).hasSize(2);
    }

    @Test
    void aRegisteredTokenHasAtLeast8CharactersAndALookedUpOneAtMost512() {
        assertThat(credentials.register("MA_operator", Role.USER, null, "12345678").credential().name()).isNull();
        assertThat(credentials.authenticate("12345678")).isPresent();
        assertThat(refusedField(() -> credentials.register("MA_operator", Role.USER, "short", "1234567"))).isEqualTo("token");
        assertThat(refusedField(() -> credentials.register("MA_operator", Role.USER, "none", null))).isEqualTo("token");
        assertThat(credentials.authenticate("1234567")).isEmpty();

        String longest = "t".repeat(512);
        String tooLong = "t".repeat(513);
        credentials.register("MA_operator", Role.USER, "longest", longest);
        credentials.register("MA_operator", Role.USER, "too long", tooLong);
        assertThat(credentials.authenticate(longest).orElseThrow().accountId()).isEqualTo("MA_operator");
        assertThat(credentials.authenticate(tooLong)).isEmpty(); // never looked up, stored or not
        assertThat(credentials.authenticate("   ")).isEmpty();
    }

    @Test
    void noAccountIdIsOutsideEveryScope() {
        Caller owner = f.master("MA_nullscope", "0");
        assertThat(Errors.code(() -> scope.require(owner, null))).isEqualTo(ErrorCode.FORBIDDEN);
        assertThat(Errors.code(() -> scope.require(f.admin, null))).isEqualTo(ErrorCode.NOT_FOUND);
        assertThat(scope.allows(owner, null)).isFalse();
        assertThat(scope.allows(f.admin, null)).isFalse();
    }

    @Test
    void aCredentialActsOnItsOwnAccountWithoutLookingItUp() {
        Caller orphan = new Caller("MA_neverstored", "auth_orphan", Role.USER);
        assertThat(scope.allows(orphan, "MA_neverstored")).isTrue();
        assertThat(scope.allows(orphan, "MA_operator")).isFalse();
    }

    /** The API makes trees two deep; the walk up stops after 8 levels so corrupt data (a cycle) cannot hang a request. */
    @Test
    void theScopeReachesSevenLevelsDownAndACycleEnds() {
        Instant at = Instant.parse("2026-01-15T10:00:00Z");
        store.create(new Account("MA_deep", "deep", AccountType.MASTER, null, Money.ZERO, List.of(), at));
        String parent = "MA_deep";
        for (int level = 1; level <= 8; level++) {
            String id = "SA_deep" + level;
            store.create(new Account(id, id, AccountType.SUB, parent, Money.ZERO, List.of(), at));
            parent = id;
        }
        Caller top = new Caller("MA_deep", "auth_deep", Role.USER);
        assertThat(scope.require(top, "SA_deep7").id()).isEqualTo("SA_deep7");
        assertThat(scope.allows(top, "SA_deep7")).isTrue();
        assertThat(Errors.code(() -> scope.require(top, "SA_deep8"))).isEqualTo(ErrorCode.FORBIDDEN);
        assertThat(scope.allows(top, "SA_deep8")).isFalse();

        store.create(new Account("SA_cycleA", "a", AccountType.SUB, "SA_cycleB", Money.ZERO, List.of(), at));
        store.create(new Account("SA_cycleB", "b", AccountType.SUB, "SA_cycleA", Money.ZERO, List.of(), at));
        assertThat(Errors.code(() -> scope.require(top, "SA_cycleA"))).isEqualTo(ErrorCode.FORBIDDEN);
    }
}
