package com.carrier.numbers.functions.api;

import com.carrier.numbers.NumbersPlatform;
import com.carrier.numbers.adapter.metrics.Metrics;
import com.carrier.numbers.functions.Platform;
import com.carrier.numbers.functions.http.ApiHandler;
import com.carrier.numbers.functions.http.ApiRequest;
import com.carrier.numbers.functions.http.Envelope;
import com.carrier.numbers.functions.http.Reply;
import com.carrier.numbers.domain.Caller;
import com.carrier.numbers.domain.E164;
import com.carrier.numbers.domain.NumberUpdate;
import com.carrier.numbers.functions.http.Fields;
import com.carrier.numbers.functions.views.Views;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Set;

/** POST /v2/numbers/purchase {number, friendly_name} : buy for the caller's account; honours Idempotency-Key. */
public class PurchaseFromInventoryHandler extends ApiHandler {
    public PurchaseFromInventoryHandler() {
        this(Platform.get());
    }

    public PurchaseFromInventoryHandler(NumbersPlatform platform) {
        super(platform, Envelope.PLATFORM);
    }

    @Override
    protected Reply handle(ApiRequest request) {
        Caller caller = request.caller();
        JsonNode body = request.body();
        Fields.onlyKnown(body, "", Set.of("number", "friendly_name"));
        String number = E164.parse(Fields.requiredText(body, "number", "number"), "number");
        String friendlyName = Fields.text(body, "friendly_name", "friendly_name");
        NumberUpdate options = new NumberUpdate(friendlyName, null, null, null, null, null, Set.of());
        return idempotent(request, caller, "purchase", () -> Reply.created(
                Views.purchase(counted(Metrics.PURCHASES, platform.phoneNumbers().purchase(caller, caller.accountId(), number, options)))));
    }
}
