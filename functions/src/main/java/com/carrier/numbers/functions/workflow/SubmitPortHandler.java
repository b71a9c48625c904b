package com.carrier.numbers.functions.workflow;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.carrier.numbers.NumbersPlatform;
import com.carrier.numbers.functions.Platform;
import java.util.Map;

/** Port lifecycle task SubmitToCarrier: hands the port to the losing carrier (CarrierUnavailable is retried by the definition). */
public class SubmitPortHandler implements RequestHandler<Map<String, Object>, Map<String, Object>> {
    private final NumbersPlatform platform;

    public SubmitPortHandler() {
        this(Platform.get());
    }

    public SubmitPortHandler(NumbersPlatform platform) {
        this.platform = platform;
    }

    @Override
    public Map<String, Object> handleRequest(Map<String, Object> payload, Context context) {
        TaskInput in = new TaskInput(payload);
        platform.portSteps().submit(in.portId(), in.attempt());
        return Map.of("port_id", in.portId(), "submitted", true);
    }
}
