package com.carrier.numbers.functions.api;

import com.carrier.numbers.NumbersPlatform;
import com.carrier.numbers.functions.Platform;
import com.carrier.numbers.functions.http.ApiHandler;
import com.carrier.numbers.functions.http.ApiRequest;
import com.carrier.numbers.functions.http.Envelope;
import com.carrier.numbers.functions.http.Priming;
import com.carrier.numbers.functions.http.Reply;
import com.carrier.numbers.functions.http.Json;
import com.carrier.numbers.service.SearchQuery;
import com.fasterxml.jackson.databind.node.ArrayNode;

/** GET /v2/phone_numbers?prefix=&city=&state=&quantity= : available numbers, as E.164 strings. */
public class SearchNumbersHandler extends ApiHandler {
    public SearchNumbersHandler() {
        this(Platform.get());
    }

    public SearchNumbersHandler(NumbersPlatform platform) {
        super(platform, Envelope.CROSSBAR, Priming.Read.INVENTORY);
    }

    @Override
    protected Reply handle(ApiRequest request) {
        request.caller();
        int quantity = request.queryInt("quantity", 10, 1, 100);
        SearchQuery query = new SearchQuery(request.query("prefix"), request.query("city"), request.query("state"), quantity);
        ArrayNode data = Json.array();
        platform.inventory().search(query).forEach(data::add);
        return Reply.ok(data);
    }
}
