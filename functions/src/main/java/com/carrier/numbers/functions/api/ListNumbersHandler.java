package com.carrier.numbers.functions.api;

import com.carrier.numbers.NumbersPlatform;
import com.carrier.numbers.functions.Platform;
import com.carrier.numbers.functions.http.ApiHandler;
import com.carrier.numbers.functions.http.ApiRequest;
import com.carrier.numbers.functions.http.Envelope;
import com.carrier.numbers.functions.http.Reply;
import com.carrier.numbers.domain.PlatformException;
import com.carrier.numbers.functions.http.Json;
import com.carrier.numbers.functions.views.Views;
import com.carrier.numbers.service.OffsetPage;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Set;

/** GET /v2/numbers?limit=&offset=&status=&include_subaccounts= : numbers the account owns or has been assigned. */
public class ListNumbersHandler extends ApiHandler {
    public ListNumbersHandler() {
        this(Platform.get());
    }

    public ListNumbersHandler(NumbersPlatform platform) {
        super(platform, Envelope.PLATFORM);
    }

    static final Set<String> STATUSES = Set.of("active", "suspended", "porting");

    @Override
    protected Reply handle(ApiRequest request) {
        var caller = request.caller();
        int limit = request.queryInt("limit", 20, 1, 100);
        int offset = request.queryInt("offset", 0, 0, 10_000);
        String status = request.query("status");
        if (status != null && !STATUSES.contains(status)) {
            throw PlatformException.validation("status", "status must be one of " + STATUSES);
        }
        OffsetPage page = platform.phoneNumbers().listOwned(caller, limit, offset, status, request.queryFlag("include_subaccounts"));
        ObjectNode data = Json.object();
        ArrayNode numbers = data.putArray("numbers");
        page.numbers().forEach(n -> numbers.add(Views.listedNumber(n)));
        data.put("total", page.total());
        data.put("limit", page.limit());
        data.put("offset", page.offset());
        if (page.nextKey() != null) {
            data.put("next_key", page.nextKey());
        }
        return Reply.ok(data);
    }
}
