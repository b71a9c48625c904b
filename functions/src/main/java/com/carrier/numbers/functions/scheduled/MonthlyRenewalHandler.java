package com.carrier.numbers.functions.scheduled;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.carrier.numbers.NumbersPlatform;
import com.carrier.numbers.adapter.metrics.Metrics;
import com.carrier.numbers.functions.Platform;
import com.carrier.numbers.functions.http.Json;
import com.carrier.numbers.service.RenewalReport;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The scheduled monthly renewal. With the provisioning queue (PROVISIONING_QUEUE_URL, as deployed)
 * it queues every due number for the provisioning consumer; without one it charges every in-service number whose next_charge has come and
 * suspends those whose owner cannot pay. Runs hourly, so a renewal is charged within the hour it
 * falls due; a run that finds nothing due costs one query. It stops a safety margin before the
 * function's timeout (what is left stays due for the next run) and reports charged, suspended and
 * failed numbers as metrics (failures alarm) and in its answer.
 */
public class MonthlyRenewalHandler implements RequestHandler<Map<String, Object>, Map<String, Object>> {
    /** Time kept back from the function's timeout: one number's renewal at its slowest (retries, backoff) and the report. */
    static final long MARGIN_MILLIS = 10_000;

    private final NumbersPlatform platform;

    public MonthlyRenewalHandler() {
        this(Platform.get());
    }

    public MonthlyRenewalHandler(NumbersPlatform platform) {
        this.platform = platform;
    }

    @Override
    public Map<String, Object> handleRequest(Map<String, Object> scheduleEvent, Context context) {
        if (platform.renewals().queued()) {
            // With the provisioning queue (the deployed stack): what is due is queued, the consumer charges it
            // (group = owner), so renewal capacity grows with the consumer's concurrency, not this one run.
            int queued = platform.renewals().enqueueDue();
            Metrics.counts(Map.of(Metrics.RENEWALS_QUEUED, queued));
            return Map.of("queued", queued);
        }
        RenewalReport report = platform.renewals().renewDue(
                () -> context == null || context.getRemainingTimeInMillis() > MARGIN_MILLIS);
        Map<String, Integer> counts = new LinkedHashMap<>();
        counts.put(Metrics.RENEWALS_CHARGED, report.charged());
        counts.put(Metrics.RENEWALS_SUSPENDED, report.suspended());
        counts.put(Metrics.RENEWALS_FAILED, report.failed());
        Metrics.counts(counts);
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("charged", report.charged());
        answer.put("suspended", report.suspended());
        answer.put("failed", report.failed());
        answer.put("failed_numbers", report.failedNumbers());
        answer.put("unfinished", report.unfinished());
        if (context != null && context.getLogger() != null && (report.failed() > 0 || report.unfinished())) {
            ObjectNode line = Json.object().put("level", "WARN").put("message", "renewal run left numbers due");
            line.set("report", Json.MAPPER.valueToTree(answer));
            context.getLogger().log(Json.write(line));
        }
        return answer;
    }
}
