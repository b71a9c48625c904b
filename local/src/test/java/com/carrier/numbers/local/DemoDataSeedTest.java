package com.carrier.numbers.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.carrier.numbers.NumbersPlatform;
import com.carrier.numbers.domain.Account;
import com.carrier.numbers.domain.AccountType;
import com.carrier.numbers.domain.Caller;
import com.carrier.numbers.domain.InventoryNumber;
import com.carrier.numbers.domain.Money;
import com.carrier.numbers.domain.PlatformException;
import com.carrier.numbers.service.Accounts;
import com.carrier.numbers.service.AuditTrail;
import com.carrier.numbers.service.CallActivity;
import com.carrier.numbers.service.CreatedAccount;
import com.carrier.numbers.service.Credentials;
import com.carrier.numbers.service.IdempotencyKeys;
import com.carrier.numbers.service.Inventory;
import com.carrier.numbers.service.PhoneNumbers;
import com.carrier.numbers.service.Renewals;
import com.carrier.numbers.service.SubAccountPool;
import java.lang.reflect.Constructor;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * What DemoData asks of the domain services, checked against recording stand-ins (the real
 * services are being written concurrently): accounts, credentials for the fixed tokens, credits,
 * inventory, and nothing twice.
 */
class DemoDataSeedTest {
    static final Map<String, Account> ACCOUNTS = new LinkedHashMap<>();
    static final List<String> CALLS = new ArrayList<>();
    static final List<InventoryNumber> LOADED = new ArrayList<>();

    static class RecordingAccounts extends Accounts {
        @Override
        public CreatedAccount create(Caller caller, String id, String name, String parentId, List<String> allowedRegions) {
            assertThat(caller).isEqualTo(Caller.SYSTEM);
            ACCOUNTS.put(id, new Account(id, name, id.startsWith("MA_") ? AccountType.MASTER : AccountType.SUB,
                    parentId, Money.ZERO, allowedRegions, Instant.now()));
            CALLS.add("create " + id + " parent=" + parentId);
            return new CreatedAccount(ACCOUNTS.get(id), null);
        }

        @Override
        public Account get(Caller caller, String id) {
            Account a = ACCOUNTS.get(id);
            if (a == null) {
                throw PlatformException.notFound("account");
            }
            return a;
        }

        @Override
        public Account credit(Caller caller, String id, Money amount) {
            CALLS.add("credit " + id + " " + amount.toDecimal());
            return ACCOUNTS.get(id);
        }
    }

    static class RecordingInventory extends Inventory {
        @Override
        public int load(Caller operator, List<InventoryNumber> numbers) {
            LOADED.addAll(numbers);
            return numbers.size();
        }
    }

    /** Stands in for Credentials.register(accountId, role, name, token), which the domain engineer is adding. */
    private static void register(NumbersPlatform p, DemoData.DemoCredential c) {
        assertThat(ACCOUNTS).containsKey(c.accountId());
        CALLS.add("register " + c.accountId() + " " + c.role() + " " + c.token());
    }

    private static NumbersPlatform platform() throws Exception {
        Constructor<NumbersPlatform> c;
        try {
            c = NumbersPlatform.class.getDeclaredConstructor(Inventory.class, PhoneNumbers.class,
                SubAccountPool.class, CallActivity.class, Accounts.class, Credentials.class, Renewals.class, AuditTrail.class,
                    IdempotencyKeys.class);
        } catch (NoSuchMethodException changed) {
            Assumptions.abort("NumbersPlatform's constructor changed: " + changed);
            throw changed;
        }
        c.setAccessible(true);
        return c.newInstance(new RecordingInventory(), null, null, null, new RecordingAccounts(), new Credentials(),
                null, null, null);
    }

    @Test
    void seedsAccountsTokensCreditsAndInventoryOnce() throws Exception {
        NumbersPlatform p = platform();
        assertThat(DemoData.seed(p, DemoDataSeedTest::register)).isTrue();
        assertThat(CALLS).contains("create MA_platform parent=null", "create MA_demo parent=null",
                "create SA_demo1 parent=MA_demo", "create SA_demo2 parent=MA_demo", "create MA_other parent=null",
                "register MA_platform ADMIN local-admin-token", "register MA_demo USER demo-master-token",
                "register SA_demo1 USER demo-sub1-token", "register SA_demo2 USER demo-sub2-token",
                "register MA_other USER other-master-token",
                "credit MA_demo 100.00", "credit SA_demo1 100.00", "credit SA_demo2 100.00", "credit MA_other 100.00");
        assertThat(CALLS).noneMatch(c -> c.startsWith("credit MA_platform"));
        assertThat(LOADED).hasSize(4000);

        int calls = CALLS.size();
        assertThat(DemoData.seed(p, DemoDataSeedTest::register)).isFalse(); // a persisted database already has them
        assertThat(CALLS).hasSize(calls);
        assertThat(LOADED).hasSize(4000);
    }
}
