package com.carrier.numbers.functions.workflow;

import java.util.Map;

/** The payload a port lifecycle task receives from the state machine: {@code port_id}, {@code attempt}, and per task more. */
record TaskInput(Map<String, Object> payload) {

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
        if (v == null) {
            throw new IllegalArgumentException(field + " is missing from the task input");
        }
        return v.toString();
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
