package com.carrier.numbers.functions.api;

import com.carrier.numbers.NumbersPlatform;
import com.carrier.numbers.functions.Platform;
import com.carrier.numbers.functions.http.ApiHandler;
import com.carrier.numbers.functions.http.ApiRequest;
import com.carrier.numbers.functions.http.Envelope;
import com.carrier.numbers.functions.http.Reply;
import com.carrier.numbers.domain.NumberUpdate;
import com.carrier.numbers.domain.PlatformException;
import com.carrier.numbers.functions.http.NumberUpdateJson;
import com.carrier.numbers.functions.views.Views;

/** POST /v2/accounts/{A}/phone_numbers/{N} : merge cnam, e911, used_by / assigned_to, prepend, friendly_name; answers the whole number. */
public class UpdateNumberHandler extends ApiHandler {
    public UpdateNumberHandler() {
        this(Platform.get());
    }

    public UpdateNumberHandler(NumbersPlatform platform) {
        super(platform, Envelope.CROSSBAR);
    }

    @Override
    protected Reply handle(ApiRequest request) {
        var caller = request.caller();
        String account = request.accountParam("account_id");
        String number = request.numberParam("number");
        if (!request.body().has("data")) {
            throw PlatformException.validation("data", "body must be {\"data\": {...}} with the fields to change");
        }
        NumberUpdate update = NumberUpdateJson.parse(request.crossbarData(), NumberUpdate.FIELDS);
        return Reply.ok(Views.crossbarNumber(platform.phoneNumbers().update(caller, account, number, update)));
    }
}
