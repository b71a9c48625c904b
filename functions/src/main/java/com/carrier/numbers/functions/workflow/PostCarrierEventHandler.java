package com.carrier.numbers.functions.workflow;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.carrier.numbers.Env;
import com.carrier.numbers.domain.CallbackSignature;
import com.carrier.numbers.functions.Platform;
import com.carrier.numbers.functions.http.Json;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Map;

/**
 * The simulated carrier's task (carrier simulator state machine): signs one carrier event and POSTs
 * it to the platform's callback route, as a real carrier's webhook would. A non-2xx answer fails
 * the task, so the simulator's Retry sends it again (the event id makes a repeat harmless).
 */
public class PostCarrierEventHandler implements RequestHandler<Map<String, Object>, Map<String, Object>> {
    private final String apiUrl;
    private final CallbackSignature signature;
    private final Clock clock;

    public PostCarrierEventHandler() {
        this(Env.get("PLATFORM_API_URL", "http://127.0.0.1:3000"), Platform.callbackSignature(), Clock.systemUTC());
    }

    public PostCarrierEventHandler(String apiUrl, CallbackSignature signature, Clock clock) {
        this.apiUrl = apiUrl.replaceAll("/+$", "");
        this.signature = signature;
        this.clock = clock;
    }

    @Override
    public Map<String, Object> handleRequest(Map<String, Object> payload, Context context) {
        String portId = String.valueOf(payload.get("port_id"));
        if (!portId.matches("port_[0-9a-f]{1,64}")) {
            throw new IllegalArgumentException("port_id is missing or malformed: " + portId);
        }
        String body = Json.write(payload.get("event"));
        long timestamp = clock.instant().getEpochSecond();
        try {
            HttpURLConnection c = (HttpURLConnection) URI.create(apiUrl + "/v2/carrier/ports/" + portId + "/events").toURL().openConnection();
            c.setRequestMethod("POST");
            c.setDoOutput(true);
            c.setConnectTimeout(5_000);
            c.setReadTimeout(20_000);
            c.setRequestProperty("Content-Type", "application/json");
            c.setRequestProperty(CallbackSignature.TIMESTAMP_HEADER, Long.toString(timestamp));
            c.setRequestProperty(CallbackSignature.SIGNATURE_HEADER, signature.sign(timestamp, body));
            try (OutputStream out = c.getOutputStream()) {
                out.write(body.getBytes(StandardCharsets.UTF_8));
            }
            int status = c.getResponseCode();
            var stream = status < 400 ? c.getInputStream() : c.getErrorStream();
            String answer = stream == null ? "" : new String(stream.readAllBytes(), StandardCharsets.UTF_8);
            if (status / 100 != 2) {
                throw new IllegalStateException("the callback answered " + status + ": " + answer);
            }
            return Map.of("port_id", portId, "status", status);
        } catch (IOException e) {
            throw new UncheckedIOException("the callback could not be reached", e);
        }
    }
}
