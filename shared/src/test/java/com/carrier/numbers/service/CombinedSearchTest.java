package com.carrier.numbers.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.carrier.numbers.domain.InventoryNumber;
import com.carrier.numbers.testing.DelegatingDynamoDbClient;
import com.carrier.numbers.testing.LocalDynamo;
import com.carrier.numbers.testing.PlatformFixture;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/**
 * Searches giving several criteria answer exactly the numbers matching all of them, and read at most
 * a small multiple of {@code quantity} items however many numbers match only some of the criteria
 * (DynamoDB Local reports ScannedCount: the items a Query read before any filter).
 */
// "heavy": loads 1,185 numbers before its tests, which PIT would repeat per test and mutant; ./mvnw verify runs it
@Tag("heavy")
class CombinedSearchTest {
    /** Items read by every Query the platform sends. */
    static final class ReadCounter extends DelegatingDynamoDbClient {
        int scanned;

        ReadCounter(DynamoDbClient delegate) {
            super(delegate);
        }

        @Override
        public synchronized QueryResponse query(QueryRequest r) {
            QueryResponse out = delegate.query(r);
            scanned += out.scannedCount();
            return out;
        }
    }

    static ReadCounter reads;
    static PlatformFixture f;
    static Inventory inventory;

    @BeforeAll
    static void inventory() {
        reads = new ReadCounter(LocalDynamo.client());
        f = PlatformFixture.on(reads);
        inventory = f.platform.inventory();
        // Large partitions that match one criterion of each disagreeing search below.
        f.load("+14152000000", 400, "San Francisco", "CA");
        f.load("+12122000000", 400, "New York", "NY");
        f.load("+15122000000", 300, "Austin", "TX");
        // One city name in two states, and one area code with two cities.
        f.load("+15032000000", 40, "Portland", "OR");
        f.load("+12072000000", 25, "Portland", "ME");
        f.load("+14153000000", 20, "Oakland", "CA");
    }

    @BeforeEach
    void reset() {
        reads.scanned = 0;
    }

    private List<String> search(String prefix, String city, String state, int quantity) {
        return inventory.search(new SearchQuery(prefix, city, state, quantity));
    }

    /** Two one-item reads for the random start, then the numbers answered with Limit's slack, per range read. */
    private static void assertReadAtMost(int quantity) {
        assertThat(reads.scanned).as("items read").isLessThanOrEqualTo(2 + 2 * (quantity + 2));
    }

    @Test
    void disagreeingCriteriaAnswerNothingAndReadNothing() {
        assertThat(search("415", null, "NY", 10)).isEmpty();
        assertThat(reads.scanned).isZero();
        assertThat(search("212", "Austin", null, 10)).isEmpty();
        assertThat(search(null, "Austin", "NY", 10)).isEmpty();
        assertThat(search("+1512", "San Francisco", "CA", 100)).isEmpty();
        assertThat(reads.scanned).as("items read by four disagreeing searches").isZero();
    }

    @Test
    void prefixAndStateAnswerNumbersMatchingBoth() {
        assertThat(search("415", null, "CA", 10)).hasSize(10).doesNotHaveDuplicates().allMatch(n -> n.startsWith("+1415"));
        assertReadAtMost(10);
        reset();
        assertThat(search("+1415300", null, "ca", 100)).hasSize(20).allMatch(n -> n.startsWith("+1415300"));
        assertReadAtMost(100);
    }

    @Test
    void prefixAndCityAnswerNumbersMatchingBoth() {
        assertThat(search("415", "oakland", null, 100)).hasSize(20).allMatch(n -> n.startsWith("+14153"));
        assertReadAtMost(100);
        reset();
        assertThat(search("212", "New York", null, 5)).hasSize(5).allMatch(n -> n.startsWith("+1212"));
        assertReadAtMost(5);
    }

    @Test
    void cityAndStateTellApartCitiesOfOneName() {
        assertThat(search(null, "Portland", "ME", 100)).hasSize(25).allMatch(n -> n.startsWith("+1207"));
        assertReadAtMost(100);
        assertThat(search(null, "Portland", null, 100)).hasSize(65);
        reset();
        assertThat(inventory.browse(new SearchQuery(null, "portland", "OR", 3))).hasSize(3)
                .allSatisfy(n -> assertThat(n).extracting(InventoryNumber::city, InventoryNumber::region).containsExactly("Portland", "OR"));
        assertReadAtMost(3);
    }

    @Test
    void allThreeCriteria() {
        assertThat(search("503", "Portland", "OR", 100)).hasSize(40);
        assertThat(search("207", "Portland", "OR", 100)).isEmpty();
        assertThat(search("+1207200001", "Portland", "ME", 100)).hasSize(10);
    }

    @Test
    void aBoughtNumberLeavesEveryCombinedAnswer() {
        var buyer = f.master("MA_combined", "50.00");
        String bought = search("+1503200003", "Portland", "OR", 1).get(0);
        f.platform.phoneNumbers().purchase(buyer, buyer.accountId(), bought, null);
        assertThat(search("+1503200003", "Portland", "OR", 100)).hasSize(9).doesNotContain(bought);
        assertThat(search("+1503200003", null, "OR", 100)).hasSize(9).doesNotContain(bought);
        assertThat(search("+1503200003", "Portland", null, 100)).hasSize(9).doesNotContain(bought);
    }
}
