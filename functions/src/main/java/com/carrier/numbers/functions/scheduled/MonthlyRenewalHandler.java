package com.carrier.numbers.functions.scheduled;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.carrier.numbers.NumbersPlatform;
import com.carrier.numbers.functions.Platform;
import java.util.Map;

/**
 * The scheduled monthly renewal: puts every in-service number whose next_charge has come on the
 * provisioning queue (group = owner), whose consumer charges it or suspends it when the owner
 * cannot pay. Runs hourly, so a renewal is charged within the hour it falls due; renewal capacity
 * grows with the consumer's concurrency, not this one run. A run that finds nothing due costs
 * one query per bucket.
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
        return Map.of("queued", platform.renewals().enqueueDue());
    }
}
