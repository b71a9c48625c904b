package com.carrier.numbers.functions.api;

import com.carrier.numbers.NumbersPlatform;
import com.carrier.numbers.functions.Platform;
import com.carrier.numbers.functions.http.ApiHandler;
import com.carrier.numbers.functions.http.ApiRequest;
import com.carrier.numbers.functions.http.Envelope;
import com.carrier.numbers.functions.http.Reply;
import com.carrier.numbers.functions.http.Json;
import com.carrier.numbers.functions.views.Views;
import com.carrier.numbers.service.LedgerPage;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** GET /v2/accounts/{A}/ledger?limit=&start_key= : charges and credits, newest first. */
public class GetLedgerHandler extends ApiHandler {
    public GetLedgerHandler() {
        this(Platform.get());
    }

    public GetLedgerHandler(NumbersPlatform platform) {
        super(platform, Envelope.PLATFORM);
    }

    @Override
    protected Reply handle(ApiRequest request) {
        var caller = request.caller();
        String id = request.accountParam("account_id");
        int limit = request.queryInt("limit", 20, 1, 100);
        LedgerPage page = platform.accounts().ledger(caller, id, limit, request.query("start_key"));
        ObjectNode data = Json.object();
        ArrayNode entries = data.putArray("entries");
        page.entries().forEach(e -> entries.add(Views.ledgerEntry(e)));
        data.put("limit", limit);
        if (page.nextStartKey() != null) {
            data.put("next_start_key", page.nextStartKey());
        }
        return Reply.ok(data);
    }
}
