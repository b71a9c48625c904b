package com.carrier.numbers.functions.api;

import com.carrier.numbers.NumbersPlatform;
import com.carrier.numbers.functions.Platform;
import com.carrier.numbers.functions.http.ApiHandler;
import com.carrier.numbers.functions.http.ApiRequest;
import com.carrier.numbers.functions.http.Envelope;
import com.carrier.numbers.functions.http.Reply;
import com.carrier.numbers.functions.http.Fields;
import com.carrier.numbers.functions.views.Views;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.Set;

/** PUT /v2/accounts/{A}/phone_numbers/{N}/reserve : hold an available number for A (body {"data": {"hold_minutes": 1-1440}}, default 15). */
public class ReserveNumberHandler extends ApiHandler {
    public ReserveNumberHandler() {
        this(Platform.get());
    }

    public ReserveNumberHandler(NumbersPlatform platform) {
        super(platform, Envelope.CROSSBAR);
    }

    @Override
    protected Reply handle(ApiRequest request) {
        var caller = request.caller();
        String account = request.accountParam("account_id");
        String number = request.numberParam("number");
        JsonNode data = request.crossbarData();
        Fields.onlyKnown(data, "data", Set.of("hold_minutes"));
        Integer minutes = Fields.integer(data, "hold_minutes", "hold_minutes", 1, 1440);
        Duration hold = minutes == null ? null : Duration.ofMinutes(minutes);
        return Reply.ok(Views.crossbarNumber(platform.phoneNumbers().reserve(caller, account, number, hold)));
    }
}
