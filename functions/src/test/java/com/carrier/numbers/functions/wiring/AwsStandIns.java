package com.carrier.numbers.functions.wiring;

import com.carrier.numbers.TableNames;
import com.carrier.numbers.functions.events.EventWorld;
import com.carrier.numbers.template.SamTemplate;
import com.carrier.numbers.testing.MotoServer;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.RecordComponent;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.elasticmq.rest.sqs.SQSRestServer;
import org.elasticmq.rest.sqs.SQSRestServerBuilder;
import org.junit.jupiter.api.Assumptions;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;
import software.amazon.dynamodb.services.local.main.ServerRunner;
import software.amazon.dynamodb.services.local.server.DynamoDBProxyServer;

/**
 * The AWS services the functions of template.yaml call, stood in for on this machine and reached over
 * HTTP as Lambda reaches AWS (the SDK's wire marshalling, HTTP client and signing): DynamoDB Local in
 * server mode ({@code -sharedDb}: one database whatever key signs), ElasticMQ holding the template's
 * queues (FIFO, visibility and redrive as written), and moto for Step Functions (the template's state
 * machines under the names the stack gives them) and Secrets Manager (the carrier callback secret,
 * with a value of its own, so a function answering a signed callback proves it read it there).
 *
 * <p>{@link #prepare} seeds the world of a function's events/ file and resolves the environment the
 * template gives the function to this machine's resources: a table to the seeded world's table, a
 * parameter to its default, a queue to its ElasticMQ URL, a state machine or secret to its moto ARN,
 * {@code ${AWS::...}} to the stand-in stack; plus the endpoint variables {@code AwsClients} reads.
 * Used by the three tests that run the functions as deployed (in process, from the jar, in a fresh
 * JVM through the SnapStart lifecycle).
 */
public final class AwsStandIns implements AutoCloseable {
    /** The stand-in stack's name and account (moto's default account). */
    public static final String STACK = "wiring";
    public static final String ACCOUNT = "123456789012";
    private static final String REGION = "us-east-1";
    private static final String ROLE = "arn:aws:iam::" + ACCOUNT + ":role/" + STACK + "-state-machine";
    /** Not the local runtime's fixed secret: a callback answered 2xx was checked against Secrets Manager's value. */
    private static final String CALLBACK_SECRET = "wiring-secret-" + Long.toString(System.nanoTime(), 36) + "-from-secrets-manager";

    private final SamTemplate template;
    private final DynamoDBProxyServer dynamo;
    private final URI dynamoEndpoint;
    private final SQSRestServer sqs;
    private final URI sqsEndpoint;
    private final MotoServer moto;
    private final String motoMissing;
    /** The HTTP API's carrier callback route as a carrier reaches it: the signature checked with the secret. */
    private final com.sun.net.httpserver.HttpServer api;
    /** Logical id -> physical name, URL or ARN of the queues, state machines and secrets. */
    private final Map<String, String> physical = new HashMap<>();
    private final Map<String, String> secrets = new HashMap<>();

    private AwsStandIns(SamTemplate template) {
        this.template = template;
        int port = freePort();
        try {
            dynamo = ServerRunner.createServerFromCommandLineArgs(
                    new String[] {"-inMemory", "-sharedDb", "-disableTelemetry", "-port", Integer.toString(port)});
            dynamo.start();
        } catch (Exception e) {
            throw new IllegalStateException("cannot start DynamoDB Local in server mode on port " + port, e);
        }
        dynamoEndpoint = URI.create("http://127.0.0.1:" + port);
        sqs = SQSRestServerBuilder.withDynamicPort().withInterface("127.0.0.1").start();
        sqsEndpoint = URI.create("http://127.0.0.1:" + sqs.waitUntilStarted().localAddress().getPort());
        MotoServer m = null;
        String missing = null;
        try {
            m = MotoServer.start();
        } catch (Exception e) {
            if (MotoServer.required()) {
                close();
                throw new IllegalStateException("CI=true requires moto (Step Functions and Secrets Manager stand-in): " + e.getMessage(), e);
            }
            missing = "moto_server is not available (" + e.getMessage() + "); set CI=true to make this a failure";
        }
        moto = m;
        motoMissing = missing;
        api = callbackApi();
    }

    /**
     * Stands in for the deployed API's {@code POST /v2/carrier/ports/{id}/events} as the simulated
     * carrier's task reaches it: 200 for a delivery signed with the secret within the tolerance, 401
     * otherwise (what the callback function answers; its own behaviour is tested over the local API).
     */
    private static com.sun.net.httpserver.HttpServer callbackApi() {
        try {
            var server = com.sun.net.httpserver.HttpServer.create(new java.net.InetSocketAddress("127.0.0.1", 0), 8);
            server.createContext("/v2/carrier/ports/", exchange -> {
                String body = new String(exchange.getRequestBody().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
                int status;
                try {
                    new com.carrier.numbers.domain.CallbackSignature(CALLBACK_SECRET).verify(
                            exchange.getRequestHeaders().getFirst(com.carrier.numbers.domain.CallbackSignature.TIMESTAMP_HEADER),
                            exchange.getRequestHeaders().getFirst(com.carrier.numbers.domain.CallbackSignature.SIGNATURE_HEADER),
                            body, Instant.now());
                    status = "POST".equals(exchange.getRequestMethod()) ? 200 : 405;
                } catch (com.carrier.numbers.domain.PlatformException refused) {
                    status = 401;
                }
                byte[] answer = ("{\"success\":" + (status == 200) + "}").getBytes(java.nio.charset.StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(status, answer.length);
                exchange.getResponseBody().write(answer);
                exchange.close();
            });
            server.start();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Starts the stand-ins and creates the template's queues, state machines and secrets in them. */
    public static AwsStandIns start(SamTemplate template) {
        AwsStandIns s = new AwsStandIns(template);
        try {
            s.createQueues();
            if (s.moto != null) {
                s.createStateMachines();
                s.createSecrets();
            }
            return s;
        } catch (RuntimeException e) {
            s.close();
            throw e;
        }
    }

    private void createQueues() {
        try (SqsClient client = client(SqsClient.builder(), sqsEndpoint)) {
            for (SamTemplate.Queue q : template.queues()) { // dead-letter queues first
                Map<QueueAttributeName, String> attributes = new LinkedHashMap<>();
                if (q.fifo()) {
                    attributes.put(QueueAttributeName.FIFO_QUEUE, "true");
                    attributes.put(QueueAttributeName.CONTENT_BASED_DEDUPLICATION, Boolean.toString(q.contentBasedDeduplication()));
                }
                attributes.put(QueueAttributeName.VISIBILITY_TIMEOUT, Integer.toString(q.visibilityTimeoutSeconds()));
                if (q.deadLetterQueue() != null) {
                    String dlqArn = client.getQueueAttributes(b -> b.queueUrl(physical.get(q.deadLetterQueue()))
                            .attributeNames(QueueAttributeName.QUEUE_ARN)).attributes().get(QueueAttributeName.QUEUE_ARN);
                    attributes.put(QueueAttributeName.REDRIVE_POLICY,
                            "{\"deadLetterTargetArn\":\"" + dlqArn + "\",\"maxReceiveCount\":\"" + q.maxReceiveCount() + "\"}");
                }
                String url = client.createQueue(b -> b.queueName(q.queueName()).attributes(attributes)).queueUrl();
                physical.put(q.logicalId(), url);
                physical.put(q.logicalId() + ".Arn", client.getQueueAttributes(b -> b.queueUrl(url)
                        .attributeNames(QueueAttributeName.QUEUE_ARN)).attributes().get(QueueAttributeName.QUEUE_ARN));
            }
        }
    }

    private void createStateMachines() {
        try (SfnClient sfn = client(SfnClient.builder(), moto.endpoint)) {
            for (SamTemplate.StateMachine m : template.stateMachines()) {
                JsonNode name = m.properties().path("Name");
                String machineName = name.isTextual() ? substitute(name.asText()) : m.logicalId();
                // What the machine runs is the ASL engines' business (LocalStepFunctions, the moto referee);
                // here only the API the functions call: start, stop, task tokens.
                String arn = sfn.createStateMachine(b -> b.name(machineName).roleArn(ROLE)
                        .definition("{\"StartAt\":\"Done\",\"States\":{\"Done\":{\"Type\":\"Succeed\"}}}")).stateMachineArn();
                physical.put(m.logicalId(), arn);
            }
        }
    }

    private void createSecrets() {
        try (SecretsManagerClient client = client(SecretsManagerClient.builder(), moto.endpoint)) {
            for (SamTemplate.Resource r : template.resourcesOfType("AWS::SecretsManager::Secret")) {
                JsonNode name = r.properties().path("Name");
                String secretName = name.isTextual() ? substitute(name.asText()) : STACK + "-" + r.logicalId();
                String arn = client.createSecret(b -> b.name(secretName).secretString(CALLBACK_SECRET)).arn();
                physical.put(r.logicalId(), arn);
                secrets.put(r.logicalId(), CALLBACK_SECRET);
            }
        }
    }

    /** One function, ready to run: its environment as deployed here, and its event as it arrives now. */
    public record Prepared(SamTemplate.Function function, Map<String, String> environment, Map<String, String> logicalIds,
                           String event) {
    }

    /**
     * Seeds the world of {@code f}'s events/ file (fresh tables) and resolves {@code f}'s template
     * environment against it. A function that needs moto is skipped (assumption) when moto is missing
     * outside CI.
     */
    public Prepared prepare(SamTemplate.Function f) {
        TableNames tables = EventWorld.seed(f.logicalId(), dynamoClient());
        Map<String, String> logicalIds = new LinkedHashMap<>();
        Map<String, String> env = new LinkedHashMap<>();
        f.environment().forEach((name, value) -> env.put(name, resolve(f, value, tables, logicalIds)));
        env.put("DYNAMODB_ENDPOINT", dynamoEndpoint.toString());
        env.put("SQS_ENDPOINT", sqsEndpoint.toString());
        if (moto != null) {
            env.put("STEPFUNCTIONS_ENDPOINT", moto.endpoint.toString());
            env.put("SECRETSMANAGER_ENDPOINT", moto.endpoint.toString());
        }
        env.put("AWS_REGION", REGION);
        return new Prepared(f, env, logicalIds, EventWorld.event(f.logicalId(), CALLBACK_SECRET, Instant.now()));
    }

    private String resolve(SamTemplate.Function f, String value, TableNames tables, Map<String, String> logicalIds) {
        if (template.tables().containsKey(value)) {
            String name = tableName(tables, value);
            logicalIds.put(name, value);
            return name;
        }
        JsonNode parameter = template.json().path("Parameters").path(value);
        if (!parameter.isMissingNode()) {
            return parameter.path("Default").asText();
        }
        if (value.contains("${HttpApi}")) { // the deployed API's URL: here the callback route's stand-in
            return value.replace("https://${HttpApi}.execute-api.${AWS::Region}.${AWS::URLSuffix}",
                    "http://127.0.0.1:" + api.getAddress().getPort());
        }
        if (value.contains("${")) {
            String resolved = substitute(value);
            physical.forEach((logical, p) -> {
                if (p.equals(resolved)) {
                    logicalIds.put(p, logical);
                }
            });
            return resolved;
        }
        String logical = value.contains(".") ? value.substring(0, value.indexOf('.')) : value;
        if (!template.resources().has(logical)) {
            return value;
        }
        String p = physical.getOrDefault(value, physical.get(logical));
        if (p == null) {
            String type = template.resources().path(logical).path("Type").asText();
            if (moto == null && (type.equals(SamTemplate.STATE_MACHINE) || type.equals("AWS::SecretsManager::Secret"))) {
                Assumptions.abort(f.logicalId() + " needs " + logical + " (" + type + "): " + motoMissing);
            }
            // a resource the functions only name (no stand-in needed): an ARN naming its logical id
            p = "arn:aws:" + type.split("::")[1].toLowerCase(Locale.ROOT) + ":" + REGION + ":" + ACCOUNT + ":" + logical;
        }
        logicalIds.put(p, logical);
        logicalIds.put(logical, logical);
        return p;
    }

    /** {@code ${AWS::...}} pseudo parameters of the stand-in stack. */
    private static String substitute(String text) {
        return text.replace("${AWS::Partition}", "aws").replace("${AWS::Region}", REGION)
                .replace("${AWS::AccountId}", ACCOUNT).replace("${AWS::StackName}", STACK);
    }

    /** The seeded world's name of the table {@code logicalId} (NumbersTable -> TableNames.numbers()). */
    private static String tableName(TableNames tables, String logicalId) {
        String component = logicalId.replaceFirst("Table$", "");
        for (RecordComponent rc : TableNames.class.getRecordComponents()) {
            if (rc.getName().equalsIgnoreCase(component)) {
                try {
                    return (String) rc.getAccessor().invoke(tables);
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        throw new AssertionError("table " + logicalId + " has no field in TableNames: the stand-ins cannot give it a name");
    }

    /** A client of the DynamoDB Local server (seeding and checks). */
    public DynamoDbClient dynamoClient() {
        return client(DynamoDbClient.builder(), dynamoEndpoint);
    }

    public URI dynamoEndpoint() {
        return dynamoEndpoint;
    }

    private static <B extends software.amazon.awssdk.awscore.client.builder.AwsClientBuilder<B, C>
            & software.amazon.awssdk.core.client.builder.SdkSyncClientBuilder<B, C>, C> C client(B builder, URI endpoint) {
        return builder.endpointOverride(endpoint).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("seed", "seed")))
                .httpClient(UrlConnectionHttpClient.create()).build();
    }

    @Override
    public void close() {
        if (api != null) {
            api.stop(0);
        }
        if (moto != null) {
            moto.close();
        }
        if (sqs != null) {
            sqs.stopAndWait();
        }
        try {
            if (dynamo != null) {
                dynamo.stop();
            }
        } catch (Exception e) {
            throw new IllegalStateException("cannot stop DynamoDB Local", e);
        }
    }

    private static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
