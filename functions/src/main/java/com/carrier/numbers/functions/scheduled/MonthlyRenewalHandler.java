package com.carrier.numbers.functions.scheduled;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.carrier.numbers.NumbersPlatform;
import com.carrier.numbers.functions.Platform;
import com.carrier.numbers.service.RenewalReport;
import java.util.Map;

/**
 * The scheduled monthly renewal: charges every in-service number whose next_charge has come and
 * suspends those whose owner cannot pay. Runs hourly, so a renewal is charged within the hour it
 * falls due; a run that finds nothing due costs one query.
 */
public class MonthlyRenewalHandler implements RequestHandler<Map<String, Object>, Map<String, Object>> {
    private final NumbersPlatform platform;

    public MonthlyRenewalHandler() {
        this(Platform.get());
    }

    public MonthlyRenewalHandler(NumbersPlatform platform) {
        this.platform = platform;
    }

    @Override
    public Map<String, Object> handleRequest(Map<String, Object> scheduleEvent, Context context) {
        RenewalReport report = platform.renewals().renewDue();
        return Map.of("charged", report.charged(), "suspended", report.suspended(), "failed", report.failed());
    }
}
