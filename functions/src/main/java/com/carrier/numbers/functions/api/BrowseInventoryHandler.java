package com.carrier.numbers.functions.api;

import com.carrier.numbers.NumbersPlatform;
import com.carrier.numbers.functions.Platform;
import com.carrier.numbers.functions.http.ApiHandler;
import com.carrier.numbers.functions.http.ApiRequest;
import com.carrier.numbers.functions.http.Envelope;
import com.carrier.numbers.functions.http.Priming;
import com.carrier.numbers.functions.http.Reply;
import com.carrier.numbers.functions.http.Json;
import com.carrier.numbers.functions.views.Views;
import com.carrier.numbers.service.SearchQuery;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** GET /v2/numbers/inventory?prefix=&city=&state=&limit= : purchasable numbers with the fees a purchase debits. */
public class BrowseInventoryHandler extends ApiHandler {
    public BrowseInventoryHandler() {
        this(Platform.get());
    }

    public BrowseInventoryHandler(NumbersPlatform platform) {
        super(platform, Envelope.PLATFORM, Priming.Read.INVENTORY);
    }

    @Override
    protected Reply handle(ApiRequest request) {
        request.caller();
        int limit = request.queryInt("limit", 20, 1, 100);
        SearchQuery query = new SearchQuery(request.query("prefix"), request.query("city"), request.query("state"), limit);
        ObjectNode data = Json.object();
        ArrayNode numbers = data.putArray("numbers");
        platform.inventory().browse(query).forEach(n -> numbers.add(Views.inventory(n)));
        data.put("limit", limit);
        return Reply.ok(data);
    }
}
