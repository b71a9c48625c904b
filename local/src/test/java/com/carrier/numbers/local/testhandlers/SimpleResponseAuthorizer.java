package com.carrier.numbers.local.testhandlers;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2CustomAuthorizerEvent;
import com.amazonaws.services.lambda.runtime.events.SimpleIAMPolicyResponse;
import java.util.Map;

/** An authorizer answering with the events library's simple response type instead of a Map. */
public class SimpleResponseAuthorizer implements RequestHandler<APIGatewayV2CustomAuthorizerEvent, SimpleIAMPolicyResponse> {
    @Override
    public SimpleIAMPolicyResponse handleRequest(APIGatewayV2CustomAuthorizerEvent event, Context context) {
        return SimpleIAMPolicyResponse.builder().withIsAuthorized(true)
                .withContext(Map.of("account_id", "MA_" + event.getIdentitySource().get(0), "role", "admin")).build();
    }
}
