package com.carrier.numbers.functions.api;

import com.carrier.numbers.NumbersPlatform;
import com.carrier.numbers.functions.Platform;
import com.carrier.numbers.functions.http.ApiHandler;
import com.carrier.numbers.functions.http.ApiRequest;
import com.carrier.numbers.functions.http.Envelope;
import com.carrier.numbers.functions.http.Reply;
import com.carrier.numbers.domain.E164;
import com.carrier.numbers.functions.http.Fields;
import com.carrier.numbers.functions.views.Views;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Set;

/** POST /v2/subaccounts/{S}/numbers {number} : a master hands a DID from its pool to sub-account S. */
public class AssignToSubAccountHandler extends ApiHandler {
    public AssignToSubAccountHandler() {
        this(Platform.get());
    }

    public AssignToSubAccountHandler(NumbersPlatform platform) {
        super(platform, Envelope.PLATFORM);
    }

    @Override
    protected Reply handle(ApiRequest request) {
        var caller = request.caller();
        String sub = request.accountParam("sub_account_id");
        JsonNode body = request.body();
        Fields.onlyKnown(body, "", Set.of("number"));
        String number = E164.parse(Fields.requiredText(body, "number", "number"), "number");
        return Reply.ok(Views.numberDetails(platform.subAccountPool().assign(caller, sub, number)));
    }
}
