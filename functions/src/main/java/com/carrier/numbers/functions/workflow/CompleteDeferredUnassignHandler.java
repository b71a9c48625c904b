package com.carrier.numbers.functions.workflow;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.carrier.numbers.NumbersPlatform;
import com.carrier.numbers.functions.Platform;
import com.carrier.numbers.service.SubAccountPool.DeferredUnassignOutcome;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The check of statemachines/number-cooloff.asl.json after the wait until cool_off_until:
 * {number, sub_account_id, requested_at, cool_off_until} -> the same fields with {@code outcome}
 * (unassigned | waiting | abandoned); on "waiting" cool_off_until is the new end, which the
 * definition waits for next.
 */
public class CompleteDeferredUnassignHandler implements RequestHandler<Map<String, Object>, Map<String, Object>> {
    private final NumbersPlatform platform;

    public CompleteDeferredUnassignHandler() {
        this(Platform.get());
    }

    public CompleteDeferredUnassignHandler(NumbersPlatform platform) {
        this.platform = platform;
    }

    @Override
    public Map<String, Object> handleRequest(Map<String, Object> payload, Context context) {
        return answer(new TaskInput(payload));
    }

    private Map<String, Object> answer(TaskInput in) {
        DeferredUnassignOutcome outcome = platform.subAccountPool().completeDeferredUnassign(in.text("number"),
                in.text("sub_account_id"), in.time("requested_at"), in.time("cool_off_until"));
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("number", in.text("number"));
        out.put("sub_account_id", in.text("sub_account_id"));
        out.put("requested_at", in.text("requested_at"));
        out.put("cool_off_until", outcome.coolOffUntil() == null ? in.text("cool_off_until") : outcome.coolOffUntil().toString());
        out.put("outcome", outcome.result().name().toLowerCase(Locale.ROOT));
        return out;
    }
}
