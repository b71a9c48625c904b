package com.carrier.numbers.functions.workflow;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.carrier.numbers.NumbersPlatform;
import com.carrier.numbers.functions.Platform;
import com.carrier.numbers.service.Inventory.AgingOutcome;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The AgeOut task of statemachines/number-aging.asl.json, after the wait until available_at:
 * {number, released_at, available_at} -> {number, released_at, outcome: aged_out | unchanged, state}.
 * "unchanged" when the number is no longer released from that release (bought again meanwhile).
 */
public class AgeOutNumberHandler implements RequestHandler<Map<String, Object>, Map<String, Object>> {
    private final NumbersPlatform platform;

    public AgeOutNumberHandler() {
        this(Platform.get());
    }

    public AgeOutNumberHandler(NumbersPlatform platform) {
        this.platform = platform;
    }

    @Override
    public Map<String, Object> handleRequest(Map<String, Object> payload, Context context) {
        return answer(new TaskInput(payload));
    }

    private Map<String, Object> answer(TaskInput in) {
        AgingOutcome outcome = platform.inventory().ageOut(in.text("number"), in.time("released_at"));
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("number", in.text("number"));
        out.put("released_at", in.text("released_at"));
        out.put("outcome", outcome.agedOut() ? "aged_out" : "unchanged");
        out.put("state", outcome.number().state().wire());
        return out;
    }
}
