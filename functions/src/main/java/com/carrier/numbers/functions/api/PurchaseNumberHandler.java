package com.carrier.numbers.functions.api;

import com.carrier.numbers.NumbersPlatform;
import com.carrier.numbers.adapter.metrics.Metrics;
import com.carrier.numbers.functions.Platform;
import com.carrier.numbers.functions.http.ApiHandler;
import com.carrier.numbers.functions.http.ApiRequest;
import com.carrier.numbers.functions.http.Envelope;
import com.carrier.numbers.functions.http.Reply;
import com.carrier.numbers.domain.Caller;
import com.carrier.numbers.domain.NumberUpdate;
import com.carrier.numbers.functions.http.NumberUpdateJson;
import com.carrier.numbers.functions.views.Views;

/** PUT /v2/accounts/{A}/phone_numbers/{N} : buy N for account A (body {"data": {optional configuration}}); honours Idempotency-Key. */
public class PurchaseNumberHandler extends ApiHandler {
    public PurchaseNumberHandler() {
        this(Platform.get());
    }

    public PurchaseNumberHandler(NumbersPlatform platform) {
        super(platform, Envelope.CROSSBAR);
    }

    @Override
    protected Reply handle(ApiRequest request) {
        Caller caller = request.caller();
        String account = request.accountParam("account_id");
        String number = request.numberParam("number");
        NumberUpdate options = NumberUpdateJson.parse(request.crossbarData(), NumberUpdate.FIELDS);
        return idempotent(request, caller, "purchase", () -> Reply.created(
                Views.crossbarNumber(counted(Metrics.PURCHASES, platform.phoneNumbers().purchase(caller, account, number, options)))));
    }
}
