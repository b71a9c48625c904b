package com.carrier.numbers.local;

import java.util.List;
import java.util.Map;

/**
 * An HTTP request as the gateway received it, before any API Gateway processing.
 *
 * @param headers header names as received, each with its values in arrival order
 */
public record HttpRequest(String method, String rawPath, String rawQuery, Map<String, List<String>> headers,
                          byte[] body, String sourceIp, String protocol) {

    public String firstHeader(String name) {
        for (Map.Entry<String, List<String>> h : headers.entrySet()) {
            if (h.getKey().equalsIgnoreCase(name) && !h.getValue().isEmpty()) {
                return h.getValue().get(0);
            }
        }
        return null;
    }
}
