package com.carrier.numbers.local.coldstart;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.carrier.numbers.functions.api.PurchaseNumberHandler;
import java.lang.management.ManagementFactory;
import java.util.Map;

/**
 * Runs in a fresh JVM: builds one handler and answers one request, then prints how long that took
 * from JVM start and how many classes it loaded. {@code purchase <account> <number>} or
 * {@code getitem <account>}.
 */
public final class ColdStartDriver {
    private ColdStartDriver() {
    }

    public static void main(String[] args) {
        long jvmStart = ManagementFactory.getRuntimeMXBean().getStartTime();
        String outcome;
        long initDone;
        if (args[0].equals("purchase")) {
            PurchaseNumberHandler handler = new PurchaseNumberHandler();
            initDone = System.currentTimeMillis();
            APIGatewayV2HTTPResponse response = handler.handleRequest(purchaseEvent(args[1], args[2]), null);
            outcome = String.valueOf(response.getStatusCode());
        } else {
            MinimalGetItemHandler handler = new MinimalGetItemHandler();
            initDone = System.currentTimeMillis();
            outcome = handler.handleRequest(Map.of("account_id", args[1]), null);
        }
        long firstResponse = System.currentTimeMillis() - jvmStart;
        long classes = ManagementFactory.getClassLoadingMXBean().getTotalLoadedClassCount();
        System.out.println("COLDSTART " + args[0] + " " + firstResponse + " " + classes + " " + outcome
                + " " + (initDone - jvmStart));
    }

    private static APIGatewayV2HTTPEvent purchaseEvent(String account, String number) {
        return APIGatewayV2HTTPEvent.builder()
                .withVersion("2.0")
                .withRouteKey("PUT /v2/accounts/{account_id}/phone_numbers/{number}")
                .withRawPath("/v2/accounts/" + account + "/phone_numbers/" + number)
                .withHeaders(Map.of("content-type", "application/json", "x-auth-token", "bench-token"))
                .withPathParameters(Map.of("account_id", account, "number", number))
                .withBody("{\"data\": {}}")
                .withRequestContext(APIGatewayV2HTTPEvent.RequestContext.builder()
                        .withRequestId("coldstart")
                        .withRouteKey("PUT /v2/accounts/{account_id}/phone_numbers/{number}")
                        .withHttp(APIGatewayV2HTTPEvent.RequestContext.Http.builder().withMethod("PUT")
                                .withPath("/v2/accounts/" + account + "/phone_numbers/" + number).build())
                        .withAuthorizer(APIGatewayV2HTTPEvent.RequestContext.Authorizer.builder()
                                .withLambda(Map.of("account_id", account, "auth_id", "bench", "role", "user")).build())
                        .build())
                .build();
    }
}
