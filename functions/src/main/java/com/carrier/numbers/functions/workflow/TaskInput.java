package com.carrier.numbers.functions.workflow;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Map;

/** Reads a Step Functions task payload: the fields the definition passes, required, with a clear error when one is missing. */
final class TaskInput {
    private final Map<String, Object> payload;

    TaskInput(Map<String, Object> payload) {
        this.payload = payload == null ? Map.of() : payload;
    }

    String text(String name) {
        Object v = payload.get(name);
        if (!(v instanceof String s) || s.isBlank()) {
            throw new IllegalArgumentException("task input lacks " + name + ": " + payload);
        }
        return s;
    }

    Instant time(String name) {
        try {
            return Instant.parse(text(name));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("task input " + name + " is not an ISO-8601 instant: " + payload.get(name), e);
        }
    }
}
