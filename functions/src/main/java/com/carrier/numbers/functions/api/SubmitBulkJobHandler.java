package com.carrier.numbers.functions.api;

import com.carrier.numbers.NumbersPlatform;
import com.carrier.numbers.domain.Account;
import com.carrier.numbers.domain.Caller;
import com.carrier.numbers.domain.E164;
import com.carrier.numbers.domain.JobOperation;
import com.carrier.numbers.domain.JobOperation.Action;
import com.carrier.numbers.domain.NumberUpdate;
import com.carrier.numbers.domain.PlatformException;
import com.carrier.numbers.functions.Platform;
import com.carrier.numbers.functions.http.ApiHandler;
import com.carrier.numbers.functions.http.ApiRequest;
import com.carrier.numbers.functions.http.Envelope;
import com.carrier.numbers.functions.http.Fields;
import com.carrier.numbers.functions.http.NumberUpdateJson;
import com.carrier.numbers.functions.http.Reply;
import com.carrier.numbers.functions.views.JobViews;
import com.carrier.numbers.service.BulkJobs;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * POST /v2/numbers/bulk {operations, customer_reference?} : up to 1,000 operations (a quantity
 * purchase counts as that many) queued as a job for the caller's account; 202 with the job.
 * Every operation is validated before anything is queued; honours Idempotency-Key.
 */
public class SubmitBulkJobHandler extends ApiHandler {
    /** 1,000 operations with update fields fit well within this; API Gateway HTTP APIs take up to 10 MB. */
    static final int MAX_BODY = 1024 * 1024;
    private static final Set<String> UPDATE_FIELDS = Set.of("friendly_name", "cnam", "e911", "used_by", "assigned_to", "prepend");

    public SubmitBulkJobHandler() {
        this(Platform.get());
    }

    public SubmitBulkJobHandler(NumbersPlatform platform) {
        super(platform, Envelope.PLATFORM);
    }

    @Override
    protected int maxBodyBytes() {
        return MAX_BODY;
    }

    @Override
    protected Reply handle(ApiRequest request) {
        Caller caller = request.caller();
        JsonNode body = request.body();
        Fields.onlyKnown(body, "", Set.of("operations", "customer_reference"));
        String reference = Fields.text(body, "customer_reference", "customer_reference");
        if (reference != null && (reference.isBlank() || reference.length() > 255)) {
            throw PlatformException.validation("customer_reference", "customer_reference is 1 to 255 characters");
        }
        List<JobOperation> operations = operations(body.get("operations"));
        return idempotent(request, caller, "bulk", () -> Reply.accepted(
                JobViews.submitted(platform.bulkJobs().submit(caller, operations, reference))));
    }

    static List<JobOperation> operations(JsonNode list) {
        if (list == null || !list.isArray() || list.isEmpty()) {
            throw PlatformException.validation("operations", "operations must be a non-empty list");
        }
        List<JobOperation> out = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            String at = "operations[" + i + "]";
            JsonNode op = list.get(i);
            if (!op.isObject()) {
                throw PlatformException.validation(at, at + " must be a JSON object");
            }
            String actionText = Fields.requiredText(op, "action", at + ".action");
            Action action;
            try {
                action = Action.fromWire(actionText);
            } catch (IllegalArgumentException e) {
                throw PlatformException.validation(at + ".action", at + ".action must be purchase, release, assign, unassign or update");
            }
            switch (action) {
                case PURCHASE -> purchase(op, at, out);
                case RELEASE -> {
                    Fields.onlyKnown(op, at, Set.of("action", "number"));
                    out.add(new JobOperation(action, number(op, at), null, null, null, null, null));
                }
                case ASSIGN, UNASSIGN -> {
                    Fields.onlyKnown(op, at, Set.of("action", "number", "sub_account_id"));
                    String sub = Fields.requiredText(op, "sub_account_id", at + ".sub_account_id");
                    if (!sub.startsWith("SA_") || !Account.ID.matcher(sub).matches()) {
                        throw PlatformException.validation(at + ".sub_account_id", at + ".sub_account_id must be SA_<id>");
                    }
                    out.add(new JobOperation(action, number(op, at), null, null, null, sub, null));
                }
                case UPDATE -> {
                    Set<String> known = new HashSet<>(UPDATE_FIELDS);
                    known.add("action");
                    known.add("number");
                    Fields.onlyKnown(op, at, known);
                    JsonNode fields = op.deepCopy();
                    ((com.fasterxml.jackson.databind.node.ObjectNode) fields).remove(List.of("action", "number"));
                    NumberUpdate update = NumberUpdateJson.parse(fields, UPDATE_FIELDS);
                    if (update.isEmpty()) {
                        throw PlatformException.validation(at, at + " changes nothing: give at least one of " + UPDATE_FIELDS);
                    }
                    out.add(new JobOperation(action, number(op, at), null, null, null, null, update));
                }
            }
            if (out.size() > BulkJobs.MAX_OPERATIONS) {
                throw PlatformException.validation("operations", "a job has at most " + BulkJobs.MAX_OPERATIONS
                        + " operations (a quantity counts as that many)");
            }
        }
        return out;
    }

    private static void purchase(JsonNode op, String at, List<JobOperation> out) {
        Fields.onlyKnown(op, at, Set.of("action", "number", "prefix", "city", "state", "quantity", "friendly_name"));
        String friendly = Fields.text(op, "friendly_name", at + ".friendly_name");
        NumberUpdate options = friendly == null ? null : new NumberUpdate(friendly, null, null, null, null, null, Set.of());
        if (op.has("number")) {
            if (op.has("prefix") || op.has("city") || op.has("state") || op.has("quantity")) {
                throw PlatformException.validation(at, at + " names a number or a search (prefix, city, state, quantity), not both");
            }
            out.add(new JobOperation(Action.PURCHASE, number(op, at), null, null, null, null, options));
            return;
        }
        String prefix = Fields.text(op, "prefix", at + ".prefix");
        String city = Fields.text(op, "city", at + ".city");
        String state = Fields.text(op, "state", at + ".state");
        if (prefix == null && city == null && state == null) {
            throw PlatformException.validation(at + ".number", at + " needs a number, or a prefix, city or state with a quantity");
        }
        if (prefix != null && !prefix.matches("\\+?[0-9]{3,15}")) {
            throw PlatformException.validation(at + ".prefix", at + ".prefix is an area code or longer, e.g. 415");
        }
        if (state != null && !state.matches("[A-Za-z]{2}")) {
            throw PlatformException.validation(at + ".state", at + ".state must be a two-letter code such as CA");
        }
        Integer quantity = Fields.integer(op, "quantity", at + ".quantity", 1, BulkJobs.MAX_OPERATIONS);
        int n = quantity == null ? 1 : quantity;
        for (int k = 0; k < n && out.size() <= BulkJobs.MAX_OPERATIONS; k++) {
            out.add(new JobOperation(Action.PURCHASE, null, prefix, city, state, null, options));
        }
    }

    private static String number(JsonNode op, String at) {
        return E164.parse(Fields.requiredText(op, "number", at + ".number"), at + ".number");
    }
}
