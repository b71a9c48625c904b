package com.carrier.numbers.functions.api;

import com.carrier.numbers.NumbersPlatform;
import com.carrier.numbers.domain.Caller;
import com.carrier.numbers.domain.InventoryNumber;
import com.carrier.numbers.domain.PlatformException;
import com.carrier.numbers.functions.Platform;
import com.carrier.numbers.functions.http.ApiHandler;
import com.carrier.numbers.functions.http.ApiRequest;
import com.carrier.numbers.functions.http.Envelope;
import com.carrier.numbers.functions.http.Priming;
import com.carrier.numbers.functions.http.Fields;
import com.carrier.numbers.functions.http.Reply;
import com.carrier.numbers.functions.views.JobViews;
import com.carrier.numbers.service.BulkJobs;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * POST /v2/admin/inventory {numbers: [{number, city, state, type}]} : an operator loads up to
 * 10,000 numbers (priced by the rate table by type) as a job; 202 with the job.
 */
public class LoadInventoryHandler extends ApiHandler {
    /** 10,000 entries of about 90 bytes each. */
    static final int MAX_BODY = 2 * 1024 * 1024;

    public LoadInventoryHandler() {
        this(Platform.get());
    }

    public LoadInventoryHandler(NumbersPlatform platform) {
        super(platform, Envelope.PLATFORM, Priming.Read.NONE); // its role reads no accounts (jobs only)
    }

    @Override
    protected int maxBodyBytes() {
        return MAX_BODY;
    }

    @Override
    protected Reply handle(ApiRequest request) {
        Caller caller = request.caller();
        if (!caller.isAdmin()) {
            throw PlatformException.forbidden("only platform operators load inventory");
        }
        JsonNode body = request.body();
        Fields.onlyKnown(body, "", Set.of("numbers"));
        JsonNode list = body.get("numbers");
        if (list == null || !list.isArray() || list.isEmpty() || list.size() > BulkJobs.MAX_LOAD) {
            throw PlatformException.validation("numbers", "numbers must be a list of 1 to " + BulkJobs.MAX_LOAD + " entries");
        }
        List<InventoryNumber> numbers = new ArrayList<>(list.size());
        for (int i = 0; i < list.size(); i++) {
            String at = "numbers[" + i + "]";
            JsonNode n = list.get(i);
            if (!n.isObject()) {
                throw PlatformException.validation(at, at + " must be a JSON object");
            }
            Fields.onlyKnown(n, at, Set.of("number", "city", "state", "type"));
            String type = Fields.text(n, "type", at + ".type");
            if (type != null && !type.equals("local") && !type.equals("toll_free")) {
                throw PlatformException.validation(at + ".type", at + ".type must be local or toll_free");
            }
            String state = Fields.text(n, "state", at + ".state");
            if (state != null && !state.matches("[A-Za-z]{2}")) {
                throw PlatformException.validation(at + ".state", at + ".state must be a two-letter code such as CA");
            }
            numbers.add(new InventoryNumber(Fields.requiredText(n, "number", at + ".number"), Fields.text(n, "city", at + ".city"),
                    state, null, type, null, null));
        }
        return Reply.accepted(JobViews.submitted(platform.bulkJobs().submitInventory(caller, numbers)));
    }
}
