package com.carrier.numbers.local.coldstart;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.net.URI;
import java.util.Map;
import software.amazon.awssdk.auth.credentials.EnvironmentVariableCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The yardstick for cold starts: a plain SDK v2 GetItem handler built the way AWS recommends
 * (client built once, static; URLConnection HTTP client; credentials and region from the
 * environment). Only the endpoint override differs, to reach DynamoDB Local.
 */
public class MinimalGetItemHandler implements RequestHandler<Map<String, String>, String> {
    private static final DynamoDbClient DYNAMO = DynamoDbClient.builder()
            .httpClient(UrlConnectionHttpClient.create())
            .credentialsProvider(EnvironmentVariableCredentialsProvider.create())
            .region(Region.of(System.getenv("AWS_REGION")))
            .endpointOverride(URI.create(System.getenv("DYNAMODB_ENDPOINT")))
            .build();

    @Override
    public String handleRequest(Map<String, String> input, Context context) {
        var item = DYNAMO.getItem(b -> b.tableName(System.getenv("ACCOUNTS_TABLE"))
                .key(Map.of("account_id", AttributeValue.fromS(input.get("account_id")))));
        return item.hasItem() ? "found" : "missing";
    }
}
