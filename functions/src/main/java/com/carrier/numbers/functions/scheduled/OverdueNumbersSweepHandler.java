package com.carrier.numbers.functions.scheduled;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.carrier.numbers.NumbersPlatform;
import com.carrier.numbers.functions.Platform;
import com.carrier.numbers.service.OverdueSweep;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The scheduled backstop for lost workflow starts: ages out released numbers and finishes deferred
 * unassigns whose wait ended more than {@link OverdueSweep#GRACE} ago (what their execution would
 * have done). Reads only the due numbers, from the sparse ByDue index.
 */
public class OverdueNumbersSweepHandler implements RequestHandler<Map<String, Object>, Map<String, Object>> {
    private final NumbersPlatform platform;

    public OverdueNumbersSweepHandler() {
        this(Platform.get());
    }

    public OverdueNumbersSweepHandler(NumbersPlatform platform) {
        this.platform = platform;
    }

    @Override
    public Map<String, Object> handleRequest(Map<String, Object> scheduleEvent, Context context) {
        return report(platform.overdueSweep().run());
    }

    private static Map<String, Object> report(OverdueSweep.Report r) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("aged_out", r.agedOut());
        out.put("unassigned", r.unassigned());
        out.put("rescheduled", r.rescheduled());
        out.put("unchanged", r.unchanged());
        out.put("failed", r.failed());
        return out;
    }
}
