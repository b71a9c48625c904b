package com.carrier.numbers.local.stepfunctions.testtasks;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.util.Map;

/** A task handler as the template declares one: answers, or throws by the payload's {@code fail}. */
public class SubmitTask implements RequestHandler<Map<String, Object>, Map<String, Object>> {

    /** A nested exception: Lambda's errorType is its binary name, {@code ...SubmitTask$CarrierBusy}. */
    public static class CarrierBusy extends RuntimeException {
        public CarrierBusy(String message) {
            super(message);
        }
    }

    @Override
    public Map<String, Object> handleRequest(Map<String, Object> payload, Context context) {
        Object fail = payload.get("fail");
        if ("busy".equals(fail)) {
            throw new CarrierBusy("carrier busy");
        }
        if ("bug".equals(fail)) {
            throw new IllegalStateException("a bug");
        }
        return Map.of("submitted", payload.get("port"), "function", context.getFunctionName());
    }
}
