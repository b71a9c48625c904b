package com.carrier.numbers.functions.api;

import com.carrier.numbers.NumbersPlatform;
import com.carrier.numbers.functions.Platform;
import com.carrier.numbers.functions.http.ApiHandler;
import com.carrier.numbers.functions.http.ApiRequest;
import com.carrier.numbers.functions.http.Envelope;
import com.carrier.numbers.functions.http.Reply;
import com.carrier.numbers.domain.Caller;
import com.carrier.numbers.domain.PhoneNumber;
import com.carrier.numbers.domain.PlatformException;
import com.carrier.numbers.functions.http.Json;
import com.carrier.numbers.functions.views.Views;
import com.carrier.numbers.service.NumberPage;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** GET /v2/accounts/{A}/phone_numbers : the account's numbers as a map keyed by number; paginate=false, or page_size + start_key. */
public class ListAccountNumbersHandler extends ApiHandler {
    public ListAccountNumbersHandler() {
        this(Platform.get());
    }

    public ListAccountNumbersHandler(NumbersPlatform platform) {
        super(platform, Envelope.CROSSBAR);
    }

    /** paginate=false answers everything up to this many numbers, else asks the client to paginate. */
    static final int UNPAGINATED_MAX = 5000;

    @Override
    protected Reply handle(ApiRequest request) {
        Caller caller = request.caller();
        String account = request.accountParam("account_id");
        boolean withSubs = request.queryFlag("include_subaccounts");
        String paginate = request.query("paginate");
        if (paginate != null && !paginate.equals("true") && !paginate.equals("false")) {
            throw PlatformException.validation("paginate", "paginate must be true or false");
        }
        if ("false".equals(paginate)) {
            if (request.query("page_size") != null || request.query("start_key") != null) {
                throw PlatformException.validation("paginate", "paginate=false cannot be combined with page_size or start_key");
            }
            return Reply.ok(byNumber(platform.phoneNumbers().listAll(caller, account, withSubs, UNPAGINATED_MAX)));
        }
        int pageSize = request.queryInt("page_size", 50, 1, 100);
        NumberPage page = platform.phoneNumbers().list(caller, account, withSubs, pageSize, request.query("start_key"));
        Map<String, JsonNode> extra = new LinkedHashMap<>();
        extra.put("page_size", IntNode.valueOf(page.numbers().size()));
        if (page.nextStartKey() != null) {
            extra.put("next_start_key", TextNode.valueOf(page.nextStartKey()));
        }
        return Reply.ok(byNumber(page.numbers()), extra);
    }

    private static ObjectNode byNumber(List<PhoneNumber> numbers) {
        ObjectNode data = Json.object();
        numbers.forEach(n -> data.set(n.number(), Views.crossbarListEntry(n)));
        return data;
    }
}
