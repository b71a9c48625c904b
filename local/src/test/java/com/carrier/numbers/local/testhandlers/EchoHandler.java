package com.carrier.numbers.local.testhandlers;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/** Records the event and context it was given; answers routeKey and path parameters, and optional binary/cookie echoes. */
public class EchoHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {
    public static volatile APIGatewayV2HTTPEvent lastEvent;
    public static volatile Context lastContext;
    public static volatile int remainingAtCall;

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        lastEvent = event;
        lastContext = context;
        remainingAtCall = context.getRemainingTimeInMillis();
        context.getLogger().log("echo " + event.getRouteKey());
        String q = event.getQueryStringParameters() == null ? "" : event.getQueryStringParameters().getOrDefault("reply", "");
        if (q.equals("binary")) {
            return APIGatewayV2HTTPResponse.builder().withStatusCode(200)
                    .withHeaders(Map.of("Content-Type", "application/octet-stream"))
                    .withBody(Base64.getEncoder().encodeToString(new byte[]{0, 1, (byte) 0xFF}))
                    .withIsBase64Encoded(true).build();
        }
        if (q.equals("cookies")) {
            return APIGatewayV2HTTPResponse.builder().withStatusCode(201)
                    .withCookies(List.of("a=1", "b=2"))
                    .withMultiValueHeaders(Map.of("X-Multi", List.of("x", "y")))
                    .withBody("").build();
        }
        String body = "{\"routeKey\":\"" + event.getRouteKey() + "\",\"pathParameters\":" + toJson(event.getPathParameters()) + "}";
        return APIGatewayV2HTTPResponse.builder().withStatusCode(200)
                .withHeaders(Map.of("Content-Type", "application/json"))
                .withBody(body).build();
    }

    private static String toJson(Map<String, String> m) {
        if (m == null) {
            return "null";
        }
        StringBuilder sb = new StringBuilder("{");
        m.forEach((k, v) -> sb.append(sb.length() > 1 ? "," : "").append('"').append(k).append("\":\"")
                .append(v.replace("\\", "\\\\").replace("\"", "\\\"")).append('"'));
        return sb.append('}').toString();
    }
}
