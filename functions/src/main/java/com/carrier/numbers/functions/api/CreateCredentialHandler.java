package com.carrier.numbers.functions.api;

import com.carrier.numbers.NumbersPlatform;
import com.carrier.numbers.functions.Platform;
import com.carrier.numbers.functions.http.ApiHandler;
import com.carrier.numbers.functions.http.ApiRequest;
import com.carrier.numbers.functions.http.Envelope;
import com.carrier.numbers.functions.http.Reply;
import com.carrier.numbers.domain.IssuedCredential;
import com.carrier.numbers.domain.PlatformException;
import com.carrier.numbers.domain.Role;
import com.carrier.numbers.functions.http.Fields;
import com.carrier.numbers.functions.views.Views;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Set;

/** POST /v2/accounts/{A}/credentials {role?, name?} : a new credential; its token is shown once. */
public class CreateCredentialHandler extends ApiHandler {
    public CreateCredentialHandler() {
        this(Platform.get());
    }

    public CreateCredentialHandler(NumbersPlatform platform) {
        super(platform, Envelope.PLATFORM);
    }

    @Override
    protected Reply handle(ApiRequest request) {
        var caller = request.caller();
        String account = request.accountParam("account_id");
        JsonNode body = request.body();
        Fields.onlyKnown(body, "", Set.of("role", "name"));
        String role = Fields.text(body, "role", "role");
        if (role != null && !role.equals("user") && !role.equals("admin")) {
            throw PlatformException.validation("role", "role must be user or admin");
        }
        IssuedCredential issued = platform.credentials().create(caller, account,
                role == null ? Role.USER : Role.fromWire(role), Fields.text(body, "name", "name"));
        ObjectNode data = Views.credential(issued.credential());
        data.put("token", issued.token());
        return Reply.created(data);
    }
}
