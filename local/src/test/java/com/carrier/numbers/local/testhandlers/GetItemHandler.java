package com.carrier.numbers.local.testhandlers;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;

/** A minimal "get a number" handler: one consistent GetItem on the Numbers table, answered as JSON. */
public class GetItemHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {
    /** Set by the benchmark before the runtime builds this handler. */
    public static volatile DynamoDbClient dynamoDb;

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        String number = event.getPathParameters().get("number");
        GetItemResponse item = dynamoDb.getItem(b -> b.tableName("Numbers").consistentRead(true)
                .key(Map.of("number", AttributeValue.fromS(number))));
        if (!item.hasItem()) {
            return APIGatewayV2HTTPResponse.builder().withStatusCode(404).withBody("{\"success\":false}").build();
        }
        Map<String, AttributeValue> i = item.item();
        String body = "{\"success\":true,\"data\":{\"number\":\"" + number + "\",\"city\":\"" + i.get("city").s()
                + "\",\"state\":\"" + i.get("region").s() + "\"},\"request_id\":\"req_" + context.getAwsRequestId() + "\"}";
        return APIGatewayV2HTTPResponse.builder().withStatusCode(200)
                .withHeaders(Map.of("Content-Type", "application/json")).withBody(body).build();
    }
}
