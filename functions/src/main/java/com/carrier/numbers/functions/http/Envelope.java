package com.carrier.numbers.functions.http;

import com.carrier.numbers.domain.PlatformException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;

/**
 * The two response families of the API (DESIGN.md section 3). Each route keeps its family, for
 * success and for errors alike.
 */
public enum Envelope {
    /** /v2/phone_numbers and /v2/accounts/{A}/phone_numbers...: Kazoo's crossbar envelope. */
    CROSSBAR {
        @Override
        public ObjectNode success(JsonNode data, ApiRequest request, Map<String, JsonNode> extra) {
            ObjectNode body = Json.object();
            putAuthToken(body, request);
            body.set("data", data);
            extra.forEach(body::set);
            body.put("request_id", request.requestId());
            body.put("status", "success");
            return body;
        }

        @Override
        public ObjectNode error(PlatformException e, ApiRequest request) {
            ObjectNode body = Json.object();
            putAuthToken(body, request);
            body.set("data", errorDetails(e));
            body.put("error", String.valueOf(e.code().httpStatus()));
            body.put("message", e.code().wire());
            body.put("request_id", request.requestId());
            body.put("status", "error");
            return body;
        }

        private void putAuthToken(ObjectNode body, ApiRequest request) {
            String token = request.header("X-Auth-Token");
            if (token != null) {
                body.put("auth_token", token);
            }
        }
    },

    /** Everything else: {success, data, request_id}. */
    PLATFORM {
        @Override
        public ObjectNode success(JsonNode data, ApiRequest request, Map<String, JsonNode> extra) {
            ObjectNode body = Json.object();
            body.put("success", true);
            body.set("data", data);
            extra.forEach(body::set);
            body.put("request_id", request.requestId());
            return body;
        }

        @Override
        public ObjectNode error(PlatformException e, ApiRequest request) {
            ObjectNode body = Json.object();
            body.put("success", false);
            body.set("error", errorDetails(e));
            body.put("request_id", request.requestId());
            return body;
        }
    };

    public abstract ObjectNode success(JsonNode data, ApiRequest request, Map<String, JsonNode> extra);

    public abstract ObjectNode error(PlatformException e, ApiRequest request);

    /** What both families say of a refusal: its code, message and details (crossbar's data, platform's error). */
    static ObjectNode errorDetails(PlatformException e) {
        ObjectNode details = Json.object();
        details.put("code", e.code().wire());
        details.put("message", e.getMessage());
        e.details().forEach((k, v) -> details.set(k, Json.MAPPER.valueToTree(v)));
        return details;
    }
}
