package com.carrier.numbers.adapter.dynamodb;

import com.carrier.numbers.adapter.metrics.Metrics;
import com.carrier.numbers.port.ConditionFailed;
import com.carrier.numbers.port.StoreUnavailable;
import java.security.SecureRandom;
import java.util.List;
import java.util.function.IntPredicate;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * Runs TransactWriteItems. On AWS, concurrent transactions on one item cancel each other with
 * {@code TransactionConflict}, which the SDK does not retry (DynamoDB Local never raises it): it is
 * retried here with jittered exponential backoff. A failed condition is not retried: the caller
 * re-reads and decides again ({@link ConditionFailed}).
 */
final class Transactions {
    // Restore-safe (SnapStart): a ThreadLocalRandom captured in the snapshot would give every restored
    // environment the same sequence, so their concurrent retries would wait alike and collide again.
    private static final SecureRandom JITTER = new SecureRandom();
    static final int ATTEMPTS = 5;
    private static final long BASE_BACKOFF_MS = 20;

    private final DynamoDbClient dynamo;

    Transactions(DynamoDbClient dynamo) {
        this.dynamo = dynamo;
    }

    /**
     * @param isAccountItem tells which item indexes are account updates, to say whether a balance refused
     */
    void write(List<TransactWriteItem> items, IntPredicate isAccountItem) {
        TransactionCanceledException last = null;
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            try {
                dynamo.transactWriteItems(b -> b.transactItems(items));
                return;
            } catch (TransactionCanceledException e) {
                last = e;
                List<CancellationReason> reasons = e.hasCancellationReasons() ? e.cancellationReasons() : List.of();
                boolean accountRefused = false;
                boolean conditionFailed = false;
                for (int i = 0; i < reasons.size(); i++) {
                    if ("ConditionalCheckFailed".equals(reasons.get(i).code())) {
                        conditionFailed = true;
                        accountRefused |= isAccountItem.test(i);
                    }
                }
                if (conditionFailed) {
                    throw new ConditionFailed(e.getMessage(), accountRefused);
                }
                if (reasons.stream().noneMatch(r -> "TransactionConflict".equals(r.code()))) {
                    throw new StoreUnavailable("transaction cancelled: " + e.getMessage(), e);
                }
                if (attempt + 1 < ATTEMPTS) {
                    Metrics.count(Metrics.TRANSACTION_CONFLICT_RETRIES);
                    backoff(attempt);
                }
            } catch (software.amazon.awssdk.services.dynamodb.model.InternalServerErrorException e) {
                // DynamoDB Local's form of a conflict: a transaction that waited too long for another's lock
                if (e.getMessage() == null || !e.getMessage().contains("waiting for a lock")) {
                    throw new StoreUnavailable("transaction failed: " + e.getMessage(), e);
                }
                if (attempt + 1 < ATTEMPTS) {
                    backoff(attempt);
                }
            } catch (SdkException e) {
                // throttling or a network fault the SDK's own retries did not cure
                throw new StoreUnavailable("transaction failed: " + e.getMessage(), e);
            }
        }
        throw new StoreUnavailable("transaction conflicted " + ATTEMPTS + " times", last);
    }

    /** Full jitter: a random pause up to base * 2^attempt. */
    static void backoff(int attempt) {
        long cap = BASE_BACKOFF_MS << Math.min(attempt, 6);
        try {
            Thread.sleep(JITTER.nextLong(1, cap + 1));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreUnavailable("interrupted", e);
        }
    }
}
