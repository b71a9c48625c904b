package com.carrier.numbers.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.carrier.numbers.domain.Caller;
import com.carrier.numbers.domain.ErrorCode;
import com.carrier.numbers.domain.InventoryNumber;
import com.carrier.numbers.domain.Job;
import com.carrier.numbers.domain.JobItem;
import com.carrier.numbers.domain.JobOperation;
import com.carrier.numbers.domain.Money;
import com.carrier.numbers.domain.NumberState;
import com.carrier.numbers.domain.PlatformException;
import com.carrier.numbers.port.ProvisioningTask;
import com.carrier.numbers.port.ProvisioningTask.InventoryChunk;
import com.carrier.numbers.testing.PlatformFixture;
import com.carrier.numbers.testing.TaskList;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * An operator's load as the operator meets it: a refused load names the entry and the field and
 * queues nothing; the size limit; how a load is cut into chunks; what a loaded number defaults to;
 * and the aging step's refusals.
 */
class InventoryLoadChecksTest {
    private final TaskList queue = new TaskList();
    private final PlatformFixture f = PlatformFixture.withQueue(queue);
    private final BulkJobs jobs = f.platform.bulkJobs();
    private final Inventory inventory = f.platform.inventory();

    private static InventoryNumber local(String number) {
        return new InventoryNumber(number, "Boston", "MA", null, "local", null, null);
    }

    private void assertRefusedNamingField(List<InventoryNumber> load, String field, String messageStart) {
        PlatformException e = Errors.of(() -> jobs.submitInventory(f.admin, load));
        assertThat(e.code()).isEqualTo(ErrorCode.VALIDATION_ERROR);
        assertThat(e.details()).containsEntry("field", field);
        assertThat(e.getMessage()).startsWith(messageStart);
    }

    @Test
    void aRefusedLoadNamesTheEntryAndFieldAndQueuesNothing() {
        assertRefusedNamingField(List.of(local("+16175553000"), local("12")), "numbers[1].number", "numbers[1]: ");
        assertRefusedNamingField(List.of(new InventoryNumber("+16175553000", null, null, "US", "mobile", null, null)),
                "numbers[0].type", "numbers[0]: no rate for mobile numbers in US");
        assertRefusedNamingField(List.of(), "numbers", "a load has 1 to 10000 numbers");
        assertThat(Errors.code(() -> jobs.submitInventory(f.master("MA_notoperator", "0"), List.of(local("+16175553000")))))
                .isEqualTo(ErrorCode.FORBIDDEN);
        assertThat(queue.drain()).isEmpty();
        assertThat(jobs.count(f.admin, null)).isZero();
        assertThat(inventory.search(new SearchQuery("+1617555300", null, null, 10))).isEmpty();
    }

    @Test
    void aLoadHasAtMostTenThousandNumbersAndOneAtTheLimitIsCheckedEntryByEntry() {
        List<InventoryNumber> atLimit = new ArrayList<>();
        atLimit.add(local("not a number"));
        atLimit.addAll(Collections.nCopies(9_999, local("+16175553001")));
        // within the limit: the entries are checked (the first refusal is named: a cheap check of a full-size load)
        assertRefusedNamingField(atLimit, "numbers[0].number", "numbers[0]: ");
        atLimit.add(local("+16175553002"));
        assertRefusedNamingField(atLimit, "numbers", "a load has 1 to 10000 numbers");
        assertThat(queue.drain()).isEmpty();
    }

    @Test
    void aLoadGoesOnTheQueueInChunksOfAHundredWithTheirFirstIndexes() {
        List<InventoryNumber> load = new ArrayList<>();
        for (int i = 0; i < 101; i++) {
            load.add(local("+1617555" + (3100 + i)));
        }
        Job job = jobs.submitInventory(f.admin, load);
        assertThat(job.total()).isEqualTo(101);
        assertThat(job.status()).isEqualTo(com.carrier.numbers.domain.JobStatus.QUEUED);
        List<ProvisioningTask> chunks = queue.drain();
        assertThat(chunks).hasSize(2);
        InventoryChunk first = (InventoryChunk) chunks.get(0);
        InventoryChunk second = (InventoryChunk) chunks.get(1);
        assertThat(first.jobId()).isEqualTo(job.id());
        assertThat(first.firstIndex()).isZero();
        assertThat(first.numbers()).isEqualTo(load.subList(0, 100));
        assertThat(second.firstIndex()).isEqualTo(100);
        assertThat(second.numbers()).containsExactly(local("+16175553200"));
        List<JobItem> items = jobs.get(f.admin, job.id(), 99, 10).items();
        assertThat(items).extracting(JobItem::number).containsExactly("+16175553199", "+16175553200");
        assertThat(items).extracting(JobItem::status).containsOnly(JobItem.PENDING);
    }

    @Test
    void aLoadedNumberTakesItsCountryFromTheNumberItsTypeLocalAndTrimmedPlaceNames() {
        assertThat(inventory.load(f.admin, List.of(
                new InventoryNumber("+16175553300", " Boston ", " ma ", " ", "", null, null),
                new InventoryNumber("+16045553300", "Vancouver", "BC", null, null, null, null),
                new InventoryNumber("+16045553301", "Vancouver", "BC", "ca", "toll_free", null, null),
                // toll-free numbers are shared by the NANP countries: the operator's country stands
                new InventoryNumber("+18665553300", null, null, "ca", "toll_free", null, null)))).isEqualTo(4);

        assertThat(inventory.browse(new SearchQuery("+16175553300", null, null, 1))).singleElement().satisfies(n -> {
            assertThat(n.country()).isEqualTo("US");
            assertThat(n.type()).isEqualTo("local");
            assertThat(n.city()).isEqualTo("Boston");
            assertThat(n.region()).isEqualTo("MA");
            assertThat(n.setupFee()).isEqualTo(Money.of("1.00"));
            assertThat(n.monthlyCost()).isEqualTo(Money.of("0.99"));
        });
        assertThat(inventory.browse(new SearchQuery("+18665553300", null, null, 1))).singleElement()
                .satisfies(n -> assertThat(n.country()).isEqualTo("CA"));
        assertThat(inventory.browse(new SearchQuery("+16045553300", null, null, 1))).singleElement()
                .satisfies(n -> assertThat(n.country()).isEqualTo("CA"));
        assertThat(inventory.browse(new SearchQuery("+16045553301", null, null, 1))).singleElement().satisfies(n -> {
            assertThat(n.country()).isEqualTo("CA");
            assertThat(n.type()).isEqualTo("toll_free");
            assertThat(n.monthlyCost()).isEqualTo(Money.of("1.99"));
        });
    }

    @Test
    void aChunkNamingACustomersJobLoadsNothing() {
        Caller customer = f.master("MA_chunkspoof", "0");
        Job theirs = jobs.submit(customer, List.of(new JobOperation(JobOperation.Action.RELEASE, "+16175553400", null, null, null, null, null)), null);
        queue.drain();
        assertThat(Errors.code(() -> jobs.run(new InventoryChunk(theirs.id(), 0, List.of(local("+16175553400"))))))
                .isEqualTo(ErrorCode.FORBIDDEN);
        assertThat(inventory.search(new SearchQuery("+16175553400", null, null, 1))).isEmpty();
        assertThat(jobs.get(customer, theirs.id(), 0, 1).items().getFirst().status()).isEqualTo(JobItem.PENDING);
    }

    @Test
    void theAgingStepRefusesAMissingReleaseTimeAndUnknownNumbersAndLeavesOthersAlone() {
        f.load("+16175553500", 1, "Boston", "MA");
        PlatformException noRelease = Errors.of(() -> inventory.ageOut("+16175553500", null));
        assertThat(noRelease.code()).isEqualTo(ErrorCode.VALIDATION_ERROR);
        assertThat(noRelease.details()).containsEntry("field", "released_at");
        assertThat(Errors.code(() -> inventory.ageOut("+16175553599", Instant.parse("2026-01-01T00:00:00Z"))))
                .isEqualTo(ErrorCode.NOT_FOUND);
        assertThat(Errors.code(() -> inventory.ageOut("+16175553599"))).isEqualTo(ErrorCode.NOT_FOUND);
        assertThat(inventory.ageOut("+16175553500").state()).as("available: nothing to age").isEqualTo(NumberState.AVAILABLE);
        assertThat(inventory.ageOut("+16175553500", Instant.parse("2026-01-01T00:00:00Z")).agedOut()).isFalse();
    }

    @Test
    void aChunkAnswersWhichNumbersWentInAndWhyTheOthersDidNot() {
        f.load("+16175553600", 1, "Boston", "MA"); // already in the platform
        List<InventoryNumber> load = List.of(local("+16175553601"), local("+16175553600"), local("+16175553601"));
        Job job = jobs.submitInventory(f.admin, load);
        queue.drain();

        List<Inventory.LoadResult> results = inventory.loadForJob(f.admin, job.id(), 0, load);

        assertThat(results).hasSize(3);
        assertThat(results).filteredOn(r -> r.refusal() == null).singleElement()
                .satisfies(r -> assertThat(r.index()).isZero())
                .satisfies(r -> assertThat(r.number()).isEqualTo("+16175553601"));
        assertThat(results).filteredOn(r -> r.refusal() != null).extracting(Inventory.LoadResult::index).containsExactlyInAnyOrder(1, 2);
        assertThat(results).filteredOn(r -> r.refusal() != null).allSatisfy(r -> {
            assertThat(r.refusal().code()).isEqualTo(ErrorCode.NUMBER_UNAVAILABLE);
            assertThat(r.refusal().getMessage()).isEqualTo(r.number() + " is already in the platform");
        });
        assertThat(Errors.code(() -> inventory.loadForJob(f.master("MA_notloader", "0"), job.id(), 0, load)))
                .isEqualTo(ErrorCode.FORBIDDEN);
    }

    @Test
    void aBlankCriterionIsNoCriterion() {
        f.load("+16175553700", 2, "Boston", "MA");
        assertThat(inventory.search(new SearchQuery("  ", "Boston", " ", 100)))
                .contains("+16175553700", "+16175553701").allMatch(n -> n.startsWith("+1"));
        assertThat(inventory.search(new SearchQuery("6175553700", " ", "", 5))).containsExactly("+16175553700");
        assertThat(Errors.of(() -> inventory.search(new SearchQuery(" ", "", "  ", 5))).details()).containsEntry("field", "prefix");
    }
}
