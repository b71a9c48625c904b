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

/** PATCH /v2/ports/{port_id} : correct a failed port's fields and resubmit it. */
public class CorrectPortHandler extends ApiHandler {
    public CorrectPortHandler() {
        this(Platform.get());
    }

    public CorrectPortHandler(NumbersPlatform platform) {
        super(platform, Envelope.PLATFORM);
    }

    @Override
    protected Reply handle(ApiRequest request) {
        Caller caller = request.caller();
        var changes = PortJson.correction(request.body());
        return Reply.ok(PortViews.port(platform.ports().correct(caller, request.pathParam("port_id"), changes)));
    }
}
