package com.carrier.numbers.local;

import com.carrier.numbers.local.TemplateQueues.QueueEventDef;
import com.carrier.numbers.local.TemplateQueues.QueueVariable;
import com.carrier.numbers.local.TemplateRoutes.FunctionDef;
import com.carrier.numbers.template.SamTemplate;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import org.elasticmq.rest.sqs.SQSRestServer;
import org.elasticmq.rest.sqs.SQSRestServerBuilder;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * SQS in this JVM: ElasticMQ on 127.0.0.1 and a free port, with every queue of the template (dead-letter
 * queues first, so a redrive policy can name its target), the queue references of the functions'
 * environment resolved to the local queues, and one {@link SqsEventSourceMapping} per {@code SQS} event.
 */
public final class LocalSqs implements AutoCloseable {
    /** The variable the platform's SQS adapter reads for its endpoint, like DYNAMODB_ENDPOINT. */
    public static final String ENDPOINT_VARIABLE = "SQS_ENDPOINT";

    /** A created queue: what {@code !Ref Q} ({@code url}), {@code !GetAtt Q.Arn} and {@code !GetAtt Q.QueueName} give. */
    public record Queue(SamTemplate.Queue definition, String url, String arn) {
        public String name() {
            return definition.queueName();
        }
    }

    private final SQSRestServer server;
    private final URI endpoint;
    private final SqsClient client;
    private final Map<String, Queue> queues;
    private final Map<String, String> environment;
    private final Map<String, String> replacedProperties = new HashMap<>();
    private final List<QueueEventDef> eventDefs;
    private final List<SqsEventSourceMapping> mappings = new CopyOnWriteArrayList<>();
    private volatile boolean closed;

    private LocalSqs(SQSRestServer server, URI endpoint, SqsClient client, Map<String, Queue> queues,
                     Map<String, String> environment, List<QueueEventDef> eventDefs) {
        this.server = server;
        this.endpoint = endpoint;
        this.client = client;
        this.queues = queues;
        this.environment = environment;
        this.eventDefs = eventDefs;
    }

    /**
     * For the local runtime: null when the template has no queue; else ElasticMQ with the queues, and
     * the environment applied (before the domain and the handlers are built, which read it).
     */
    static LocalSqs startIfAny(Path template) {
        TemplateQueues queues = TemplateQueues.read(template);
        if (queues.isEmpty()) {
            return null;
        }
        LocalSqs sqs = start(queues);
        sqs.applyEnvironment();
        return sqs;
    }

    /** Starts ElasticMQ and creates the template's queues; the pollers start with {@link #startPolling}. */
    public static LocalSqs start(TemplateQueues template) {
        SQSRestServer server = SQSRestServerBuilder.withInterface("127.0.0.1").withDynamicPort()
                .withAWSRegion(LambdaContext.REGION).withAWSAccountId(LambdaContext.ACCOUNT).start();
        SqsClient client = null;
        try {
            int port = server.waitUntilStarted().localAddress().getPort();
            URI endpoint = URI.create("http://127.0.0.1:" + port);
            client = client(endpoint);
            Map<String, Queue> queues = new LinkedHashMap<>();
            for (SamTemplate.Queue def : template.queues()) {
                queues.put(def.logicalId(), create(client, def, queues));
            }
            Map<String, String> env = new LinkedHashMap<>();
            env.put(ENDPOINT_VARIABLE, endpoint.toString());
            Map<String, String> setBy = new HashMap<>();
            for (QueueVariable v : template.variables()) {
                String value = resolve(v.value(), queues);
                String previous = env.put(v.name(), value);
                // One JVM, one set of system properties: two functions cannot see different values under one name.
                if (previous != null && !previous.equals(value)) {
                    throw new IllegalStateException("environment variable " + v.name() + " is " + previous + " for "
                            + setBy.get(v.name()) + " but " + value + " for " + v.function()
                            + ": the local runtime runs every function in one JVM, so give them different names");
                }
                setBy.put(v.name(), v.function());
            }
            return new LocalSqs(server, endpoint, client, queues, Map.copyOf(env), template.events());
        } catch (RuntimeException e) {
            if (client != null) {
                client.close();
            }
            server.stopAndWait();
            throw e;
        }
    }

    /** An SDK client for a local ElasticMQ endpoint (any credentials do). */
    public static SqsClient client(URI endpoint) {
        return SqsClient.builder().endpointOverride(endpoint).region(Region.of(LambdaContext.REGION))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .httpClient(UrlConnectionHttpClient.create())
                .build();
    }

    private static Queue create(SqsClient client, SamTemplate.Queue def, Map<String, Queue> created) {
        Map<QueueAttributeName, String> attributes = new LinkedHashMap<>();
        attributes.put(QueueAttributeName.VISIBILITY_TIMEOUT, Integer.toString(def.visibilityTimeoutSeconds()));
        attributes.put(QueueAttributeName.MESSAGE_RETENTION_PERIOD, Integer.toString(def.messageRetentionSeconds()));
        attributes.put(QueueAttributeName.DELAY_SECONDS, Integer.toString(def.delaySeconds()));
        if (def.fifo()) {
            attributes.put(QueueAttributeName.FIFO_QUEUE, "true");
            attributes.put(QueueAttributeName.CONTENT_BASED_DEDUPLICATION, Boolean.toString(def.contentBasedDeduplication()));
        }
        if (def.deadLetterQueue() != null) {
            attributes.put(QueueAttributeName.REDRIVE_POLICY, "{\"deadLetterTargetArn\":\"" + created.get(def.deadLetterQueue()).arn()
                    + "\",\"maxReceiveCount\":" + def.maxReceiveCount() + "}");
        }
        String url = client.createQueue(b -> b.queueName(def.queueName()).attributes(attributes)).queueUrl();
        String arn = client.getQueueAttributes(b -> b.queueUrl(url).attributeNames(QueueAttributeName.QUEUE_ARN))
                .attributes().get(QueueAttributeName.QUEUE_ARN);
        return new Queue(def, url, arn);
    }

    /** A template value that references a queue, as the deployed stack would resolve it. */
    static String resolve(String value, Map<String, Queue> queues) {
        int dot = value.indexOf('.');
        Queue ref = queues.get(dot < 0 ? value : value.substring(0, dot));
        if (ref != null) {
            return attribute(ref, dot < 0 ? null : value.substring(dot + 1)); // "Q" (!Ref) or "Q.Arn" (!GetAtt)
        }
        String s = value;
        for (Queue q : queues.values()) {
            String id = q.definition().logicalId();
            s = s.replace("${" + id + "}", q.url());
            for (String att : List.of("Arn", "QueueName", "QueueUrl")) {
                s = s.replace("${" + id + "." + att + "}", attribute(q, att));
            }
        }
        return s;
    }

    private static String attribute(Queue q, String attribute) {
        if (attribute == null || attribute.equals("QueueUrl")) {
            return q.url(); // !Ref of a queue is its URL
        }
        return switch (attribute) {
            case "Arn" -> q.arn();
            case "QueueName" -> q.name();
            default -> throw new IllegalStateException(q.definition().logicalId() + " has no attribute " + attribute);
        };
    }

    /**
     * Hands the resolved variables (queue URLs, ARNs, names and SQS_ENDPOINT) to the handlers as the
     * system properties {@code Env.get} reads; {@link #close} puts the previous values back.
     */
    public void applyEnvironment() {
        environment.forEach((name, value) -> {
            String previous = System.setProperty(name, value);
            replacedProperties.putIfAbsent(name, previous);
        });
    }

    /** Starts one poller per enabled SQS event; {@code functions} gives the warm handler of a logical id. */
    public synchronized void startPolling(Function<String, LambdaFunction> functions) {
        ObjectMapper json = new ObjectMapper();
        for (QueueEventDef e : eventDefs) {
            if (!e.enabled()) {
                continue;
            }
            LambdaFunction fn = functions.apply(e.function().logicalId());
            SqsEventSourceMapping m = new SqsEventSourceMapping(e, queues.get(e.queue()), fn, client, json);
            mappings.add(m);
            m.start();
        }
    }

    /** The functions that SQS events invoke (their handlers are loaded with the others). */
    public List<FunctionDef> functions() {
        return eventDefs.stream().map(QueueEventDef::function).distinct().toList();
    }

    /** One line for the runtime's start-up banner. */
    public String describe() {
        StringBuilder sb = new StringBuilder("SQS (ElasticMQ) on " + endpoint + ": " + queues.size() + " queues");
        for (SqsEventSourceMapping m : mappings) {
            QueueEventDef d = m.definition();
            sb.append(String.format("%n  %s -> %s (batch %d, window %d s, %d concurrent batches%s)", m.queue().name(),
                    d.function().logicalId(), d.batchSize(), d.maximumBatchingWindowSeconds(), m.concurrency(),
                    d.reportBatchItemFailures() ? ", partial batch failures" : ""));
        }
        return sb.toString();
    }

    public URI endpoint() {
        return endpoint;
    }

    /** An SDK client on ElasticMQ (tests and benchmarks send and inspect messages with it). */
    public SqsClient client() {
        return client;
    }

    /** The queue of a logical id of the template. */
    public Queue queue(String logicalId) {
        Queue q = queues.get(logicalId);
        if (q == null) {
            throw new IllegalArgumentException("no queue " + logicalId + " in the template (have " + queues.keySet() + ")");
        }
        return q;
    }

    public Map<String, Queue> queues() {
        return queues;
    }

    /** The variables given to the handlers: name to resolved value. */
    public Map<String, String> environment() {
        return environment;
    }

    public List<SqsEventSourceMapping> mappings() {
        return List.copyOf(mappings);
    }

    /** Visible, in-flight and delayed messages of a queue, as SQS counts them. */
    public int messages(String logicalId) {
        Map<QueueAttributeName, String> a = client.getQueueAttributes(b -> b.queueUrl(queue(logicalId).url()).attributeNames(
                QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES, QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE,
                QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_DELAYED)).attributes();
        return Integer.parseInt(a.getOrDefault(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES, "0"))
                + Integer.parseInt(a.getOrDefault(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE, "0"))
                + Integer.parseInt(a.getOrDefault(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_DELAYED, "0"));
    }

    /**
     * Waits until a queue holds no message (visible, in flight or delayed) and no batch of it is being
     * handled: every message was handled or moved to the dead-letter queue. False on timeout.
     */
    public boolean awaitDrained(String logicalId, Duration timeout) throws InterruptedException {
        queue(logicalId);
        long deadline = System.nanoTime() + timeout.toNanos();
        int quiet = 0;
        while (System.nanoTime() < deadline) {
            // Twice in a row, so a batch between its receive and the in-flight count is not missed.
            quiet = inFlight(logicalId) == 0 && messages(logicalId) == 0 && inFlight(logicalId) == 0 ? quiet + 1 : 0;
            if (quiet >= 2) {
                return true;
            }
            Thread.sleep(20);
        }
        return false;
    }

    /** Waits until every queue that feeds a function is drained (see {@link #awaitDrained}). */
    public boolean awaitIdle(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        for (SqsEventSourceMapping m : mappings()) {
            Duration left = Duration.ofNanos(deadline - System.nanoTime());
            if (left.isNegative() || !awaitDrained(m.queue().definition().logicalId(), left)) {
                return false;
            }
        }
        return true;
    }

    private int inFlight(String logicalId) {
        int n = 0;
        for (SqsEventSourceMapping m : mappings) {
            if (m.queue().definition().logicalId().equals(logicalId)) {
                n += m.batchesInFlight();
            }
        }
        return n;
    }

    /** Stops the pollers (batches being handled finish), ElasticMQ, and restores the system properties. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        for (SqsEventSourceMapping m : mappings) {
            m.stop();
        }
        for (SqsEventSourceMapping m : mappings) {
            m.awaitStopped(Duration.ofSeconds(10));
        }
        client.close();
        server.stopAndWait();
        replacedProperties.forEach((name, previous) -> {
            if (previous == null) {
                System.clearProperty(name);
            } else {
                System.setProperty(name, previous);
            }
        });
    }
}
