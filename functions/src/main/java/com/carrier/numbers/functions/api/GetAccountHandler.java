package com.carrier.numbers.functions.api;

import com.carrier.numbers.NumbersPlatform;
import com.carrier.numbers.functions.Platform;
import com.carrier.numbers.functions.http.ApiHandler;
import com.carrier.numbers.functions.http.ApiRequest;
import com.carrier.numbers.functions.http.Envelope;
import com.carrier.numbers.functions.http.Reply;
import com.carrier.numbers.functions.views.Views;

/** GET /v2/accounts/{A} : the account, with its balance. */
public class GetAccountHandler extends ApiHandler {
    public GetAccountHandler() {
        this(Platform.get());
    }

    public GetAccountHandler(NumbersPlatform platform) {
        super(platform, Envelope.PLATFORM);
    }

    @Override
    protected Reply handle(ApiRequest request) {
        var caller = request.caller();
        return Reply.ok(Views.account(platform.accounts().get(caller, request.accountParam("account_id"))));
    }
}
