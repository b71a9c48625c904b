package com.carrier.numbers.functions.http;

import com.amazonaws.services.lambda.runtime.Context;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.io.StringWriter;

/** One structured JSON log line per request, carrying request_id and the caller's account. */
final class RequestLog {
    private RequestLog() {
    }

    static void request(Context context, ApiRequest request, Reply reply, long millis) {
        ObjectNode line = base(request, reply.status() >= 500 ? "ERROR" : "INFO");
        line.put("message", "request");
        line.put("status", reply.status());
        if (reply.error() != null) {
            line.put("error", reply.error().code().wire());
        }
        line.put("duration_ms", millis);
        write(context, line);
    }

    static void failure(Context context, ApiRequest request, Throwable e) {
        ObjectNode line = base(request, "ERROR");
        line.put("message", "unexpected failure: " + e);
        StringWriter trace = new StringWriter();
        e.printStackTrace(new PrintWriter(trace));
        line.put("stack", trace.toString());
        write(context, line);
    }

    private static ObjectNode base(ApiRequest request, String level) {
        ObjectNode line = Json.object();
        line.put("level", level);
        line.put("request_id", request.requestId());
        line.put("route", request.routeKey());
        try {
            line.put("account_id", request.caller().accountId());
        } catch (RuntimeException anonymous) {
            line.putNull("account_id");
        }
        return line;
    }

    private static void write(Context context, ObjectNode line) {
        String text = Json.write(line);
        if (context != null && context.getLogger() != null) {
            context.getLogger().log(text + "\n");
        } else {
            System.out.println(text);
        }
    }
}
