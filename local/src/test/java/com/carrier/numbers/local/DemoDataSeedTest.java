package com.carrier.numbers.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.carrier.numbers.domain.Caller;
import com.carrier.numbers.domain.Role;
import com.carrier.numbers.service.SearchQuery;
import com.carrier.numbers.testing.PlatformFixture;
import org.junit.jupiter.api.Test;

/** The demo world the README promises, seeded into a real platform on DynamoDB Local, and only once. */
class DemoDataSeedTest {

    @Test
    void seedsAccountsTokensBalancesAndInventoryOnce() {
        PlatformFixture fixture = PlatformFixture.create();
        var platform = fixture.platform;
        assertThat(DemoData.seed(platform)).isTrue();

        Caller admin = platform.credentials().authenticate("local-admin-token").orElseThrow();
        assertThat(admin.role()).isEqualTo(Role.ADMIN);
        assertThat(admin.accountId()).isEqualTo("MA_platform");
        for (String[] t : new String[][] {{"demo-master-token", "MA_demo"}, {"demo-sub1-token", "SA_demo1"},
                {"demo-sub2-token", "SA_demo2"}, {"other-master-token", "MA_other"}}) {
            Caller c = platform.credentials().authenticate(t[0]).orElseThrow();
            assertThat(c.accountId()).isEqualTo(t[1]);
            assertThat(c.role()).isEqualTo(Role.USER);
            var account = platform.accounts().get(c, t[1]);
            assertThat(account.balance().toDecimal()).isEqualByComparingTo("100.00");
            assertThat(account.allowedRegions()).isEmpty();
        }
        assertThat(platform.accounts().get(admin, "SA_demo1").parentId()).isEqualTo("MA_demo");

        assertThat(platform.inventory().search(new SearchQuery("415", null, null, 100))).hasSize(100).allMatch(n -> n.startsWith("+1415"));
        assertThat(platform.inventory().search(new SearchQuery(null, "New York", null, 5))).hasSize(5).allMatch(n -> n.startsWith("+1212"));
        assertThat(platform.inventory().search(new SearchQuery(null, null, "TX", 5))).hasSize(5).allMatch(n -> n.startsWith("+1512"));
        var tollFree = platform.inventory().browse(new SearchQuery("800", null, null, 3));
        assertThat(tollFree).hasSize(3).allMatch(n -> n.type().equals("toll_free"));
        var local = platform.inventory().browse(new SearchQuery("415", null, null, 1)).get(0);
        assertThat(local.setupFee().toDecimal()).isEqualByComparingTo("1.00");
        assertThat(local.monthlyCost().toDecimal()).isEqualByComparingTo("0.99");

        // a persisted database is not seeded twice: balances are not credited again
        assertThat(DemoData.seed(platform)).isFalse();
        assertThat(platform.accounts().get(admin, "MA_demo").balance().toDecimal()).isEqualByComparingTo("100.00");
    }
}
