package com.carrier.numbers.local.stepfunctions.testtasks;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** A .waitForTaskToken task handler: keeps the token (as the domain stores it on the port) and returns. */
public class NotifyTask implements RequestHandler<Map<String, Object>, Void> {
    public static final Map<String, String> TOKENS = new ConcurrentHashMap<>();

    @Override
    public Void handleRequest(Map<String, Object> payload, Context context) {
        TOKENS.put(String.valueOf(payload.get("port")), String.valueOf(payload.get("token")));
        return null;
    }
}
