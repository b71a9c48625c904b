package com.carrier.numbers.local;

import com.carrier.numbers.local.TemplateRoutes.FunctionDef;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The queues of template.yaml ({@code AWS::SQS::Queue}), the functions' {@code SQS} events (Lambda's
 * event source mappings) and the function environment variables that point at a queue. Generic over the
 * template: nothing here names a queue of the platform.
 *
 * <p>Like {@link TemplateRoutes}, it relies on Jackson YAML reading {@code !Ref Q} as {@code "Q"} and
 * {@code !GetAtt Q.Arn} as {@code "Q.Arn"}; the long forms ({@code Ref:}, {@code Fn::GetAtt:}) and the
 * list form of {@code !GetAtt} are read too.
 */
public final class TemplateQueues {

    /** The stack name the local runtime stands in for, where a QueueName uses {@code ${AWS::StackName}}. */
    static final String LOCAL_STACK_NAME = "numbers-local";

    /**
     * A queue as its properties declare it (CloudFormation's defaults where absent). {@code queueName}
     * is QueueName when it resolves locally, else the logical id (".fifo" added for FIFO queues, as SQS requires).
     */
    public record QueueDef(String logicalId, String queueName, boolean fifo, boolean contentBasedDeduplication,
                           int visibilityTimeoutSeconds, int messageRetentionSeconds, int delaySeconds,
                           String deadLetterQueue, int maxReceiveCount) {
        public Optional<String> deadLetterQueueId() {
            return Optional.ofNullable(deadLetterQueue);
        }
    }

    /**
     * An {@code SQS} event of a function: Lambda's event source mapping. {@code maximumConcurrency} is
     * ScalingConfig.MaximumConcurrency, 0 when absent.
     */
    public record QueueEventDef(String name, FunctionDef function, String queue, int batchSize,
                                int maximumBatchingWindowSeconds, boolean reportBatchItemFailures,
                                int maximumConcurrency, boolean enabled) {
    }

    /** A function's environment variable whose value references a queue (value as the template reads it). */
    public record QueueVariable(String function, String name, JsonNode value) {
    }

    private final List<QueueDef> queues;
    private final List<QueueEventDef> events;
    private final List<QueueVariable> variables;

    private TemplateQueues(List<QueueDef> queues, List<QueueEventDef> events, List<QueueVariable> variables) {
        this.queues = List.copyOf(queues);
        this.events = List.copyOf(events);
        this.variables = List.copyOf(variables);
    }

    /** Every queue, dead-letter queues before the queues that redrive to them. */
    public List<QueueDef> queues() {
        return queues;
    }

    public List<QueueEventDef> events() {
        return events;
    }

    public List<QueueVariable> variables() {
        return variables;
    }

    public boolean isEmpty() {
        return queues.isEmpty();
    }

    public static TemplateQueues read(Path template) {
        try {
            return parse(new ObjectMapper(new YAMLFactory()).readTree(Files.readString(template)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + template, e);
        }
    }

    static TemplateQueues parse(JsonNode root) {
        JsonNode resources = root.path("Resources");
        int defaultTimeout = root.path("Globals").path("Function").path("Timeout").asInt(3);

        Map<String, QueueDef> byId = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = resources.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> r = it.next();
            if ("AWS::SQS::Queue".equals(r.getValue().path("Type").asText())) {
                byId.put(r.getKey(), queue(r.getKey(), r.getValue().path("Properties")));
            }
        }
        List<QueueDef> ordered = new ArrayList<>();
        for (QueueDef q : byId.values()) {
            addDeadLetterFirst(q, byId, ordered, new ArrayList<>());
        }

        List<QueueEventDef> events = new ArrayList<>();
        List<QueueVariable> variables = new ArrayList<>();
        JsonNode globalVariables = root.path("Globals").path("Function").path("Environment").path("Variables");
        for (Iterator<Map.Entry<String, JsonNode>> it = resources.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> r = it.next();
            if (!"AWS::Serverless::Function".equals(r.getValue().path("Type").asText())) {
                continue;
            }
            String fnId = r.getKey();
            JsonNode props = r.getValue().path("Properties");
            Map<String, JsonNode> env = new LinkedHashMap<>();
            globalVariables.fields().forEachRemaining(e -> env.put(e.getKey(), e.getValue()));
            props.path("Environment").path("Variables").fields().forEachRemaining(e -> env.put(e.getKey(), e.getValue()));
            env.forEach((name, value) -> {
                if (referencesQueue(value, byId)) {
                    variables.add(new QueueVariable(fnId, name, value));
                }
            });

            for (Iterator<Map.Entry<String, JsonNode>> ev = props.path("Events").fields(); ev.hasNext(); ) {
                Map.Entry<String, JsonNode> e = ev.next();
                if (!"SQS".equals(e.getValue().path("Type").asText())) {
                    continue;
                }
                JsonNode p = e.getValue().path("Properties");
                String[] ref = reference(p.path("Queue"));
                if (ref == null || !byId.containsKey(ref[0])) {
                    throw new IllegalStateException(fnId + " event " + e.getKey() + ": Queue names no queue of the template: " + p.path("Queue"));
                }
                QueueDef q = byId.get(ref[0]);
                boolean reportFailures = false;
                for (JsonNode t : p.path("FunctionResponseTypes")) {
                    reportFailures |= "ReportBatchItemFailures".equals(t.asText());
                }
                QueueEventDef def = new QueueEventDef(e.getKey(), TemplateRoutes.function(fnId, r.getValue(), defaultTimeout), q.logicalId(),
                        p.path("BatchSize").asInt(10), p.path("MaximumBatchingWindowInSeconds").asInt(0), reportFailures,
                        p.path("ScalingConfig").path("MaximumConcurrency").asInt(0), p.path("Enabled").asBoolean(true));
                validate(def, q);
                events.add(def);
            }
        }
        return new TemplateQueues(ordered, events, variables);
    }

    /** The checks Lambda makes when the event source mapping is created, so a bad template fails here first. */
    private static void validate(QueueEventDef e, QueueDef q) {
        String where = e.function().logicalId() + " event " + e.name() + ": ";
        if (q.visibilityTimeoutSeconds() < e.function().timeoutSeconds()) {
            throw new IllegalStateException(where + "queue visibility timeout " + q.visibilityTimeoutSeconds()
                    + " s is less than function timeout " + e.function().timeoutSeconds() + " s (Lambda refuses this mapping)");
        }
        int maxBatch = q.fifo() ? 10 : 10_000;
        if (e.batchSize() < 1 || e.batchSize() > maxBatch) {
            throw new IllegalStateException(where + "BatchSize must be 1 to " + maxBatch);
        }
        if (q.fifo() && e.maximumBatchingWindowSeconds() > 0) {
            throw new IllegalStateException(where + "MaximumBatchingWindowInSeconds is not supported for FIFO queues");
        }
        if (e.batchSize() > 10 && e.maximumBatchingWindowSeconds() < 1) {
            throw new IllegalStateException(where + "a BatchSize over 10 needs MaximumBatchingWindowInSeconds of at least 1");
        }
        if (e.maximumBatchingWindowSeconds() < 0 || e.maximumBatchingWindowSeconds() > 300) {
            throw new IllegalStateException(where + "MaximumBatchingWindowInSeconds must be 0 to 300");
        }
        if (e.maximumConcurrency() != 0 && (e.maximumConcurrency() < 2 || e.maximumConcurrency() > 1000)) {
            throw new IllegalStateException(where + "ScalingConfig.MaximumConcurrency must be 2 to 1000");
        }
    }

    private static QueueDef queue(String logicalId, JsonNode p) {
        boolean fifo = p.path("FifoQueue").asBoolean(false);
        String name = p.path("QueueName").isTextual() ? p.path("QueueName").asText().replace("${AWS::StackName}", LOCAL_STACK_NAME) : logicalId;
        if (name.contains("${") || name.isBlank()) {
            name = logicalId; // a substitution only the deployed stack knows
        }
        if (fifo && !name.endsWith(".fifo")) {
            name = name + ".fifo";
        }
        String dlq = null;
        int maxReceiveCount = 0;
        JsonNode redrive = p.path("RedrivePolicy");
        if (redrive.isObject()) {
            String[] target = reference(redrive.path("deadLetterTargetArn"));
            if (target == null) {
                throw new IllegalStateException(logicalId + ": RedrivePolicy.deadLetterTargetArn is not a !GetAtt Queue.Arn of the template");
            }
            dlq = target[0];
            maxReceiveCount = redrive.path("maxReceiveCount").asInt(0);
            if (maxReceiveCount < 1) {
                throw new IllegalStateException(logicalId + ": RedrivePolicy needs a maxReceiveCount of 1 or more");
            }
        }
        // CloudFormation's defaults: 30 s visibility, 4 days' retention, no delay.
        return new QueueDef(logicalId, name, fifo, p.path("ContentBasedDeduplication").asBoolean(false),
                p.path("VisibilityTimeout").asInt(30), p.path("MessageRetentionPeriod").asInt(345_600),
                p.path("DelaySeconds").asInt(0), dlq, maxReceiveCount);
    }

    private static void addDeadLetterFirst(QueueDef q, Map<String, QueueDef> byId, List<QueueDef> ordered, List<String> path) {
        if (ordered.contains(q)) {
            return;
        }
        if (path.contains(q.logicalId())) {
            throw new IllegalStateException("redrive policies form a cycle: " + path);
        }
        path.add(q.logicalId());
        if (q.deadLetterQueue() != null) {
            QueueDef dlq = byId.get(q.deadLetterQueue());
            if (dlq == null) {
                throw new IllegalStateException(q.logicalId() + ": dead-letter queue " + q.deadLetterQueue() + " is not a queue of the template");
            }
            if (dlq.fifo() != q.fifo()) {
                throw new IllegalStateException(q.logicalId() + ": a FIFO queue needs a FIFO dead-letter queue and a standard one a standard one");
            }
            addDeadLetterFirst(dlq, byId, ordered, path);
        }
        ordered.add(q);
    }

    /**
     * {@code [logicalId, attribute]} of a reference: {@code "Q"} / {@code Ref: Q} (attribute null),
     * {@code "Q.Arn"}, {@code [Q, Arn]}, {@code Fn::GetAtt: [Q, Arn]} or {@code Fn::GetAtt: Q.Arn}; null otherwise.
     */
    static String[] reference(JsonNode v) {
        if (v.isObject() && v.has("Ref")) {
            return new String[]{v.get("Ref").asText(), null};
        }
        if (v.isObject() && v.has("Fn::GetAtt")) {
            return reference(v.get("Fn::GetAtt"));
        }
        if (v.isArray() && v.size() == 2) {
            return new String[]{v.get(0).asText(), v.get(1).asText()};
        }
        if (v.isTextual()) {
            String s = v.asText();
            int dot = s.indexOf('.');
            return dot < 0 ? new String[]{s, null} : new String[]{s.substring(0, dot), s.substring(dot + 1)};
        }
        return null;
    }

    private static boolean referencesQueue(JsonNode value, Map<String, QueueDef> queues) {
        String[] ref = reference(value);
        if (ref != null && queues.containsKey(ref[0])) {
            return true;
        }
        // !Sub "...${Q}..." / "${Q.Arn}" reads as its template string
        return value.isTextual() && queues.keySet().stream().anyMatch(id -> value.asText().contains("${" + id + "}")
                || value.asText().contains("${" + id + "."));
    }
}
