package com.carrier.numbers.functions.workflow;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.carrier.numbers.NumbersPlatform;
import com.carrier.numbers.functions.Platform;
import java.util.Map;

/** Port lifecycle task Authorize: applies the carrier's decision; answers when to give notice and when the FOC is. */
public class AuthorizePortHandler implements RequestHandler<Map<String, Object>, Map<String, Object>> {
    private final NumbersPlatform platform;

    public AuthorizePortHandler() {
        this(Platform.get());
    }

    public AuthorizePortHandler(NumbersPlatform platform) {
        this.platform = platform;
    }

    @Override
    public Map<String, Object> handleRequest(Map<String, Object> payload, Context context) {
        TaskInput in = new TaskInput(payload);
        var schedule = platform.portSteps().authorize(in.portId(), in.attempt());
        return Map.of("foc_at", schedule.focAt().toString(), "cutover_notice_at", schedule.cutoverNoticeAt().toString());
    }
}
