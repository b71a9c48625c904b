package com.carrier.numbers.functions.workflow;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.carrier.numbers.NumbersPlatform;
import com.carrier.numbers.functions.Platform;
import java.util.Map;

/** Port lifecycle task Activate: the ported numbers go in service on the account (rent starts) and the port completes. */
public class ActivatePortHandler implements RequestHandler<Map<String, Object>, Map<String, Object>> {
    private final NumbersPlatform platform;

    public ActivatePortHandler() {
        this(Platform.get());
    }

    public ActivatePortHandler(NumbersPlatform platform) {
        this.platform = platform;
    }

    @Override
    public Map<String, Object> handleRequest(Map<String, Object> payload, Context context) {
        TaskInput in = new TaskInput(payload);
        var port = platform.portSteps().activate(in.portId(), in.attempt());
        return Map.of("port_id", port.id(), "status", port.status().wire());
    }
}
