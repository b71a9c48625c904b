package com.carrier.numbers.functions.workflow;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Map;

/**
 * Reads a Step Functions task payload: the fields the definition passes, required, with a clear
 * error when one is missing. Port lifecycle tasks get {@code port_id}, {@code attempt} and per
 * task more; aging and cool-off tasks get the number and the instants they waited for.
 */
record TaskInput(Map<String, Object> payload) {

    TaskInput {
        payload = payload == null ? Map.of() : payload;
    }

    String portId() {
        return text("port_id");
    }

    int attempt() {
        Object v = payload.get("attempt");
        if (v instanceof Number n) {
            return n.intValue();
        }
        if (v instanceof String s) {
            return Integer.parseInt(s);
        }
        throw new IllegalArgumentException("attempt is missing from the task input");
    }

    String text(String field) {
        Object v = payload.get(field);
        if (v == null || v.toString().isBlank()) {
            throw new IllegalArgumentException(field + " is missing from the task input: " + payload);
        }
        return v.toString();
    }

    Instant time(String field) {
        try {
            return Instant.parse(text(field));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("task input " + field + " is not an ISO-8601 instant: " + payload.get(field), e);
        }
    }

    /** The Catch's error object {@code {"Error": ..., "Cause": ...}} under {@code field}, its Error. */
    String errorName(String field) {
        Object v = payload.get(field);
        if (v instanceof Map<?, ?> m && m.get("Error") != null) {
            return m.get("Error").toString();
        }
        return null;
    }
}
