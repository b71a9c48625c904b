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
import com.carrier.numbers.port.ProvisioningTask;
import com.carrier.numbers.port.ProvisioningTask.InventoryChunk;
import com.carrier.numbers.port.ProvisioningTask.JobItemTask;
import com.carrier.numbers.port.ProvisioningTask.RenewalDue;
import com.carrier.numbers.testing.PlatformFixture;
import com.carrier.numbers.testing.TaskList;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Bulk jobs on DynamoDB Local, the queued tasks run as the consumer runs them (in order, or twice, or racing). */
class BulkJobsTest {
    private final TaskList queue = new TaskList();
    private final PlatformFixture f = PlatformFixture.withQueue(queue);
    private final BulkJobs jobs = f.platform.bulkJobs();

    private static JobOperation purchase(String number) {
        return new JobOperation(Action.PURCHASE, number, null, null, null, null, null);
    }

    private static JobOperation bySearch(String prefix) {
        return new JobOperation(Action.PURCHASE, null, prefix, null, null, null, null);
    }

    private static JobOperation op(Action action, String number, String sub) {
        return new JobOperation(action, number, null, null, null, sub, null);
    }

    private void runAll(List<ProvisioningTask> tasks) {
        for (ProvisioningTask t : tasks) {
            run(t);
        }
    }

    private void run(ProvisioningTask t) {
        switch (t) {
            case JobItemTask i -> {
                jobs.started(i.jobId());
                jobs.run(i);
                jobs.finishIfDone(i.jobId());
            }
            case InventoryChunk c -> {
                jobs.run(c);
                if (c.jobId() != null) {
                    jobs.finishIfDone(c.jobId());
                }
            }
            case RenewalDue r -> f.platform.renewals().renewQueued(r);
        }
    }

    private Map<Integer, JobItem> results(Caller c, Job job) {
        return jobs.get(c, job.id(), 0, 1000).items().stream().collect(Collectors.toMap(JobItem::index, i -> i));
    }

    @Test
    void aMixedJobRunsEveryItemAsItsSingleOperationAndOneFailureNeverFailsTheOthers() {
        f.load("+14155550100", 10);
        Caller master = f.master("MA_mixed", "100.00");
        f.sub(master, "SA_mixed", "0");
        f.platform.phoneNumbers().purchase(master, "MA_mixed", "+14155550100", null);
        NumberUpdate name = new NumberUpdate("Support", null, null, null, null, null, Set.of());

        Job job = jobs.submit(master, List.of(
                purchase("+14155550101"),
                purchase("+14155550101"),                       // the job's own item took it first
                purchase("+14155559999"),                       // not in inventory
                bySearch("415"),
                op(Action.ASSIGN, "+14155550100", "SA_mixed"),
                new JobOperation(Action.UPDATE, "+14155550101", null, null, null, null, name),
                op(Action.RELEASE, "+12125550000", null)),     // not the account's
                "order-7");
        assertThat(job.status()).isEqualTo(JobStatus.QUEUED);
        assertThat(jobs.get(master, job.id(), 0, 100).items()).extracting(JobItem::status).containsOnly(JobItem.PENDING);
        List<ProvisioningTask> tasks = queue.drain();
        assertThat(tasks).hasSize(7).allSatisfy(t -> assertThat(t.groupId()).isEqualTo("MA_mixed"));
        assertThat(tasks).extracting(ProvisioningTask::deduplicationId).doesNotHaveDuplicates();
        runAll(tasks);

        Map<Integer, JobItem> r = results(master, job);
        assertThat(r.get(0).status()).isEqualTo(JobItem.SUCCEEDED);
        assertThat(r.get(1).errorCode()).isEqualTo("NUMBER_UNAVAILABLE");
        assertThat(r.get(2).errorCode()).isEqualTo("NUMBER_UNAVAILABLE");
        assertThat(r.get(3).status()).isEqualTo(JobItem.SUCCEEDED);
        assertThat(r.get(3).number()).startsWith("+1415555010");
        assertThat(r.get(4).status()).isEqualTo(JobItem.SUCCEEDED);
        assertThat(r.get(5).status()).isEqualTo(JobItem.SUCCEEDED);
        assertThat(r.get(6).errorCode()).isEqualTo("NOT_FOUND");
        assertThat(r.get(6).errorMessage()).isNotBlank();

        Job done = jobs.get(master, job.id(), 0, 1).job();
        assertThat(done.status()).isEqualTo(JobStatus.COMPLETED_WITH_ERRORS);
        assertThat(done.succeeded()).isEqualTo(4);
        assertThat(done.failed()).isEqualTo(3);
        assertThat(done.completedAt()).isNotNull();
        assertThat(done.customerReference()).isEqualTo("order-7");
        assertThat(f.platform.phoneNumbers().get(master, "MA_mixed", "+14155550101").friendlyName()).isEqualTo("Support");
        assertThat(f.platform.phoneNumbers().get(master, "MA_mixed", "+14155550100").subAccountId()).isEqualTo("SA_mixed");
        // three purchases at 1.00 + 0.99
        assertThat(f.account("MA_mixed").balance()).isEqualTo(Money.of("94.03"));
        // audited as the submitter, like the API
        assertThat(f.platform.auditTrail().forNumber(f.admin, "+14155550101").get(1).actorAuthId()).isEqualTo(master.authId());
    }

    @Test
    void theSameMessageDeliveredTwiceChangesNothingAndChargesOnce() {
        f.load("+14155550200", 3);
        Caller master = f.master("MA_twice", "10.00");
        Job job = jobs.submit(master, List.of(purchase("+14155550200"), purchase("+14155550201")), null);
        List<ProvisioningTask> tasks = queue.drain();
        runAll(tasks);
        Money after = f.account("MA_twice").balance();
        Job first = jobs.get(master, job.id(), 0, 10).job();
        runAll(tasks); // redelivered
        assertThat(f.account("MA_twice").balance()).isEqualTo(after).isEqualTo(Money.of("6.02"));
        Job second = jobs.get(master, job.id(), 0, 10).job();
        assertThat(second.succeeded()).isEqualTo(2);
        assertThat(second.failed()).isZero();
        assertThat(second.status()).isEqualTo(JobStatus.COMPLETED);
        assertThat(second.completedAt()).isEqualTo(first.completedAt()); // final status set once
        assertThat(f.platform.accounts().ledger(master, "MA_twice", 100, null).entries()).hasSize(3); // credit + 2 purchases
    }

    @Test
    void aBulkPurchaseStopsCleanlyAtTheBalance() {
        f.load("+14155550300", 10);
        Caller master = f.master("MA_budget", "6.00"); // three numbers at 1.99
        Job job = jobs.submit(master, List.of(new JobOperation(Action.PURCHASE, null, "415555030", null, null, null, null),
                bySearch("415555030"), bySearch("415555030"), bySearch("415555030"), bySearch("415555030")), null);
        runAll(queue.drain());
        Map<Integer, JobItem> r = results(master, job);
        assertThat(r.values()).filteredOn(i -> i.status().equals(JobItem.SUCCEEDED)).hasSize(3);
        assertThat(r.values()).filteredOn(i -> "INSUFFICIENT_CREDIT".equals(i.errorCode())).hasSize(2);
        assertThat(f.account("MA_budget").balance()).isEqualTo(Money.of("0.03"));
        assertThat(jobs.get(master, job.id(), 0, 1).job().status()).isEqualTo(JobStatus.COMPLETED_WITH_ERRORS);
    }

    @Test
    void aQuantityBeyondTheMatchesFailsNumberUnavailable() {
        f.load("+15125550400", 2, "Austin", "TX");
        Caller master = f.master("MA_few", "50.00");
        Job job = jobs.submit(master, List.of(bySearch("512555040"), bySearch("512555040"), bySearch("512555040")), null);
        runAll(queue.drain());
        Map<Integer, JobItem> r = results(master, job);
        assertThat(r.values()).extracting(JobItem::number).filteredOn(n -> n != null).doesNotHaveDuplicates();
        assertThat(r.get(2).errorCode()).isEqualTo("NUMBER_UNAVAILABLE");
    }

    @Test
    void twoJobsCompetingForTheSameNumbersNeverSellOneTwice() throws Exception {
        List<String> numbers = f.load("+14155550500", 20);
        Caller a = f.master("MA_racea", "100.00");
        Caller b = f.master("MA_raceb", "100.00");
        Job ja = jobs.submit(a, numbers.stream().map(BulkJobsTest::purchase).toList(), null);
        List<ProvisioningTask> ta = queue.drain();
        Job jb = jobs.submit(b, numbers.reversed().stream().map(BulkJobsTest::purchase).toList(), null);
        List<ProvisioningTask> tb = queue.drain();
        // two accounts = two message groups: their consumers run side by side
        ExecutorService pool = Executors.newFixedThreadPool(2);
        Future<?> fa = pool.submit(() -> runAll(ta));
        Future<?> fb = pool.submit(() -> runAll(tb));
        fa.get();
        fb.get();
        pool.shutdown();
        Job da = jobs.get(a, ja.id(), 0, 1).job();
        Job db = jobs.get(b, jb.id(), 0, 1).job();
        assertThat(da.succeeded() + db.succeeded()).isEqualTo(20);
        assertThat(da.failed() + db.failed()).isEqualTo(20);
        assertThat(da.status().isFinal()).isTrue();
        assertThat(db.status().isFinal()).isTrue();
        List<String> soldToA = results(a, ja).values().stream().filter(i -> i.status().equals(JobItem.SUCCEEDED)).map(JobItem::number).toList();
        List<String> soldToB = results(b, jb).values().stream().filter(i -> i.status().equals(JobItem.SUCCEEDED)).map(JobItem::number).toList();
        assertThat(soldToA).doesNotContainAnyElementsOf(soldToB);
        assertThat(new java.util.HashSet<>(soldToA) {{ addAll(soldToB); }}).containsExactlyInAnyOrderElementsOf(numbers);
        assertThat(f.account("MA_racea").balance().plus(f.account("MA_raceb").balance())).isEqualTo(Money.of("160.20"));
    }

    @Test
    void otherAccountsJobsAreNotFoundAndTheListIsTheAccountsOwn() {
        f.load("+14155550600", 2);
        Caller mine = f.master("MA_jobsa", "10.00");
        Caller other = f.master("MA_jobsb", "10.00");
        Job job = jobs.submit(mine, List.of(purchase("+14155550600")), null);
        queue.drain();
        assertThat(Errors.code(() -> jobs.get(other, job.id(), 0, 10))).isEqualTo(ErrorCode.NOT_FOUND);
        assertThat(Errors.code(() -> jobs.get(mine, "job_ffff", 0, 10))).isEqualTo(ErrorCode.NOT_FOUND);
        assertThat(jobs.get(f.admin, job.id(), 0, 10).job().id()).isEqualTo(job.id());
        assertThat(jobs.list(mine, null, 10, 0)).extracting(Job::id).containsExactly(job.id());
        assertThat(jobs.list(mine, JobStatus.COMPLETED, 10, 0)).isEmpty();
        assertThat(jobs.list(other, null, 10, 0)).isEmpty();
        assertThat(jobs.count(mine, JobStatus.QUEUED)).isEqualTo(1);
        assertThat(Errors.code(() -> jobs.submit(mine, List.of(), null))).isEqualTo(ErrorCode.VALIDATION_ERROR);
    }

    @Test
    void aSmallInventoryLoadJobAddsTheNewNumbersAndReportsKnownAndRepeatedOnesOnce() {
        // the fast sibling of the 250-number load above (tagged heavy): what PIT runs per mutant
        f.load("+16175551000", 2, "Boston", "MA"); // already in the platform
        List<InventoryNumber> load = new ArrayList<>();
        for (String n : List.of("+16175551000", "+16175551001", "+16175551002", "+16175551003", "+16175551004", "+16175551002")) {
            load.add(new InventoryNumber(n, "Boston", "MA", null, "local", null, null));
        }
        Job job = jobs.submitInventory(f.admin, load);
        assertThat(job.status()).isEqualTo(JobStatus.QUEUED);
        assertThat(job.total()).isEqualTo(6);
        List<ProvisioningTask> chunks = queue.drain();
        assertThat(chunks).singleElement().isInstanceOf(InventoryChunk.class);
        runAll(chunks);
        runAll(chunks); // redelivered: nothing changes

        Job done = jobs.get(f.admin, job.id(), 0, 1).job();
        assertThat(done.succeeded()).isEqualTo(3);
        assertThat(done.failed()).isEqualTo(3);
        assertThat(done.status()).isEqualTo(JobStatus.COMPLETED_WITH_ERRORS);
        Map<Integer, JobItem> r = results(f.admin, job);
        assertThat(r).hasSize(6);
        assertThat(r.get(0).errorCode()).isEqualTo("NUMBER_UNAVAILABLE");
        assertThat(r.get(1).errorCode()).isEqualTo("NUMBER_UNAVAILABLE");
        assertThat(r.get(2).status()).isEqualTo(JobItem.SUCCEEDED);
        assertThat(r.get(3).status()).isEqualTo(JobItem.SUCCEEDED);
        assertThat(r.get(4).status()).isEqualTo(JobItem.SUCCEEDED);
        assertThat(r.get(5).errorCode()).as("the job's own repeat of item 2").isEqualTo("NUMBER_UNAVAILABLE");
        assertThat(f.platform.inventory().search(new SearchQuery("617555100", null, null, 10)))
                .containsExactlyInAnyOrder("+16175551000", "+16175551001", "+16175551002", "+16175551003", "+16175551004");
        assertThat(f.platform.auditTrail().forNumber(f.admin, "+16175551003")).singleElement()
                .satisfies(a -> assertThat(a.actorAuthId()).isEqualTo(f.admin.authId()));

        // refused before anything is queued: not an operator (403), nothing to load (400), a bad number (400)
        Caller user = f.master("MA_smallload", "0");
        assertThat(Errors.code(() -> jobs.submitInventory(user, load))).isEqualTo(ErrorCode.FORBIDDEN);
        assertThat(Errors.code(() -> jobs.submitInventory(f.admin, List.of()))).isEqualTo(ErrorCode.VALIDATION_ERROR);
        assertThat(Errors.code(() -> jobs.submitInventory(f.admin, List.of(new InventoryNumber("12", null, null, null, null, null, null)))))
                .isEqualTo(ErrorCode.VALIDATION_ERROR);
        assertThat(queue.drain()).isEmpty();
    }

    @Test
    void anOperatorsChunkWithoutAJobLoadsItsNumbers() {
        jobs.run(new InventoryChunk(null, 0, List.of(new InventoryNumber("+16175552000", "Boston", "MA", null, "local", null, null))));
        assertThat(f.platform.inventory().search(new SearchQuery("6175552000", null, null, 1))).containsExactly("+16175552000");
    }

    @Test
    @Tag("heavy") // 250 numbers loaded twice: seconds per run, so ./mvnw verify runs it, PIT does not
    void anInventoryLoadJobAddsTheNewNumbersAndReportsTheKnownOnes() {
        f.load("+16175550000", 5, "Boston", "MA"); // already in the platform
        List<InventoryNumber> load = new ArrayList<>();
        for (int i = 0; i < 250; i++) {
            load.add(new InventoryNumber("+1617555" + String.format("%04d", i), "Boston", "MA", null, "local", null, null));
        }
        Job job = jobs.submitInventory(f.admin, load);
        List<ProvisioningTask> chunks = queue.drain();
        assertThat(chunks).hasSize(3);
        assertThat(chunks).extracting(ProvisioningTask::groupId).doesNotHaveDuplicates();
        runAll(chunks);
        runAll(chunks); // redelivered: nothing changes
        Job done = jobs.get(f.admin, job.id(), 0, 1).job();
        assertThat(done.succeeded()).isEqualTo(245);
        assertThat(done.failed()).isEqualTo(5);
        assertThat(done.status()).isEqualTo(JobStatus.COMPLETED_WITH_ERRORS);
        Map<Integer, JobItem> r = results(f.admin, job);
        assertThat(r.get(0).errorCode()).isEqualTo("NUMBER_UNAVAILABLE");
        assertThat(r.get(249).status()).isEqualTo(JobItem.SUCCEEDED);
        assertThat(f.platform.inventory().search(new SearchQuery("6175550249", null, null, 1))).containsExactly("+16175550249");
        assertThat(f.platform.auditTrail().forNumber(f.admin, "+16175550249")).singleElement()
                .satisfies(a -> assertThat(a.actorAuthId()).isEqualTo(f.admin.authId()));
        assertThat(Errors.code(() -> jobs.submitInventory(f.admin, List.of(new InventoryNumber("12", null, null, null, null, null, null)))))
                .isEqualTo(ErrorCode.VALIDATION_ERROR);
        Caller user = f.master("MA_notop", "0");
        assertThat(Errors.code(() -> jobs.submitInventory(user, load))).isEqualTo(ErrorCode.FORBIDDEN);
    }

    @Test
    void aChunkRedeliveredAfterAPartialDeliveryRecordsEachNumberOnceAndAConflictFallsBackToSingleWrites() {
        f.load("+16175551050", 1, "Boston", "MA"); // item 50 of the load is already in the platform
        List<InventoryNumber> load = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            load.add(new InventoryNumber("+1617555" + String.format("%04d", 1000 + i), "Boston", "MA", null, "local", null, null));
        }
        Job job = jobs.submitInventory(f.admin, load);
        List<ProvisioningTask> chunks = queue.drain();
        assertThat(chunks).singleElement();
        // the first delivery stopped after its first transaction (items 0..29), the message came back whole
        run(new InventoryChunk(job.id(), 0, load.subList(0, 30)));
        assertThat(jobs.get(f.admin, job.id(), 0, 1).job().succeeded()).isEqualTo(30);
        runAll(chunks);
        runAll(chunks); // and once more
        Job done = jobs.get(f.admin, job.id(), 0, 1).job();
        assertThat(done.succeeded()).isEqualTo(99);
        assertThat(done.failed()).isEqualTo(1);
        assertThat(done.status()).isEqualTo(JobStatus.COMPLETED_WITH_ERRORS);
        Map<Integer, JobItem> r = results(f.admin, job);
        assertThat(r).hasSize(100);
        assertThat(r.values()).filteredOn(i -> i.status().equals(JobItem.SUCCEEDED)).hasSize(99);
        assertThat(r.get(50).errorCode()).isEqualTo("NUMBER_UNAVAILABLE");
        assertThat(r.get(50).errorMessage()).contains("already in the platform");
        assertThat(r.get(49).status()).isEqualTo(JobItem.SUCCEEDED);
        assertThat(r.get(51).status()).isEqualTo(JobItem.SUCCEEDED);
        // one audit record per loaded number however often its chunk ran; the known number kept its own
        for (String n : List.of("+16175551000", "+16175551029", "+16175551030", "+16175551099")) {
            assertThat(f.platform.auditTrail().forNumber(f.admin, n)).as(n).hasSize(1);
        }
        assertThat(f.platform.auditTrail().forNumber(f.admin, "+16175551050")).hasSize(1);
        assertThat(f.platform.inventory().search(new SearchQuery("617555109", null, null, 100))).hasSize(10);
    }

    @Test
    void quantityPurchasesRacingForTheSameMatchesAllSucceedUntilTheInventoryIsTrulyExhausted() throws Exception {
        List<String> supply = f.load("+13035550000", 60, "Denver", "CO");
        List<Caller> buyers = new ArrayList<>();
        List<Job> racing = new ArrayList<>();
        List<List<ProvisioningTask>> tasks = new ArrayList<>();
        for (int a = 0; a < 4; a++) {
            Caller c = f.master("MA_quantity" + a, "100.00");
            buyers.add(c);
            racing.add(jobs.submit(c, java.util.Collections.nCopies(15, bySearch("3035550")), null));
            tasks.add(queue.drain());
        }
        // four accounts = four message groups, side by side, all after the same 60 numbers
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<?>> running = new ArrayList<>();
        for (List<ProvisioningTask> t : tasks) {
            running.add(pool.submit(() -> runAll(t)));
        }
        for (Future<?> r : running) {
            r.get();
        }
        pool.shutdown();
        List<String> sold = new ArrayList<>();
        for (int a = 0; a < 4; a++) {
            Job j = jobs.get(buyers.get(a), racing.get(a).id(), 0, 1).job();
            assertThat(j.failed()).as("items of job %d lost to competing buyers", a).isZero();
            assertThat(j.status()).isEqualTo(JobStatus.COMPLETED);
            results(buyers.get(a), racing.get(a)).values().forEach(i -> sold.add(i.number()));
        }
        assertThat(sold).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(supply);
        // none left: the next quantity purchase is refused exactly, naming its criteria
        Caller late = f.master("MA_quantitylate", "100.00");
        Job none = jobs.submit(late, List.of(bySearch("3035550")), null);
        runAll(queue.drain());
        JobItem refused = results(late, none).get(0);
        assertThat(refused.errorCode()).isEqualTo("NUMBER_UNAVAILABLE");
        assertThat(refused.errorMessage()).isEqualTo("no available number matches prefix 3035550");
        assertThat(f.account("MA_quantitylate").balance()).isEqualTo(Money.of("100.00"));
    }

    @Test
    void aPoisonMessageOnItsLastReceiveLeavesItsItemFailedAndTheJobFinishes() {
        f.load("+14155550700", 2);
        Caller master = f.master("MA_poison", "10.00");
        Job job = jobs.submit(master, List.of(purchase("+14155550700"), purchase("+14155550701")), null);
        List<ProvisioningTask> tasks = queue.drain();
        run(tasks.get(0));
        jobs.giveUp(job.id(), 1, 1, "boom");
        jobs.finishIfDone(job.id());
        Job done = jobs.get(master, job.id(), 0, 10).job();
        assertThat(done.status()).isEqualTo(JobStatus.COMPLETED_WITH_ERRORS);
        assertThat(results(master, job).get(1).errorCode()).isEqualTo("INTERNAL_ERROR");
        run(tasks.get(1)); // a late redelivery: the item already has its result
        assertThat(f.platform.phoneNumbers().get(f.admin, "MA_poison", "+14155550700").state()).isEqualTo(NumberState.IN_SERVICE);
        assertThat(Errors.code(() -> f.platform.phoneNumbers().get(f.admin, "MA_poison", "+14155550701"))).isEqualTo(ErrorCode.NOT_FOUND);
    }

    @Test
    void theHourlyRenewalQueuesWhatIsDueAndTheConsumerChargesItOnce() {
        f.load("+13125550800", 3, "Chicago", "IL");
        Caller payer = f.master("MA_renq", "30.00");
        f.platform.phoneNumbers().purchase(payer, "MA_renq", "+13125550800", null);
        f.platform.phoneNumbers().purchase(payer, "MA_renq", "+13125550801", null);
        assertThat(f.platform.renewals().enqueueDue()).isZero();
        f.clock.advance(Duration.ofDays(31));
        assertThat(f.platform.renewals().enqueueDue()).isEqualTo(2);
        List<ProvisioningTask> due = queue.drain();
        assertThat(due).allSatisfy(t -> assertThat(t.groupId()).isEqualTo("MA_renq"));
        Money before = f.account("MA_renq").balance();
        runAll(due);
        runAll(due); // twice: the second finds them no longer due
        assertThat(f.account("MA_renq").balance()).isEqualTo(before.minus(Money.of("1.98")));
        assertThat(f.platform.renewals().enqueueDue()).isZero();
    }
}
