package com.carrier.numbers.functions.api;

import com.carrier.numbers.NumbersPlatform;
import com.carrier.numbers.functions.Platform;
import com.carrier.numbers.functions.http.ApiHandler;
import com.carrier.numbers.functions.http.ApiRequest;
import com.carrier.numbers.functions.http.Envelope;
import com.carrier.numbers.functions.http.Reply;
import com.carrier.numbers.functions.http.Fields;
import com.carrier.numbers.functions.views.Views;
import com.carrier.numbers.service.CreatedAccount;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Set;

/** PUT /v2/accounts/{A} {name, parent_id?, allowed_regions?} : create a master (admin) or sub-account; answers its first credential once. */
public class CreateAccountHandler extends ApiHandler {
    public CreateAccountHandler() {
        this(Platform.get());
    }

    public CreateAccountHandler(NumbersPlatform platform) {
        super(platform, Envelope.PLATFORM);
    }

    @Override
    protected Reply handle(ApiRequest request) {
        var caller = request.caller();
        String id = request.accountParam("account_id");
        JsonNode body = request.body();
        Fields.onlyKnown(body, "", Set.of("name", "parent_id", "allowed_regions"));
        CreatedAccount created = platform.accounts().create(caller, id,
                Fields.requiredText(body, "name", "name"),
                Fields.text(body, "parent_id", "parent_id"),
                Fields.textList(body, "allowed_regions", "allowed_regions"));
        ObjectNode data = Views.account(created.account());
        data.put("auth_id", created.credential().credential().authId());
        data.put("token", created.credential().token());
        return Reply.created(data);
    }
}
