package com.carrier.numbers.functions.api;

import com.carrier.numbers.NumbersPlatform;
import com.carrier.numbers.domain.Caller;
import com.carrier.numbers.functions.Platform;
import com.carrier.numbers.functions.http.ApiHandler;
import com.carrier.numbers.functions.http.ApiRequest;
import com.carrier.numbers.functions.http.Envelope;
import com.carrier.numbers.functions.http.Json;
import com.carrier.numbers.functions.http.PortJson;
import com.carrier.numbers.functions.http.Reply;
import com.carrier.numbers.functions.views.PortViews;

/** POST /v2/ports : a port-in request for the caller's account (seed 003 body); honours Idempotency-Key. */
public class CreatePortHandler extends ApiHandler {
    public CreatePortHandler() {
        this(Platform.get());
    }

    public CreatePortHandler(NumbersPlatform platform) {
        super(platform, Envelope.PLATFORM);
    }

    @Override
    protected Reply handle(ApiRequest request) {
        Caller caller = request.caller();
        var port = PortJson.create(request.body());
        return idempotent(request, caller, "port", () -> Reply.created(PortViews.created(platform.ports().create(caller, port))));
    }
}
