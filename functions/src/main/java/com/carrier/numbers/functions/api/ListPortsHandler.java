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

/** GET /v2/ports?status=&limit=&offset= : the account's ports (and its sub-accounts' for a master), newest first. */
public class ListPortsHandler extends ApiHandler {
    public ListPortsHandler() {
        this(Platform.get());
    }

    public ListPortsHandler(NumbersPlatform platform) {
        super(platform, Envelope.PLATFORM);
    }

    @Override
    protected Reply handle(ApiRequest request) {
        Caller caller = request.caller();
        int limit = request.queryInt("limit", 20, 1, 100);
        int offset = request.queryInt("offset", 0, 0, 10_000);
        var page = platform.ports().list(caller, request.query("status"), limit, offset);
        var data = Json.object();
        var list = data.putArray("ports");
        page.ports().forEach(p -> list.add(PortViews.port(p)));
        data.put("total", page.total());
        data.put("limit", limit);
        data.put("offset", offset);
        return Reply.ok(data);
    }
}
