package com.carrier.numbers.functions.workflow;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.carrier.numbers.NumbersPlatform;
import com.carrier.numbers.functions.Platform;
import java.util.Map;

/** Port lifecycle task NotifyCutover: the cutover_soon event, 24 hours before the FOC. */
public class NotifyCutoverHandler implements RequestHandler<Map<String, Object>, Map<String, Object>> {
    private final NumbersPlatform platform;

    public NotifyCutoverHandler() {
        this(Platform.get());
    }

    public NotifyCutoverHandler(NumbersPlatform platform) {
        this.platform = platform;
    }

    @Override
    public Map<String, Object> handleRequest(Map<String, Object> payload, Context context) {
        TaskInput in = new TaskInput(payload);
        platform.portSteps().notifyCutover(in.portId(), in.attempt());
        return Map.of("port_id", in.portId(), "notified", true);
    }
}
