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

/** GET /v2/ports/{port_id} : the port, its numbers, messages and timeline (other accounts' ports are 404). */
public class GetPortHandler extends ApiHandler {
    public GetPortHandler() {
        this(Platform.get());
    }

    public GetPortHandler(NumbersPlatform platform) {
        super(platform, Envelope.PLATFORM);
    }

    @Override
    protected Reply handle(ApiRequest request) {
        Caller caller = request.caller();
        return Reply.ok(PortViews.port(platform.ports().get(caller, request.pathParam("port_id"))));
    }
}
