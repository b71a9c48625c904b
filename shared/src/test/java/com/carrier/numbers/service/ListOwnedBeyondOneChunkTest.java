package com.carrier.numbers.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.carrier.numbers.domain.Caller;
import com.carrier.numbers.domain.PhoneNumber;
import com.carrier.numbers.testing.PlatformFixture;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** GET /v2/numbers reads the account's numbers 100 at a time: pages past the first hundred. */
class ListOwnedBeyondOneChunkTest {
    static PlatformFixture f;
    static Caller owner;
    static List<String> bought;

    @BeforeAll
    static void platform() {
        f = PlatformFixture.create();
        bought = f.load("+16175550100", 101, "Boston", "MA");
        owner = f.master("MA_hundred", "250.00");
        for (String n : bought) {
            f.platform.phoneNumbers().purchase(owner, "MA_hundred", n, null);
        }
    }

    private static List<String> e164s(OffsetPage page) {
        return page.numbers().stream().map(PhoneNumber::number).toList();
    }

    @Test
    void thePagesAfterTheFirstHundredNumbersComeFromTheNextRead() {
        PhoneNumbers numbers = f.platform.phoneNumbers();
        OffsetPage last = numbers.listOwned(owner, 1, 100, null, false);
        assertThat(e164s(last)).containsExactly(bought.get(100));
        assertThat(last.nextKey()).isNull();
        assertThat(last.total()).isEqualTo(101);

        OffsetPage across = numbers.listOwned(owner, 2, 99, null, false);
        assertThat(e164s(across)).containsExactly(bought.get(99), bought.get(100));
        assertThat(across.nextKey()).isNull();

        OffsetPage first = numbers.listOwned(owner, 100, 0, null, false);
        assertThat(e164s(first)).isEqualTo(bought.subList(0, 100));
        assertThat(first.nextKey()).isEqualTo("100");

        OffsetPage shifted = numbers.listOwned(owner, 100, 1, "active", false);
        assertThat(e164s(shifted)).isEqualTo(bought.subList(1, 101));
        assertThat(shifted.nextKey()).isNull();
    }
}
