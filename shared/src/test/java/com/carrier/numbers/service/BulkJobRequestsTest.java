package com.carrier.numbers.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.carrier.numbers.domain.Caller;
import com.carrier.numbers.domain.ErrorCode;
import com.carrier.numbers.domain.InventoryNumber;
import com.carrier.numbers.domain.Job;
import com.carrier.numbers.domain.JobItem;
import com.carrier.numbers.domain.JobOperation;
import com.carrier.numbers.domain.JobOperation.Action;
import com.carrier.numbers.domain.JobStatus;
import com.carrier.numbers.domain.Money;
import com.carrier.numbers.domain.NumberState;
import com.carrier.numbers.domain.NumberUpdate;
import com.carrier.numbers.domain.PlatformException;
import com.carrier.numbers.port.ProvisioningTask;
import com.carrier.numbers.port.ProvisioningTask.InventoryChunk;
import com.carrier.numbers.port.ProvisioningTask.JobItemTask;
import com.carrier.numbers.testing.PlatformFixture;
import com.carrier.numbers.testing.TaskList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Bulk jobs' edges as a customer or the consumer meets them: the size limits, paging a job's
 * results, the list's limits, messages for jobs or items that are not there, a store fault (the
 * item stays pending and the message comes back), and operations that change nothing.
 */
class BulkJobRequestsTest {
    private final TaskList queue = new TaskList();
    private final RenewalsTest.FailingForOneNumber client = new RenewalsTest.FailingForOneNumber("+14155558800");
    private final PlatformFixture f = PlatformFixture.on(client, queue);
    private final BulkJobs jobs = f.platform.bulkJobs();

    private static JobOperation purchase(String number) {
        return new JobOperation(Action.PURCHASE, number, null, null, null, null, null);
    }

    private JobItem item(Caller c, Job job, int index) {
        return jobs.get(c, job.id(), index, 1).items().getFirst();
    }

    private void runItems(List<ProvisioningTask> tasks) {
        for (ProvisioningTask t : tasks) {
            JobItemTask i = (JobItemTask) t;
            jobs.started(i.jobId());
            jobs.run(i);
        }
    }

    @Test
    void aJobHasOneToAThousandOperationsAndARefusedOneQueuesNothing() {
        Caller master = f.master("MA_bulklimit", "0");
        PlatformException tooMany = Errors.of(() -> jobs.submit(master, Collections.nCopies(1001, purchase("+14155558801")), null));
        assertThat(tooMany.code()).isEqualTo(ErrorCode.VALIDATION_ERROR);
        assertThat(tooMany.details()).containsEntry("field", "operations");
        PlatformException none = Errors.of(() -> jobs.submit(master, List.of(), null));
        assertThat(none.details()).containsEntry("field", "operations");
        assertThat(queue.drain()).isEmpty();
        assertThat(jobs.count(master, null)).isZero();

        Job full = jobs.submit(master, Collections.nCopies(1000, purchase("+14155558801")), "the most");
        assertThat(full.total()).isEqualTo(1000);
        assertThat(queue.drain()).hasSize(1000);
        assertThat(jobs.count(master, JobStatus.QUEUED)).isEqualTo(1);
    }

    @Test
    void aJobsResultsComePageByPageWithTheNextIndexUntilTheLast() {
        Caller master = f.master("MA_bulkpages", "0");
        Job job = jobs.submit(master, List.of(purchase("+14155558810"), purchase("+14155558811"), purchase("+14155558812")), null);

        BulkJobs.JobView first = jobs.get(master, job.id(), 0, 2);
        assertThat(first.items()).extracting(JobItem::index).containsExactly(0, 1);
        assertThat(first.nextIndex()).isEqualTo(2);
        BulkJobs.JobView last = jobs.get(master, job.id(), 2, 2);
        assertThat(last.items()).extracting(JobItem::index).containsExactly(2);
        assertThat(last.nextIndex()).isNull();
        assertThat(jobs.get(master, job.id(), 0, 3).nextIndex()).as("a page that ends at the last item").isNull();
        BulkJobs.JobView middle = jobs.get(master, job.id(), 1, 1);
        assertThat(middle.items()).extracting(JobItem::index).containsExactly(1);
        assertThat(middle.nextIndex()).isEqualTo(2);
        assertThat(jobs.get(master, job.id(), 1, 2).nextIndex()).isNull();

        assertThat(Errors.code(() -> jobs.get(master, null, 0, 10))).isEqualTo(ErrorCode.NOT_FOUND);
        assertThat(Errors.code(() -> jobs.get(master, "job_not-an-id", 0, 10))).isEqualTo(ErrorCode.NOT_FOUND);
        assertThat(Errors.code(() -> jobs.get(master, "", 0, 10))).as("never sent to the store as a key").isEqualTo(ErrorCode.NOT_FOUND);
    }

    @Test
    void theJobListTakesALimitOfOneToAHundredAndAnOffsetOfZeroToTenThousand() {
        Caller master = f.master("MA_bulklist", "0");
        Job job = jobs.submit(master, List.of(purchase("+14155558820")), null);
        assertThat(jobs.list(master, null, 1, 0)).extracting(Job::id).containsExactly(job.id());
        assertThat(jobs.list(master, null, 100, 0)).extracting(Job::id).containsExactly(job.id());
        assertThat(jobs.list(master, null, 100, 10_000)).isEmpty();
        assertThat(jobs.list(master, null, 100, 1)).isEmpty();
        for (int limit : new int[] {0, 101}) {
            PlatformException e = Errors.of(() -> jobs.list(master, null, limit, 0));
            assertThat(e.code()).isEqualTo(ErrorCode.VALIDATION_ERROR);
            assertThat(e.details()).as("limit %d", limit).containsEntry("field", "limit");
        }
        for (int offset : new int[] {-1, 10_001}) {
            PlatformException e = Errors.of(() -> jobs.list(master, null, 10, offset));
            assertThat(e.code()).isEqualTo(ErrorCode.VALIDATION_ERROR);
            assertThat(e.details()).as("offset %d", offset).containsEntry("field", "offset");
        }
    }

    @Test
    void aStoreFaultLeavesTheItemPendingForTheRedeliveryWhichBuysItOnce() {
        f.load("+14155558800", 2);
        Caller master = f.master("MA_bulkfault", "10.00");
        Job job = jobs.submit(master, List.of(purchase("+14155558800")), null);
        JobItemTask task = (JobItemTask) queue.drain().getFirst();
        client.failing = true;

        PlatformException fault = Errors.of(() -> jobs.run(task));

        assertThat(fault.code()).as("ours: the message comes back").isEqualTo(ErrorCode.PURCHASE_FAILED);
        assertThat(item(master, job, 0).status()).isEqualTo(JobItem.PENDING);
        assertThat(jobs.finishIfDone(job.id())).get().extracting(Job::status).isEqualTo(JobStatus.QUEUED);
        assertThat(f.account("MA_bulkfault").balance()).isEqualTo(Money.of("10.00"));

        client.failing = false;
        jobs.run(task);
        assertThat(item(master, job, 0).status()).isEqualTo(JobItem.SUCCEEDED);
        Job done = jobs.finishIfDone(job.id()).orElseThrow();
        assertThat(done.status()).isEqualTo(JobStatus.COMPLETED);
        assertThat(done.succeeded()).isEqualTo(1);
        assertThat(done.completedAt()).isEqualTo(f.clock.instant().truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
        assertThat(f.account("MA_bulkfault").balance()).isEqualTo(Money.of("8.01"));
    }

    @Test
    void operationsThatChangeNothingStillRecordTheirItemsAsSucceeded() {
        f.load("+14155558830", 2);
        Caller master = f.master("MA_bulknoop", "10.00");
        f.sub(master, "SA_bulknoop", "0");
        f.platform.phoneNumbers().purchase(master, "MA_bulknoop", "+14155558830", null);
        f.platform.subAccountPool().assign(master, "SA_bulknoop", "+14155558830");
        Job job = jobs.submit(master, List.of(
                new JobOperation(Action.UPDATE, "+14155558830", null, null, null, null, NumberUpdate.NONE),
                new JobOperation(Action.ASSIGN, "+14155558830", null, null, null, "SA_bulknoop", null)), null);
        runItems(queue.drain());

        assertThat(item(master, job, 0).status()).isEqualTo(JobItem.SUCCEEDED);
        assertThat(item(master, job, 0).number()).isEqualTo("+14155558830");
        assertThat(item(master, job, 1).status()).isEqualTo(JobItem.SUCCEEDED);
        Job done = jobs.finishIfDone(job.id()).orElseThrow();
        assertThat(done.status()).isEqualTo(JobStatus.COMPLETED);
        assertThat(done.succeeded()).isEqualTo(2);
    }

    @Test
    void eachKindOfOperationRecordsItsOwnResult() {
        f.load("+14155558840", 3);
        Caller master = f.master("MA_bulkkinds", "10.00");
        f.sub(master, "SA_bulkkinds", "0");
        f.platform.phoneNumbers().purchase(master, "MA_bulkkinds", "+14155558841", null);
        f.platform.phoneNumbers().purchase(master, "MA_bulkkinds", "+14155558842", null);
        f.platform.subAccountPool().assign(master, "SA_bulkkinds", "+14155558842");
        Job job = jobs.submit(master, List.of(
                purchase("+14155558840"),
                new JobOperation(Action.RELEASE, "+14155558841", null, null, null, null, null),
                new JobOperation(Action.UNASSIGN, "+14155558842", null, null, null, "SA_bulkkinds", null)), null);
        runItems(queue.drain());

        for (int i = 0; i < 3; i++) {
            assertThat(item(master, job, i).status()).as("item %d", i).isEqualTo(JobItem.SUCCEEDED);
        }
        assertThat(jobs.finishIfDone(job.id()).orElseThrow().status()).isEqualTo(JobStatus.COMPLETED);
        assertThat(f.platform.phoneNumbers().get(master, "MA_bulkkinds", "+14155558840").state()).isEqualTo(NumberState.IN_SERVICE);
        assertThat(f.platform.phoneNumbers().get(master, "MA_bulkkinds", "+14155558842").subAccountId()).isNull();
    }

    @Test
    void aPurchaseBySearchThatFindsNothingNamesItsCriteria() {
        Caller master = f.master("MA_bulknone", "10.00");
        Job job = jobs.submit(master, List.of(
                new JobOperation(Action.PURCHASE, null, null, "Nowhere", null, null, null),
                new JobOperation(Action.PURCHASE, null, null, null, "WY", null, null),
                new JobOperation(Action.PURCHASE, null, "307", "Nowhere", "WY", null, null)), null);
        runItems(queue.drain());

        assertThat(item(master, job, 0).errorMessage()).isEqualTo("no available number matches city Nowhere");
        assertThat(item(master, job, 1).errorMessage()).isEqualTo("no available number matches state WY");
        assertThat(item(master, job, 2).errorMessage()).isEqualTo("no available number matches prefix 307, city Nowhere, state WY");
        assertThat(item(master, job, 2).errorCode()).isEqualTo("NUMBER_UNAVAILABLE");
        assertThat(f.account("MA_bulknone").balance()).isEqualTo(Money.of("10.00"));
    }

    @Test
    void messagesForJobsOrItemsThatAreNotThereChangeNothing() {
        f.load("+14155558850", 1);
        Caller master = f.master("MA_bulkgone", "10.00");
        Job job = jobs.submit(master, List.of(purchase("+14155558850")), null);
        queue.drain();

        jobs.run(new JobItemTask("job_0000000000000000", "MA_bulkgone", 0, purchase("+14155558850")));
        jobs.run(new JobItemTask(job.id(), "MA_bulkgone", 1, purchase("+14155558850")));
        jobs.run(new InventoryChunk("job_0000000000000000", 0,
                List.of(new InventoryNumber("+14155558859", "San Francisco", "CA", null, "local", null, null))));
        jobs.giveUp(null, 0, 1, "a message of no job");

        assertThat(f.account("MA_bulkgone").balance()).isEqualTo(Money.of("10.00"));
        assertThat(f.platform.inventory().search(new SearchQuery("+1415555885", null, null, 10))).containsExactly("+14155558850");
        assertThat(item(master, job, 0).status()).isEqualTo(JobItem.PENDING);
        assertThat(jobs.get(master, job.id(), 0, 10).items()).hasSize(1);
    }
}
