package com.carrier.numbers.local.testhandlers;

import java.util.Map;

/** A handler whose result is plain JSON: API Gateway answers it 200 as application/json. */
public class MapHandler {
    public Map<String, Object> handle(Map<String, Object> event) {
        return Map.of("ok", true, "rawPath", event.get("rawPath"));
    }
}
