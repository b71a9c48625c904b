package com.carrier.numbers.functions.api;

import com.carrier.numbers.NumbersPlatform;
import com.carrier.numbers.functions.Platform;
import com.carrier.numbers.functions.http.ApiHandler;
import com.carrier.numbers.functions.http.ApiRequest;
import com.carrier.numbers.functions.http.Envelope;
import com.carrier.numbers.functions.http.Reply;
import com.carrier.numbers.functions.views.Views;

/** GET /v2/numbers/{number_id} : details of a number by its num_ id. */
public class GetNumberByIdHandler extends ApiHandler {
    public GetNumberByIdHandler() {
        this(Platform.get());
    }

    public GetNumberByIdHandler(NumbersPlatform platform) {
        super(platform, Envelope.PLATFORM);
    }

    @Override
    protected Reply handle(ApiRequest request) {
        var caller = request.caller();
        return Reply.ok(Views.numberDetails(platform.phoneNumbers().getById(caller, request.pathParam("number_id"))));
    }
}
