package com.carrier.numbers.functions.api;

import com.carrier.numbers.NumbersPlatform;
import com.carrier.numbers.functions.Platform;
import com.carrier.numbers.functions.http.ApiHandler;
import com.carrier.numbers.functions.http.ApiRequest;
import com.carrier.numbers.functions.http.Envelope;
import com.carrier.numbers.functions.http.Reply;
import com.carrier.numbers.functions.http.Json;

/** DELETE /v2/accounts/{A}/credentials/{auth_id} : revoke; the token stops working within a minute (authorizer cache). */
public class RevokeCredentialHandler extends ApiHandler {
    public RevokeCredentialHandler() {
        this(Platform.get());
    }

    public RevokeCredentialHandler(NumbersPlatform platform) {
        super(platform, Envelope.PLATFORM);
    }

    @Override
    protected Reply handle(ApiRequest request) {
        var caller = request.caller();
        String authId = request.pathParam("auth_id");
        platform.credentials().revoke(caller, request.accountParam("account_id"), authId);
        return Reply.ok(Json.object().put("auth_id", authId).put("revoked", true));
    }
}
