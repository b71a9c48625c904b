package com.carrier.numbers.functions.api;

import com.carrier.numbers.NumbersPlatform;
import com.carrier.numbers.functions.Platform;
import com.carrier.numbers.functions.http.ApiHandler;
import com.carrier.numbers.functions.http.ApiRequest;
import com.carrier.numbers.functions.http.Envelope;
import com.carrier.numbers.functions.http.Priming;
import com.carrier.numbers.functions.http.Reply;
import com.carrier.numbers.domain.E164;
import com.carrier.numbers.functions.http.Json;
import com.carrier.numbers.functions.views.Views;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** GET /v2/admin/audit?number= : a number's audit trail, oldest first (admin). */
public class GetAuditTrailHandler extends ApiHandler {
    public GetAuditTrailHandler() {
        this(Platform.get());
    }

    public GetAuditTrailHandler(NumbersPlatform platform) {
        super(platform, Envelope.PLATFORM, Priming.Read.NONE);
    }

    @Override
    protected Reply handle(ApiRequest request) {
        var caller = request.caller();
        String number = E164.parse(request.query("number"), "number");
        ObjectNode data = Json.object();
        data.put("number", number);
        ArrayNode records = data.putArray("records");
        platform.auditTrail().forNumber(caller, number).forEach(r -> records.add(Views.audit(r)));
        return Reply.ok(data);
    }
}
