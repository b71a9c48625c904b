package com.carrier.numbers.adapter.dynamodb;

import static com.carrier.numbers.adapter.dynamodb.Attrs.*;

import com.carrier.numbers.domain.Job;
import com.carrier.numbers.domain.JobItem;
import com.carrier.numbers.domain.JobStatus;
import com.carrier.numbers.domain.Role;
import java.util.HashMap;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Update;

/**
 * The one mapping of jobs to the Jobs table: the header under sort key {@code #}, item results
 * under {@code i000000}... (zero-padded, so they sort by index). Only headers carry
 * {@code account_id}, so the ByAccount index lists jobs without their items.
 */
final class JobItems {
    static final String PK = "job_id";
    static final String SK = "item";
    static final String HEADER = "#";

    private JobItems() {
    }

    static String itemKey(int index) {
        return String.format("i%06d", index);
    }

    static Map<String, AttributeValue> key(String jobId, String sk) {
        return Map.of(PK, s(jobId), SK, s(sk));
    }

    static Map<String, AttributeValue> header(Job j) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put(PK, s(j.id()));
        item.put(SK, s(HEADER));
        item.put("account_id", s(j.accountId()));
        put(item, "auth_id", j.authId());
        item.put("role", s(j.role().wire()));
        item.put("kind", s(j.kind()));
        item.put("status", s(j.status().wire()));
        item.put("total", n(j.total()));
        item.put("succeeded", n(j.succeeded()));
        item.put("failed", n(j.failed()));
        put(item, "customer_reference", j.customerReference());
        put(item, "created_at", j.createdAt());
        put(item, "completed_at", j.completedAt());
        item.put("list_key", s(time(j.createdAt()) + "#" + j.id()));
        return item;
    }

    static Job jobFrom(Map<String, AttributeValue> item) {
        return new Job(str(item, PK), str(item, "account_id"), str(item, "auth_id"), Role.fromWire(str(item, "role")),
                str(item, "kind"), JobStatus.fromWire(str(item, "status")), (int) num(item, "total", 0),
                (int) num(item, "succeeded", 0), (int) num(item, "failed", 0), str(item, "customer_reference"),
                instant(item, "created_at"), instant(item, "completed_at"));
    }

    static Map<String, AttributeValue> row(JobItem r) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put(PK, s(r.jobId()));
        item.put(SK, s(itemKey(r.index())));
        item.put("idx", n(r.index()));
        item.put("action", s(r.action()));
        put(item, "number", r.number());
        item.put("status", s(r.status()));
        put(item, "error_code", r.errorCode());
        put(item, "error_message", r.errorMessage());
        return item;
    }

    static JobItem rowFrom(Map<String, AttributeValue> item) {
        return new JobItem(str(item, PK), (int) num(item, "idx", -1), str(item, "action"), str(item, "number"),
                str(item, "status"), str(item, "error_code"), str(item, "error_message"));
    }

    /** The transaction element that records item {@code index}'s result, conditioned on it still being pending. */
    static Update result(String table, String jobId, int index, String number, boolean succeeded, String code, String message) {
        Map<String, String> names = new HashMap<>(Map.of("#s", "status"));
        Map<String, AttributeValue> values = new HashMap<>(Map.of(":p", s(JobItem.PENDING),
                ":r", s(succeeded ? JobItem.SUCCEEDED : JobItem.FAILED)));
        StringBuilder set = new StringBuilder("SET #s = :r");
        if (number != null) {
            names.put("#n", "number");
            values.put(":n", s(number));
            set.append(", #n = :n");
        }
        if (code != null) {
            names.put("#c", "error_code");
            names.put("#m", "error_message");
            values.put(":c", s(code));
            values.put(":m", s(message == null || message.isEmpty() ? code : message));
            set.append(", #c = :c, #m = :m");
        }
        return Update.builder().tableName(table).key(key(jobId, itemKey(index)))
                .updateExpression(set.toString()).conditionExpression("#s = :p")
                .expressionAttributeNames(names).expressionAttributeValues(values).build();
    }

    /** The transaction element that counts {@code succeeded} and {@code failed} more results on the job's header. */
    static Update counters(String table, String jobId, int succeeded, int failed) {
        return Update.builder().tableName(table).key(key(jobId, HEADER))
                .updateExpression("ADD succeeded :s, failed :f")
                .conditionExpression("attribute_exists(job_id)")
                .expressionAttributeValues(Map.of(":s", n(succeeded), ":f", n(failed))).build();
    }
}
