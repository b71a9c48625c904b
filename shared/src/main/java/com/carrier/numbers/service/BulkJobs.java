package com.carrier.numbers.service;

import com.carrier.numbers.domain.Caller;
import com.carrier.numbers.domain.ErrorCode;
import com.carrier.numbers.domain.InventoryNumber;
import com.carrier.numbers.domain.Job;
import com.carrier.numbers.domain.JobItem;
import com.carrier.numbers.domain.JobOperation;
import com.carrier.numbers.domain.JobStatus;
import com.carrier.numbers.domain.PhoneNumber;
import com.carrier.numbers.domain.PlatformException;
import com.carrier.numbers.port.JobItemMark;
import com.carrier.numbers.port.JobStore;
import com.carrier.numbers.port.ProvisioningQueue;
import com.carrier.numbers.port.ProvisioningTask.InventoryChunk;
import com.carrier.numbers.port.ProvisioningTask.JobItemTask;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Bulk provisioning: a customer's operations (or an operator's load) become a job whose items
 * go through the FIFO provisioning queue; the consumer runs each item as the single operation
 * would, as the job's submitter, and records its result. One failed item never fails the others.
 *
 * <p>Per item, exactly once: the item's result is written in the same transaction as its effect
 * (conditioned on the item still being pending), so a redelivered message finds it done and
 * changes nothing; an item refused by the rules records its failure the same conditional way.
 */
public class BulkJobs {
    public static final int MAX_OPERATIONS = 1000;
    public static final int MAX_LOAD = 10_000;
    /** Numbers the first search offers (usually the first of them is bought); later rounds ask for more. */
    private static final int FIRST_CANDIDATES = 10;
    /** Numbers a later search offers a purchase by search (the search's maximum). */
    private static final int SEARCH_CANDIDATES = 100;
    /** Searches a purchase by search makes before it gives the item back to the queue to try again. */
    private static final int SEARCH_ROUNDS = 20;

    /** A job with a page of its item results. */
    public record JobView(Job job, List<JobItem> items, Integer nextIndex) {
    }

    private final JobStore jobs;
    private final ProvisioningQueue queue;
    private final PhoneNumbers phoneNumbers;
    private final SubAccountPool pool;
    private final Inventory inventory;
    private final Scope scope;
    private final Clock clock;

    public BulkJobs(JobStore jobs, ProvisioningQueue queue, PhoneNumbers phoneNumbers, SubAccountPool pool, Inventory inventory,
                    Scope scope, Clock clock) {
        this.jobs = jobs;
        this.queue = queue;
        this.phoneNumbers = phoneNumbers;
        this.pool = pool;
        this.inventory = inventory;
        this.scope = scope;
        this.clock = clock;
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.SECONDS);
    }

    /**
     * Queues a customer's operations (already validated one by one) for the caller's account: a
     * quantity purchase has become that many items. 1 to {@value #MAX_OPERATIONS} items.
     */
    public Job submit(Caller caller, List<JobOperation> operations, String customerReference) {
        if (operations.isEmpty() || operations.size() > MAX_OPERATIONS) {
            throw PlatformException.validation("operations", "a job has 1 to " + MAX_OPERATIONS + " operations (a quantity counts as that many)");
        }
        scope.require(caller, caller.accountId());
        Job job = new Job(Ids.next("job_"), caller.accountId(), caller.authId(), caller.role(), Job.BULK, JobStatus.QUEUED,
                operations.size(), 0, 0, customerReference, now(), null);
        List<JobItem> items = new ArrayList<>(operations.size());
        List<JobItemTask> tasks = new ArrayList<>(operations.size());
        for (int i = 0; i < operations.size(); i++) {
            JobOperation op = operations.get(i);
            items.add(new JobItem(job.id(), i, op.action().wire(), op.number(), JobItem.PENDING, null, null));
            tasks.add(new JobItemTask(job.id(), job.accountId(), i, op));
        }
        jobs.create(job, items);
        queue.enqueue(tasks);
        return job;
    }

    /** Queues an operator's load of 1 to {@value #MAX_LOAD} numbers, in chunks of {@value InventoryChunk#MAX}. */
    public Job submitInventory(Caller operator, List<InventoryNumber> numbers) {
        if (numbers.isEmpty() || numbers.size() > MAX_LOAD) {
            throw PlatformException.validation("numbers", "a load has 1 to " + MAX_LOAD + " numbers");
        }
        inventory.validate(operator, numbers);
        Job job = new Job(Ids.next("job_"), operator.accountId(), operator.authId(), operator.role(), Job.INVENTORY,
                JobStatus.QUEUED, numbers.size(), 0, 0, null, now(), null);
        List<JobItem> items = new ArrayList<>(numbers.size());
        for (int i = 0; i < numbers.size(); i++) {
            items.add(new JobItem(job.id(), i, "load", com.carrier.numbers.domain.E164.parse(numbers.get(i).number(), "number"),
                    JobItem.PENDING, null, null));
        }
        List<InventoryChunk> chunks = new ArrayList<>();
        for (int from = 0; from < numbers.size(); from += InventoryChunk.MAX) {
            chunks.add(new InventoryChunk(job.id(), from, List.copyOf(numbers.subList(from, Math.min(numbers.size(), from + InventoryChunk.MAX)))));
        }
        jobs.create(job, items);
        queue.enqueue(chunks);
        return job;
    }

    /** A job the caller may see, with up to {@code limit} item results from {@code fromIndex}; others' jobs are 404. */
    public JobView get(Caller caller, String jobId, int fromIndex, int limit) {
        Job job = visible(caller, jobId);
        List<JobItem> items = jobs.items(jobId, fromIndex, limit);
        int next = fromIndex + items.size();
        return new JobView(job, items, items.size() == limit && next < job.total() ? next : null);
    }

    private Job visible(Caller caller, String jobId) {
        if (jobId == null || !jobId.matches("job_[0-9a-f]{1,64}")) {
            throw PlatformException.notFound("job " + jobId);
        }
        return jobs.find(jobId).filter(j -> scope.allows(caller, j.accountId()))
                .orElseThrow(() -> PlatformException.notFound("job " + jobId));
    }

    /** The caller's account's jobs, newest first. */
    public List<Job> list(Caller caller, JobStatus status, int limit, int offset) {
        if (limit < 1 || limit > 100) {
            throw PlatformException.validation("limit", "limit must be an integer from 1 to 100");
        }
        if (offset < 0 || offset > 10_000) {
            throw PlatformException.validation("offset", "offset must be an integer from 0 to 10000");
        }
        return jobs.byAccount(caller.accountId(), status, offset, limit);
    }

    public long count(Caller caller, JobStatus status) {
        return jobs.countByAccount(caller.accountId(), status);
    }

    /** Marks jobs running as the consumer takes their first items (a no-op for jobs already past queued). */
    public void started(String jobId) {
        jobs.markRunning(jobId);
    }

    /** Sets the job's final status once every item has its result. */
    public Optional<Job> finishIfDone(String jobId) {
        return jobs.finishIfDone(jobId, now());
    }

    /**
     * Runs one item as its single operation would, for the job's submitter. A refusal by the rules
     * is the item's result (failed, with the operation's code); a fault of ours is thrown, so the
     * message comes back and is tried again.
     */
    public void run(JobItemTask task) {
        Optional<Job> found = jobs.find(task.jobId());
        Optional<JobItem> item = jobs.item(task.jobId(), task.index());
        if (found.isEmpty() || item.isEmpty()) {
            return; // not ours (or expired): nothing to do, nothing to retry
        }
        if (!item.get().pending()) {
            return; // an earlier delivery finished it: a redelivery changes nothing
        }
        Caller caller = found.get().caller();
        JobOperation op = task.operation();
        try {
            execute(caller, task.jobId(), task.index(), op);
        } catch (PlatformException refused) {
            if (refused.code() == ErrorCode.PURCHASE_FAILED || refused.code() == ErrorCode.INTERNAL_ERROR) {
                throw refused; // ours, not the customer's: try again (the DLQ takes it after the configured receives)
            }
            jobs.complete(task.jobId(), task.index(), op.number(), false, refused.code().wire(), refused.getMessage());
        }
    }

    private void execute(Caller caller, String jobId, int index, JobOperation op) {
        String account = caller.accountId();
        JobItemMark mark = new JobItemMark(jobId, index, op.number());
        PhoneNumber result = switch (op.action()) {
            case PURCHASE -> op.bySearch()
                    ? purchaseBySearch(caller, jobId, index, op)
                    : phoneNumbers.purchase(caller, account, op.number(), op.update(), mark);
            case RELEASE -> phoneNumbers.release(caller, account, op.number(), mark);
            case UPDATE -> phoneNumbers.update(caller, account, op.number(), op.update(), mark);
            case ASSIGN -> pool.assign(caller, op.subAccountId(), op.number(), mark);
            case UNASSIGN -> pool.unassign(caller, op.subAccountId(), op.number(), false, null, mark);
        };
        // An operation that changed nothing (assign to where it already is, an empty update) wrote no
        // transaction to carry its result: record it now (a no-op if the transaction already did).
        jobs.complete(jobId, index, result.number(), true, null, null);
    }

    /**
     * Takes one matching number. Competing buyers may take the candidates a search offered first:
     * each lost candidate is struck off and the search asked again, until a purchase succeeds or the
     * search offers nothing new, which means the inventory truly has no match left
     * (NUMBER_UNAVAILABLE). A number someone else took is no longer available, so a fresh search
     * leaves it out: every round tries new numbers, and the rounds end.
     */
    private PhoneNumber purchaseBySearch(Caller caller, String jobId, int index, JobOperation op) {
        Set<String> tried = new HashSet<>();
        for (int round = 0; round < SEARCH_ROUNDS; round++) {
            List<String> candidates = inventory.search(new SearchQuery(op.prefix(), op.city(), op.state(),
                            round == 0 ? FIRST_CANDIDATES : SEARCH_CANDIDATES))
                    .stream().filter(n -> !tried.contains(n)).toList();
            if (candidates.isEmpty()) {
                throw new PlatformException(ErrorCode.NUMBER_UNAVAILABLE, "no available number matches " + describe(op), java.util.Map.of());
            }
            for (String pick : candidates) {
                tried.add(pick);
                try {
                    return phoneNumbers.purchase(caller, caller.accountId(), pick, op.update(), new JobItemMark(jobId, index, pick));
                } catch (PlatformException e) {
                    if (e.code() != ErrorCode.NUMBER_UNAVAILABLE) {
                        throw e; // e.g. INSUFFICIENT_CREDIT, INVALID_REGION: the item's result
                    }
                }
            }
        }
        // Matches keep appearing and being taken by others faster than this item can buy one: ours to retry, not a refusal.
        throw new PlatformException(ErrorCode.PURCHASE_FAILED, "could not win any of " + tried.size() + " numbers matching "
                + describe(op) + " from competing buyers; try again", java.util.Map.of());
    }

    private static String describe(JobOperation op) {
        List<String> parts = new ArrayList<>();
        if (op.prefix() != null) parts.add("prefix " + op.prefix());
        if (op.city() != null) parts.add("city " + op.city());
        if (op.state() != null) parts.add("state " + op.state());
        return String.join(", ", parts);
    }

    /**
     * One chunk of an operator's load: the numbers in, each item's result recorded with it. The
     * chunk's items are not read first: each number's transaction is conditioned on its job item
     * still being pending, so on a redelivery the items an earlier delivery finished refuse their
     * write (the chunk falls back to one write per number) and their recorded result stands, since
     * {@link JobStore#complete} changes only pending items. A first delivery, the usual case, saves
     * reading its 100 items.
     */
    public void run(InventoryChunk chunk) {
        if (chunk.jobId() == null) {
            // put straight on the queue by an operator: no job to report to
            inventory.load(Caller.SYSTEM, chunk.numbers());
            return;
        }
        Optional<Job> found = jobs.find(chunk.jobId());
        if (found.isEmpty()) {
            return;
        }
        Caller operator = found.get().caller();
        for (Inventory.LoadResult r : inventory.loadForJob(operator, chunk.jobId(), chunk.firstIndex(), chunk.numbers())) {
            if (r.refusal() != null) {
                jobs.complete(chunk.jobId(), r.index(), r.number(), false, r.refusal().code().wire(), r.refusal().getMessage());
            }
        }
    }

    /**
     * The message's last receive before the DLQ: its item(s) are recorded failed, so the job
     * still completes and shows what happened (the message itself stays in the DLQ for operators).
     */
    public void giveUp(String jobId, int firstIndex, int count, String reason) {
        if (jobId == null) {
            return;
        }
        for (JobItem i : jobs.items(jobId, firstIndex, count)) {
            if (i.pending()) {
                jobs.complete(jobId, i.index(), i.number(), false, ErrorCode.INTERNAL_ERROR.wire(),
                        "this item could not be processed and was moved to the dead-letter queue: " + reason);
            }
        }
    }

}
