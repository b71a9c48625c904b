package com.carrier.numbers.functions.api;

import com.carrier.numbers.NumbersPlatform;
import com.carrier.numbers.functions.Platform;
import com.carrier.numbers.functions.http.ApiHandler;
import com.carrier.numbers.functions.http.ApiRequest;
import com.carrier.numbers.functions.http.Envelope;
import com.carrier.numbers.functions.http.Reply;
import com.carrier.numbers.functions.views.Views;

/** GET /v2/accounts/{A}/phone_numbers/{N} : the number's details. */
public class GetNumberHandler extends ApiHandler {
    public GetNumberHandler() {
        this(Platform.get());
    }

    public GetNumberHandler(NumbersPlatform platform) {
        super(platform, Envelope.CROSSBAR);
    }

    @Override
    protected Reply handle(ApiRequest request) {
        var caller = request.caller();
        return Reply.ok(Views.crossbarNumber(platform.phoneNumbers().get(caller,
                request.accountParam("account_id"), request.numberParam("number"))));
    }
}
