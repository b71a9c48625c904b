package com.carrier.numbers.functions.api;

import com.carrier.numbers.NumbersPlatform;
import com.carrier.numbers.functions.Platform;
import com.carrier.numbers.functions.http.ApiHandler;
import com.carrier.numbers.functions.http.ApiRequest;
import com.carrier.numbers.functions.http.Envelope;
import com.carrier.numbers.functions.http.Reply;
import com.carrier.numbers.domain.Account;
import com.carrier.numbers.domain.Money;
import com.carrier.numbers.functions.http.Fields;
import com.carrier.numbers.functions.http.Json;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Set;

/** POST /v2/accounts/{A}/credits {amount} : an operator tops up a balance (positive, two decimals at most). */
public class AddCreditHandler extends ApiHandler {
    public AddCreditHandler() {
        this(Platform.get());
    }

    public AddCreditHandler(NumbersPlatform platform) {
        super(platform, Envelope.PLATFORM);
    }

    @Override
    protected Reply handle(ApiRequest request) {
        var caller = request.caller();
        String id = request.accountParam("account_id");
        JsonNode body = request.body();
        Fields.onlyKnown(body, "", Set.of("amount"));
        Money amount = Money.of(Fields.decimal(body, "amount", "amount"), "amount"); // Accounts.credit refuses <= 0
        Account account = platform.accounts().credit(caller, id, amount);
        ObjectNode data = Json.object();
        data.put("account_id", account.id());
        data.put("balance", account.balance().toDecimal());
        data.put("currency", account.currency());
        return Reply.ok(data);
    }
}
