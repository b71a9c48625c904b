package com.carrier.numbers.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.carrier.numbers.domain.Caller;
import com.carrier.numbers.domain.ErrorCode;
import com.carrier.numbers.adapter.dynamodb.DynamoNumberStore;
import com.carrier.numbers.domain.InventoryNumber;
import com.carrier.numbers.domain.NumberLifecycle;
import com.carrier.numbers.domain.NumberState;
import com.carrier.numbers.port.NumberWrite;
import com.carrier.numbers.domain.NumberUpdate;
import com.carrier.numbers.domain.PhoneNumber;
import com.carrier.numbers.domain.PlatformException;
import com.carrier.numbers.testing.DelegatingDynamoDbClient;
import com.carrier.numbers.testing.LocalDynamo;
import com.carrier.numbers.testing.PlatformFixture;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** An account's number listings at their page boundaries, numbers by id, holds, and updates that change nothing. */
class PhoneNumbersTest {
    static PlatformFixture f;
    static PhoneNumbers numbers;
    static final LaggingByIdIndex byIdIndex = new LaggingByIdIndex();

    /**
     * DynamoDB Local updates a global secondary index with the item; AWS does so eventually. While
     * {@code lagging}, a ById query answers what it answered first for that id, as an index behind the table would.
     */
    static final class LaggingByIdIndex extends DelegatingDynamoDbClient {
        final Map<String, QueryResponse> seen = new ConcurrentHashMap<>();
        volatile boolean lagging;

        LaggingByIdIndex() {
            super(LocalDynamo.client());
        }

        @Override
        public QueryResponse query(QueryRequest r) {
            if (!"ById".equals(r.indexName())) {
                return super.query(r);
            }
            String id = r.expressionAttributeValues().get(":id").s();
            QueryResponse fresh = super.query(r);
            return lagging ? seen.computeIfAbsent(id, k -> fresh) : fresh;
        }
    }

    @BeforeAll
    static void platform() {
        f = PlatformFixture.on(byIdIndex);
        numbers = f.platform.phoneNumbers();
        f.load("+17075550100", 20, "Napa", "CA");
    }

    private static List<String> e164s(List<PhoneNumber> page) {
        return page.stream().map(PhoneNumber::number).toList();
    }

    private static String refusedField(Runnable action) {
        PlatformException e = Errors.of(action);
        assertThat(e.code()).isEqualTo(ErrorCode.VALIDATION_ERROR);
        return (String) e.details().get("field");
    }

    private static Caller buyerOf(String account, String... bought) {
        Caller c = f.master(account, "100.00");
        for (String n : bought) {
            numbers.purchase(c, account, n, null);
        }
        return c;
    }

    @Test
    void keyPagesEndExactlyAtTheLastNumber() {
        Caller m = buyerOf("MA_keypg", "+17075550100", "+17075550101", "+17075550102", "+17075550103");
        NumberPage whole = numbers.list(m, "MA_keypg", false, 4, null);
        assertThat(e164s(whole.numbers())).containsExactly("+17075550100", "+17075550101", "+17075550102", "+17075550103");
        assertThat(whole.nextStartKey()).isNull();

        NumberPage first = numbers.list(m, "MA_keypg", false, 3, null);
        assertThat(e164s(first.numbers())).containsExactly("+17075550100", "+17075550101", "+17075550102");
        assertThat(first.nextStartKey()).isNotNull();
        NumberPage rest = numbers.list(m, "MA_keypg", false, 3, first.nextStartKey());
        assertThat(e164s(rest.numbers())).containsExactly("+17075550103");
        assertThat(rest.nextStartKey()).isNull();

        NumberPage one = numbers.list(m, "MA_keypg", false, 1, null);
        assertThat(e164s(one.numbers())).containsExactly("+17075550100");
        assertThat(e164s(numbers.list(m, "MA_keypg", false, 1, one.nextStartKey()).numbers())).containsExactly("+17075550101");
        NumberPage hundred = numbers.list(m, "MA_keypg", false, 100, null);
        assertThat(hundred.numbers()).hasSize(4);
        assertThat(hundred.nextStartKey()).isNull();
        assertThat(numbers.list(m, "MA_keypg", false, 4, "  ").numbers()).hasSize(4); // a blank key is the first page

        assertThat(refusedField(() -> numbers.list(m, "MA_keypg", false, 0, null))).isEqualTo("page_size");
        assertThat(refusedField(() -> numbers.list(m, "MA_keypg", false, 101, null))).isEqualTo("page_size");
        String notANumber = Base64.getUrlEncoder().withoutPadding().encodeToString("MA_keypg".getBytes(StandardCharsets.UTF_8));
        assertThat(refusedField(() -> numbers.list(m, "MA_keypg", false, 4, notANumber))).isEqualTo("start_key");

        assertThat(e164s(numbers.listAll(m, "MA_keypg", false, 4))).hasSize(4);
        assertThat(refusedField(() -> numbers.listAll(m, "MA_keypg", false, 3))).isEqualTo("paginate");
    }

    @Test
    void offsetPagesEndExactlyAtTheLastNumber() {
        Caller m = buyerOf("MA_offpg", "+17075550104", "+17075550105", "+17075550106", "+17075550107");
        OffsetPage whole = numbers.listOwned(m, 4, 0, null, false);
        assertThat(e164s(whole.numbers())).containsExactly("+17075550104", "+17075550105", "+17075550106", "+17075550107");
        assertThat(whole.nextKey()).isNull();
        assertThat(whole.total()).isEqualTo(4);
        assertThat(whole.limit()).isEqualTo(4);
        assertThat(whole.offset()).isZero();

        OffsetPage first = numbers.listOwned(m, 3, 0, null, false);
        assertThat(e164s(first.numbers())).containsExactly("+17075550104", "+17075550105", "+17075550106");
        assertThat(first.nextKey()).isEqualTo("3");
        OffsetPage shifted = numbers.listOwned(m, 3, 1, null, false);
        assertThat(e164s(shifted.numbers())).containsExactly("+17075550105", "+17075550106", "+17075550107");
        assertThat(shifted.nextKey()).isNull();
        OffsetPage last = numbers.listOwned(m, 1, 3, null, false);
        assertThat(e164s(last.numbers())).containsExactly("+17075550107");
        assertThat(last.nextKey()).isNull();
        OffsetPage one = numbers.listOwned(m, 1, 0, null, false);
        assertThat(e164s(one.numbers())).containsExactly("+17075550104");
        assertThat(one.nextKey()).isEqualTo("1");
        OffsetPage middle = numbers.listOwned(m, 2, 1, null, false);
        assertThat(e164s(middle.numbers())).containsExactly("+17075550105", "+17075550106");
        assertThat(middle.nextKey()).isEqualTo("3");

        for (int offset : new int[] {4, 5, 10_000}) {
            OffsetPage past = numbers.listOwned(m, 2, offset, null, false);
            assertThat(past.numbers()).isEmpty();
            assertThat(past.nextKey()).isNull();
            assertThat(past.total()).isEqualTo(4);
            assertThat(past.offset()).isEqualTo(offset);
        }
        assertThat(numbers.listOwned(m, 100, 0, null, false).numbers()).hasSize(4);
        assertThat(numbers.listOwned(m, 100, 0, "active", false).numbers()).hasSize(4);
        OffsetPage suspended = numbers.listOwned(m, 100, 0, "suspended", false);
        assertThat(suspended.numbers()).isEmpty();
        assertThat(suspended.total()).isZero();

        assertThat(refusedField(() -> numbers.listOwned(m, 0, 0, null, false))).isEqualTo("limit");
        assertThat(refusedField(() -> numbers.listOwned(m, 101, 0, null, false))).isEqualTo("limit");
        assertThat(refusedField(() -> numbers.listOwned(m, 10, -1, null, false))).isEqualTo("offset");
        assertThat(refusedField(() -> numbers.listOwned(m, 10, 10_001, null, false))).isEqualTo("offset");
    }

    @Test
    void aNumberByIdIsSeenByItsOwnerAndTheSubAccountItIsAssignedToOnly() {
        Caller m = buyerOf("MA_byid", "+17075550108", "+17075550109");
        Caller s = f.sub(m, "SA_byid", "0");
        Caller stranger = f.master("MA_byidx", "0");
        PhoneNumber own = numbers.get(m, "MA_byid", "+17075550108");
        PhoneNumber assigned = f.platform.subAccountPool().assign(m, "SA_byid", "+17075550109");
        assertThat(numbers.getById(m, own.id())).isEqualTo(own);
        assertThat(numbers.getById(m, assigned.id())).isEqualTo(assigned);
        assertThat(numbers.getById(s, assigned.id())).isEqualTo(assigned);
        assertThat(Errors.code(() -> numbers.getById(s, own.id()))).isEqualTo(ErrorCode.NOT_FOUND);
        assertThat(Errors.code(() -> numbers.getById(stranger, own.id()))).isEqualTo(ErrorCode.NOT_FOUND);
        assertThat(Errors.code(() -> numbers.getById(m, null))).isEqualTo(ErrorCode.NOT_FOUND);
        assertThat(Errors.code(() -> numbers.getById(m, ""))).isEqualTo(ErrorCode.NOT_FOUND);
        assertThat(Errors.code(() -> numbers.getById(m, "num_" + "a".repeat(65)))).isEqualTo(ErrorCode.NOT_FOUND);
    }

    @Test
    void anUpdateWithNothingInItChangesNothingAndEitherAccountOfTheNumberMayConfigureIt() {
        Caller m = buyerOf("MA_noop", "+17075550110", "+17075550111");
        Caller s = f.sub(m, "SA_noop", "0");
        f.platform.subAccountPool().assign(m, "SA_noop", "+17075550111");
        PhoneNumber before = numbers.get(m, "MA_noop", "+17075550110");
        assertThat(numbers.update(m, "MA_noop", "+17075550110", null)).isEqualTo(before);
        assertThat(numbers.update(m, "MA_noop", "+17075550110", NumberUpdate.NONE)).isEqualTo(before);
        assertThat(numbers.get(m, "MA_noop", "+17075550110")).isEqualTo(before); // not even the version moved

        NumberUpdate named = new NumberUpdate("Lobby", null, null, null, null, null, Set.of());
        assertThat(numbers.update(m, "MA_noop", "+17075550110", named).friendlyName()).isEqualTo("Lobby");
        assertThat(numbers.update(s, "SA_noop", "+17075550111", named).friendlyName()).isEqualTo("Lobby");
        assertThat(Errors.code(() -> numbers.update(s, "SA_noop", "+17075550110", named))).isEqualTo(ErrorCode.NOT_FOUND);
    }

    @Test
    void aHoldIsExtendedByItsHolderAndBlocksOthersUntilItLapses() {
        Caller holder = f.master("MA_holder", "10.00");
        Caller other = f.master("MA_other", "10.00");
        Instant start = f.clock.instant();
        assertThat(numbers.reserve(holder, "MA_holder", "+17075550112", Duration.ofMinutes(10)).holdUntil())
                .isEqualTo(start.plus(Duration.ofMinutes(10)));
        assertThat(numbers.reserve(holder, "MA_holder", "+17075550112", Duration.ofMinutes(20)).holdUntil())
                .isEqualTo(start.plus(Duration.ofMinutes(20)));
        assertThat(Errors.code(() -> numbers.reserve(other, "MA_other", "+17075550112", null))).isEqualTo(ErrorCode.NUMBER_UNAVAILABLE);
        assertThat(numbers.get(holder, "MA_holder", "+17075550112").holdAccountId()).isEqualTo("MA_holder");
        f.clock.advance(Duration.ofMinutes(21));
        assertThat(numbers.reserve(other, "MA_other", "+17075550112", Duration.ofDays(1)).holdAccountId()).isEqualTo("MA_other");
        assertThat(numbers.reserve(other, "MA_other", "+17075550113", Duration.ofSeconds(1)).holdUntil())
                .isEqualTo(f.clock.instant().plusSeconds(1));
        assertThat(refusedField(() -> numbers.reserve(other, "MA_other", "+17075550114", Duration.ofDays(1).plusSeconds(1))))
                .isEqualTo("hold");
        assertThat(refusedField(() -> numbers.reserve(other, "MA_other", "+17075550114", Duration.ofSeconds(-1)))).isEqualTo("hold");
    }

    @Test
    void aRegionRefusalNamesTheCountryAndTheStateWhenTheNumberHasOne() {
        f.platform.inventory().load(f.admin, List.of(new InventoryNumber("+17075559000", "Napa", null, "US", "local", null, null)));
        Caller texan = f.masterIn("MA_texan", "10.00", List.of("US-TX"));
        PlatformException stateless = Errors.of(() -> numbers.purchase(texan, "MA_texan", "+17075559000", null));
        assertThat(stateless.code()).isEqualTo(ErrorCode.INVALID_REGION);
        assertThat(stateless.getMessage()).isEqualTo("account MA_texan may not buy numbers in US");
        PlatformException inState = Errors.of(() -> numbers.purchase(texan, "MA_texan", "+17075550115", null));
        assertThat(inState.code()).isEqualTo(ErrorCode.INVALID_REGION);
        assertThat(inState.getMessage()).isEqualTo("account MA_texan may not buy numbers in US-CA");
        assertThat(f.account("MA_texan").balance()).isEqualTo(com.carrier.numbers.domain.Money.of("10.00"));
    }

    @Test
    void anOldIdDoesNotFindTheNumberOnceItIsSoldAgainEvenWhileTheIndexLags() {
        Caller m = buyerOf("MA_resold", "+17075550116");
        PhoneNumber first = numbers.get(m, "MA_resold", "+17075550116");
        byIdIndex.lagging = true;
        try {
            assertThat(numbers.getById(m, first.id())).isEqualTo(first); // the index now answers this for first.id()
            numbers.release(m, "MA_resold", "+17075550116");
            f.clock.advance(Duration.ofDays(45));
            f.platform.inventory().ageOut("+17075550116");
            PhoneNumber second = numbers.purchase(m, "MA_resold", "+17075550116", null);
            assertThat(second.id()).isNotEqualTo(first.id());
            assertThat(Errors.code(() -> numbers.getById(m, first.id()))).isEqualTo(ErrorCode.NOT_FOUND);
            assertThat(numbers.getById(m, second.id())).isEqualTo(second);
        } finally {
            byIdIndex.lagging = false;
        }
    }

    /** No service ports a number out yet; the transition table has the state, written here as a port-out would. */
    @Test
    void aNumberPortingOutCannotBeReleasedAndStaysAsItWas() {
        Caller m = buyerOf("MA_portout", "+17075550117");
        PhoneNumber inService = numbers.get(m, "MA_portout", "+17075550117");
        NumberDraft d = NumberDraft.of(inService);
        d.state = NumberLifecycle.PORT_OUT_REQUEST.to();
        PhoneNumber portingOut = d.build();
        new DynamoNumberStore(f.dynamo, f.tables.numbers(), f.tables.accounts(), f.tables.ledger(), f.tables.audit())
                .apply(new NumberWrite(inService, portingOut, NumberLifecycle.PORT_OUT_REQUEST, Counters.deltas(inService, portingOut), null, null));
        assertThat(numbers.get(m, "MA_portout", "+17075550117").state()).isEqualTo(NumberState.PORT_OUT);

        PlatformException refused = Errors.of(() -> numbers.release(m, "MA_portout", "+17075550117"));
        assertThat(refused.code()).isEqualTo(ErrorCode.NUMBER_UNAVAILABLE);
        assertThat(refused.getMessage()).isEqualTo("+17075550117 cannot be released while " + NumberState.PORT_OUT.wire());
        assertThat(numbers.get(m, "MA_portout", "+17075550117")).isEqualTo(portingOut);
        assertThat(f.workflows.started()).noneMatch(st -> st.name().startsWith("aging-17075550117"));
    }
}
