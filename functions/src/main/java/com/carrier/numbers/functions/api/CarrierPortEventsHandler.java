package com.carrier.numbers.functions.api;

import com.carrier.numbers.NumbersPlatform;
import com.carrier.numbers.adapter.carrier.CarrierEventJson;
import com.carrier.numbers.domain.CallbackSignature;
import com.carrier.numbers.domain.CarrierEvent;
import com.carrier.numbers.functions.Platform;
import com.carrier.numbers.functions.http.ApiHandler;
import com.carrier.numbers.functions.http.ApiRequest;
import com.carrier.numbers.functions.http.Envelope;
import com.carrier.numbers.functions.http.Json;
import com.carrier.numbers.functions.http.Priming;
import com.carrier.numbers.functions.http.Reply;
import com.carrier.numbers.service.Ports;
import java.time.Clock;

/**
 * POST /v2/carrier/ports/{port_id}/events : the losing carrier's decisions and completion. No
 * customer token (the route has no authorizer): the body is authenticated by its HMAC-SHA256
 * signature over the timestamp and the body (401 when missing, stale or wrong). A repeated event id,
 * or an event for a port that moved on (cancelled), answers 200 and changes nothing.
 */
public class CarrierPortEventsHandler extends ApiHandler {
    private final CallbackSignature signature;
    private final Clock clock;

    public CarrierPortEventsHandler() {
        this(Platform.get());
    }

    /** On {@code platform}'s clock, with the secret of this environment ({@link Platform#callbackSignature()}). */
    public CarrierPortEventsHandler(NumbersPlatform platform) {
        this(platform, Platform.callbackSignature(), platform.clock());
    }

    public CarrierPortEventsHandler(NumbersPlatform platform, CallbackSignature signature, Clock clock) {
        super(platform, Envelope.PLATFORM, Priming.Read.NONE); // its role reads the Ports table only
        this.signature = signature;
        this.clock = clock;
    }

    @Override
    protected Reply handle(ApiRequest request) {
        signature.verify(request.header(CallbackSignature.TIMESTAMP_HEADER), request.header(CallbackSignature.SIGNATURE_HEADER),
                request.rawBody(), clock.instant());
        CarrierEvent event = CarrierEventJson.read(request.body());
        Ports.EventOutcome outcome = platform.ports().carrierEvent(request.pathParam("port_id"), event);
        var data = Json.object();
        data.put("port_id", outcome.port().id());
        data.put("event_id", event.eventId());
        data.put("applied", outcome.applied());
        data.put("note", outcome.note());
        data.put("status", outcome.port().status().wire());
        return Reply.ok(data);
    }
}
