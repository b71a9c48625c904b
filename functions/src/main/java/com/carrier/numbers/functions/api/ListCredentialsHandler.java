package com.carrier.numbers.functions.api;

import com.carrier.numbers.NumbersPlatform;
import com.carrier.numbers.functions.Platform;
import com.carrier.numbers.functions.http.ApiHandler;
import com.carrier.numbers.functions.http.ApiRequest;
import com.carrier.numbers.functions.http.Envelope;
import com.carrier.numbers.functions.http.Reply;
import com.carrier.numbers.functions.http.Json;
import com.carrier.numbers.functions.views.Views;
import com.fasterxml.jackson.databind.node.ArrayNode;

/** GET /v2/accounts/{A}/credentials : the account's credentials, without secrets. */
public class ListCredentialsHandler extends ApiHandler {
    public ListCredentialsHandler() {
        this(Platform.get());
    }

    public ListCredentialsHandler(NumbersPlatform platform) {
        super(platform, Envelope.PLATFORM);
    }

    @Override
    protected Reply handle(ApiRequest request) {
        var caller = request.caller();
        ArrayNode data = Json.array();
        platform.credentials().list(caller, request.accountParam("account_id")).forEach(c -> data.add(Views.credential(c)));
        return Reply.ok(data);
    }
}
