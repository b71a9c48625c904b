package com.carrier.numbers.functions.workflow;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.carrier.numbers.NumbersPlatform;
import com.carrier.numbers.functions.Platform;
import java.util.Map;

/** Port lifecycle tasks AwaitCarrierDecision and AwaitCarrierCompletion (.waitForTaskToken): store the token on the port; the carrier callback answers it. */
public class AwaitCarrierHandler implements RequestHandler<Map<String, Object>, Map<String, Object>> {
    private final NumbersPlatform platform;

    public AwaitCarrierHandler() {
        this(Platform.get());
    }

    public AwaitCarrierHandler(NumbersPlatform platform) {
        this.platform = platform;
    }

    @Override
    public Map<String, Object> handleRequest(Map<String, Object> payload, Context context) {
        TaskInput in = new TaskInput(payload);
        platform.portSteps().awaitCarrier(in.portId(), in.attempt(), in.text("stage"), in.text("task_token"));
        return Map.of("port_id", in.portId(), "waiting_for", in.text("stage"));
    }
}
