package com.carrier.numbers.functions;

import com.carrier.numbers.Env;
import java.net.URI;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.ContainerCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.core.SdkSystemSetting;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * The one place the functions build AWS SDK clients: every client (DynamoDB now; Step Functions,
 * SQS, Secrets Manager as they come) gets the same credentials provider, the same lightweight
 * URLConnection HTTP client, the region Lambda gives and an optional endpoint override (local
 * stand-ins). Add a client as {@code configure(XyzClient.builder(), "XYZ_ENDPOINT").build()}.
 */
public final class AwsClients {
    private static final class Shared {
        // Built on first use (class initialisation is thread-safe); shared by all clients, never closed.
        static final SdkHttpClient HTTP = UrlConnectionHttpClient.create();
        static final AwsCredentialsProvider CREDENTIALS = credentialsProvider();
    }

    private AwsClients() {
    }

    public static DynamoDbClient dynamoDb() {
        return configure(DynamoDbClient.builder(), "DYNAMODB_ENDPOINT").build();
    }

    /** SQS (the provisioning queue); SQS_ENDPOINT points it at ElasticMQ locally. */
    public static SqsClient sqs() {
        return configure(SqsClient.builder(), "SQS_ENDPOINT").build();
    }

    /** Credentials, HTTP client, region and the endpoint named by {@code endpointVariable} (if set). */
    public static <B extends AwsClientBuilder<B, ?> & AwsSyncClientBuilder<B, ?>> B configure(B builder, String endpointVariable) {
        builder.httpClient(Shared.HTTP).credentialsProvider(Shared.CREDENTIALS);
        String region = Env.get("AWS_REGION", null);
        if (region != null) {
            builder.region(Region.of(region));
        }
        String endpoint = Env.get(endpointVariable, null);
        if (endpoint != null) {
            builder.endpointOverride(URI.create(endpoint));
        }
        return builder;
    }

    /**
     * What Lambda gives, picked without probing: with SnapStart the Java runtime serves credentials
     * only from the container endpoint (AWS_CONTAINER_CREDENTIALS_FULL_URI and its authorization
     * token), with no access-key variables; without SnapStart it puts access keys in the
     * environment, read directly (no profile-file parsing or endpoint probing at cold start).
     * Elsewhere (a laptop) the SDK's default chain.
     */
    static AwsCredentialsProvider credentialsProvider() {
        if (SdkSystemSetting.AWS_CONTAINER_CREDENTIALS_FULL_URI.getStringValue().isPresent()) {
            // Caches until shortly before the endpoint's Expiration, then refreshes: credentials
            // fetched while priming the snapshot are replaced once they expire after a restore.
            return ContainerCredentialsProvider.builder().build();
        }
        String keyId = System.getenv("AWS_ACCESS_KEY_ID");
        if (keyId != null) { // no SnapStart: the keys Lambda puts in this environment, fixed for its lifetime
            String secret = System.getenv("AWS_SECRET_ACCESS_KEY");
            String session = System.getenv("AWS_SESSION_TOKEN");
            return StaticCredentialsProvider.create(session == null
                    ? AwsBasicCredentials.create(keyId, secret)
                    : AwsSessionCredentials.create(keyId, secret, session));
        }
        return DefaultCredentialsProvider.builder().build();
    }
}
