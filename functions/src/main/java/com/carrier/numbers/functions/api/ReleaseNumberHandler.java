package com.carrier.numbers.functions.api;

import com.carrier.numbers.NumbersPlatform;
import com.carrier.numbers.functions.Platform;
import com.carrier.numbers.functions.http.ApiHandler;
import com.carrier.numbers.functions.http.ApiRequest;
import com.carrier.numbers.functions.http.Envelope;
import com.carrier.numbers.functions.http.Reply;
import com.carrier.numbers.functions.views.Views;

/** DELETE /v2/accounts/{A}/phone_numbers/{N} : release; the number ages before it returns to inventory. */
public class ReleaseNumberHandler extends ApiHandler {
    public ReleaseNumberHandler() {
        this(Platform.get());
    }

    public ReleaseNumberHandler(NumbersPlatform platform) {
        super(platform, Envelope.CROSSBAR);
    }

    @Override
    protected Reply handle(ApiRequest request) {
        var caller = request.caller();
        return Reply.ok(Views.crossbarNumber(platform.phoneNumbers().release(caller,
                request.accountParam("account_id"), request.numberParam("number"))));
    }
}
