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

/** DELETE /v2/ports/{port_id} : cancel while pending or authorized and more than 48 hours before the FOC. */
public class CancelPortHandler extends ApiHandler {
    public CancelPortHandler() {
        this(Platform.get());
    }

    public CancelPortHandler(NumbersPlatform platform) {
        super(platform, Envelope.PLATFORM);
    }

    @Override
    protected Reply handle(ApiRequest request) {
        Caller caller = request.caller();
        return Reply.ok(PortViews.port(platform.ports().cancel(caller, request.pathParam("port_id"))));
    }
}
