package com.carrier.numbers.port;

import com.carrier.numbers.domain.PhoneNumber;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/** Where numbers live. Every change goes through {@link #apply}, one atomic transaction. */
public interface NumberStore {

    /** The number as stored now (strongly consistent read), if it exists. */
    Optional<PhoneNumber> find(String number);

    /** The number a {@code num_...} id belongs to. */
    Optional<String> numberForId(String id);

    /**
     * Applies {@code loads} (each a LOAD write, which creates the number) side by side; a number
     * already known is skipped. Returns how many were added.
     */
    int addToInventory(List<NumberWrite> loads);

    /**
     * Like {@link #addToInventory}, answering which numbers this call added (a number already
     * known, or whose job item already has a result, is not among them). Writes many numbers per
     * request, each conditioned on not existing.
     */
    java.util.Set<String> addAllToInventory(List<NumberWrite> loads);

    /**
     * Writes a change of a number with everything that must move with it, all or nothing.
     *
     * @throws ConditionFailed   the number or an account changed since it was read (re-read and decide again)
     * @throws StoreUnavailable  the store kept refusing (e.g. TransactionConflict after retries)
     */
    void apply(NumberWrite write);

    /**
     * Purchasable numbers (available or reserved) matching {@code criterion}, in number order from a
     * start point, wrapping around to the lowest, until {@code quantity} have passed {@code accept}.
     * The start lies {@code startFraction} (0 to 1) of the way between the lowest and highest
     * matching number, so random fractions spread searches over the matches. Reads O(quantity)
     * items from a sparse index.
     */
    List<PhoneNumber> purchasable(InventoryCriterion criterion, double startFraction, int quantity, Predicate<PhoneNumber> accept);

    /** Numbers owned by {@code accountId}, in number order after {@code afterNumber} (null: from the first). */
    List<PhoneNumber> ownedBy(String accountId, String afterNumber, int limit);

    /** Numbers assigned to sub-account {@code accountId}, in number order after {@code afterNumber}. */
    List<PhoneNumber> assignedTo(String accountId, String afterNumber, int limit);

    /** Numbers whose monthly charge is due at {@code now} (in service, not suspended). */
    List<String> dueForRenewal(Instant now, int limit);

    /**
     * Numbers waiting on a workflow of {@code kind} whose wait ended at or before {@code dueBy}, oldest
     * first (at most {@code limit}). Reads a sparse index that only such numbers carry.
     */
    List<DueWork> due(DueWork.Kind kind, Instant dueBy, int limit);

    /** Every number whose monthly charge is due at {@code now}, with its owner, page by page (the hourly run queues them). */
    void scanDueForRenewal(Instant now, java.util.function.Consumer<ProvisioningTask.RenewalDue> each);
}
