package com.carrier.numbers.functions.http;

import com.carrier.numbers.domain.PlatformException;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/** What a handler answers: a status and the data for its envelope, or a refusal. */
public record Reply(int status, JsonNode data, Map<String, JsonNode> extra, PlatformException error) {

    public static Reply ok(JsonNode data) {
        return new Reply(200, data, Map.of(), null);
    }

    /** Success with top-level envelope fields beside data (e.g. crossbar's next_start_key). */
    public static Reply ok(JsonNode data, Map<String, JsonNode> extra) {
        return new Reply(200, data, extra, null);
    }

    public static Reply created(JsonNode data) {
        return new Reply(201, data, Map.of(), null);
    }

    public static Reply accepted(JsonNode data) {
        return new Reply(202, data, Map.of(), null);
    }

    public static Reply error(PlatformException e) {
        return new Reply(e.code().httpStatus(), null, Map.of(), e);
    }
}
