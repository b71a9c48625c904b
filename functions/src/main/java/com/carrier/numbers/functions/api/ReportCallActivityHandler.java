package com.carrier.numbers.functions.api;

import com.carrier.numbers.NumbersPlatform;
import com.carrier.numbers.functions.Platform;
import com.carrier.numbers.functions.http.ApiHandler;
import com.carrier.numbers.functions.http.ApiRequest;
import com.carrier.numbers.functions.http.Envelope;
import com.carrier.numbers.functions.http.Priming;
import com.carrier.numbers.functions.http.Reply;
import com.carrier.numbers.domain.E164;
import com.carrier.numbers.domain.PlatformException;
import com.carrier.numbers.functions.http.Fields;
import com.carrier.numbers.functions.http.Json;
import com.carrier.numbers.functions.views.Views;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Set;

/** POST /v2/admin/call-activity {number, at} : the switch reports a call (admin credential); feeds the cool-off. */
public class ReportCallActivityHandler extends ApiHandler {
    public ReportCallActivityHandler() {
        this(Platform.get());
    }

    public ReportCallActivityHandler(NumbersPlatform platform) {
        super(platform, Envelope.PLATFORM, Priming.Read.NONE);
    }

    @Override
    protected Reply handle(ApiRequest request) {
        var caller = request.caller();
        if (!caller.isAdmin()) {
            throw PlatformException.forbidden("call activity is reported by the switch with an admin credential");
        }
        JsonNode body = request.body();
        Fields.onlyKnown(body, "", Set.of("number", "at"));
        String number = E164.parse(Fields.requiredText(body, "number", "number"), "number");
        String at = Fields.text(body, "at", "at");
        Instant when;
        try {
            when = at == null ? Instant.now() : Instant.parse(at);
        } catch (DateTimeParseException e) {
            throw PlatformException.validation("at", "at must be an ISO-8601 UTC timestamp such as 2024-01-15T10:30:00Z");
        }
        platform.callActivity().record(number, when);
        return Reply.accepted(Json.object().put("number", number).put("at", Views.iso(when)));
    }
}
