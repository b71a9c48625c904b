package com.carrier.numbers.functions.api;

import com.carrier.numbers.NumbersPlatform;
import com.carrier.numbers.functions.Platform;
import com.carrier.numbers.functions.http.ApiHandler;
import com.carrier.numbers.functions.http.ApiRequest;
import com.carrier.numbers.functions.http.Envelope;
import com.carrier.numbers.functions.http.Reply;
import com.carrier.numbers.functions.views.Views;

/** DELETE /v2/numbers/{number_id} : unrent (release) a number by id; charges stop at once. */
public class UnrentNumberHandler extends ApiHandler {
    public UnrentNumberHandler() {
        this(Platform.get());
    }

    public UnrentNumberHandler(NumbersPlatform platform) {
        super(platform, Envelope.PLATFORM);
    }

    @Override
    protected Reply handle(ApiRequest request) {
        var caller = request.caller();
        return Reply.ok(Views.numberDetails(platform.phoneNumbers().releaseById(caller, request.pathParam("number_id"))));
    }
}
