package com.carrier.numbers.functions.workflow;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.carrier.numbers.NumbersPlatform;
import com.carrier.numbers.functions.Platform;
import java.util.Map;

/** Port lifecycle task FailPort (the Catch of every step): the port fails with a typed reason; its numbers leave the account. */
public class FailPortHandler implements RequestHandler<Map<String, Object>, Map<String, Object>> {
    private final NumbersPlatform platform;

    public FailPortHandler() {
        this(Platform.get());
    }

    public FailPortHandler(NumbersPlatform platform) {
        this.platform = platform;
    }

    @Override
    public Map<String, Object> handleRequest(Map<String, Object> payload, Context context) {
        TaskInput in = new TaskInput(payload);
        var port = platform.portSteps().fail(in.portId(), in.attempt(), in.errorName("error"), null);
        return Map.of("port_id", port.id(), "status", port.status().wire(), "reason", port.failureReason().name());
    }
}
