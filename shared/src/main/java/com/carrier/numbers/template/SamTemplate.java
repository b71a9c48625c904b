package com.carrier.numbers.template;

import com.carrier.numbers.TableNames;
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
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one reader of template.yaml: the local runtime (routes, authorizer), the table schemas and the
 * tests all ask this class, so none of them can read the template differently from the others.
 *
 * <p>The YAML is parsed once with Jackson. CloudFormation's short tags read as their plain argument
 * text: {@code !Ref NumbersTable} is {@code "NumbersTable"}, {@code !GetAtt X.Arn} is {@code "X.Arn"},
 * {@code !Sub "${T.Arn}/index/I"} is {@code "${T.Arn}/index/I"}; that is all a reference needs to be
 * followed to the resource it names.
 *
 * <p>Adding a resource kind (a state machine, a queue) is one method over {@link #resourcesOfType}
 * and, if it needs one, a record; functions that such a resource invokes get a {@link Kind} from
 * their event type in {@link #functions()}.
 *
 * <p>Only the local runtime and tests read the template (jackson-dataformat-yaml is optional in
 * {@code shared} and not in the Lambda jar).
 */
public final class SamTemplate {

    public static final String FUNCTION = "AWS::Serverless::Function";
    public static final String HTTP_API = "AWS::Serverless::HttpApi";
    public static final String TABLE = "AWS::DynamoDB::Table";
    public static final String STATE_MACHINE = "AWS::Serverless::StateMachine";
    public static final String QUEUE = "AWS::SQS::Queue";
    /** Where a QueueName uses {@code ${AWS::StackName}}, the local stand-in for the stack's name. */
    public static final String LOCAL_STACK_NAME = "numbers-local";

    /** What invokes a function, which fixes its input type. */
    public enum Kind { HTTP_API, AUTHORIZER, SCHEDULE, SQS, OTHER }

    /** Any resource of the template: logical id, type and its Properties. */
    public record Resource(String logicalId, String type, JsonNode properties) {
    }

    /** One event source of a function ({@code Events:} entry): name, type ({@code HttpApi}, {@code SQS}, ...), properties. */
    public record Event(String name, String type, JsonNode properties) {
    }

    /** One HTTP API route; {@code authorized} is false for {@code Auth: {Authorizer: NONE}} or an API without authorizer. */
    public record Route(String method, String path, boolean authorized) {
        public Route(String method, String path) {
            this(method, path, true);
        }

        public String routeKey() {
            return method + " " + path;
        }

        /** The {name} parameters of the path, in order. */
        public List<String> parameters() {
            List<String> out = new ArrayList<>();
            Matcher m = Pattern.compile("\\{([^}]+)}").matcher(path);
            while (m.find()) {
                out.add(m.group(1));
            }
            return out;
        }

        /** Matches a concrete path the way API Gateway does: a {param} is one non-empty segment. */
        public Pattern pathPattern() {
            StringBuilder re = new StringBuilder();
            for (String part : path.split("(?=\\{)|(?<=})")) {
                re.append(part.startsWith("{") ? "([^/]+)" : Pattern.quote(part));
            }
            return Pattern.compile(re.toString());
        }
    }

    /**
     * One AWS::Serverless::Function: its handler, timeout (Globals applied), environment (Globals
     * merged with its own, its own winning), policies, events and the HTTP routes among them.
     */
    public record Function(String logicalId, String handler, Kind kind, int timeoutSeconds, Map<String, String> environment,
                           JsonNode policies, List<Event> events, List<Route> routes, JsonNode properties) {
        /** Lambda's default method is handleRequest when the Handler names only a class. */
        public String handlerClass() {
            int i = handler.indexOf("::");
            return i < 0 ? handler : handler.substring(0, i);
        }

        public String handlerMethod() {
            int i = handler.indexOf("::");
            return i < 0 ? "handleRequest" : handler.substring(i + 2);
        }
    }

    /** The HTTP API's default Lambda authorizer: identity-source headers (lower-cased), result cache TTL (0 = no cache). */
    public record Authorizer(String name, String functionLogicalId, List<String> identityHeaders, int ttlSeconds) {
    }

    /**
     * One AWS::Serverless::StateMachine: its definition file ({@code DefinitionUri}, resolved against
     * the template's folder; null for an inline {@code Definition}) or inline definition, and its
     * {@code DefinitionSubstitutions} as written ({@code !GetAtt Fn.Arn} reads {@code "Fn.Arn"}).
     */
    public record StateMachine(String logicalId, Path definitionUri, JsonNode inlineDefinition,
                               Map<String, JsonNode> substitutions, JsonNode properties) {
    }

    /**
     * An AWS::SQS::Queue with CloudFormation's defaults where a property is absent. {@code queueName} is
     * QueueName when it resolves outside a stack, else the logical id (".fifo" added for FIFO, as SQS
     * requires); {@code deadLetterQueue} the logical id its RedrivePolicy names (null without one).
     */
    public record Queue(String logicalId, String queueName, boolean fifo, boolean contentBasedDeduplication,
                        int visibilityTimeoutSeconds, int messageRetentionSeconds, int delaySeconds,
                        String deadLetterQueue, int maxReceiveCount) {
    }

    /**
     * An {@code SQS} event of a function (Lambda's event source mapping) with SAM's defaults:
     * BatchSize 10, no batching window; {@code maximumConcurrency} is ScalingConfig.MaximumConcurrency, 0 when absent.
     */
    public record QueueEvent(String name, String functionLogicalId, String queue, int batchSize,
                             int maximumBatchingWindowSeconds, boolean reportBatchItemFailures,
                             int maximumConcurrency, boolean enabled) {
    }

    private final Path file;
    private final JsonNode root;

    private SamTemplate(Path file, JsonNode root) {
        this.file = file;
        this.root = root;
    }

    /** The repository's template.yaml (found from the working directory, e.g. a module folder). */
    public static SamTemplate load() {
        return load(find());
    }

    public static SamTemplate load(Path file) {
        try {
            return new SamTemplate(file, new ObjectMapper(new YAMLFactory()).readTree(Files.readString(file)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /** Finds template.yaml in the working directory or one of its parents (tests run in module folders). */
    public static Path find() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null) {
            Path candidate = dir.resolve("template.yaml");
            if (Files.exists(candidate)) {
                return candidate;
            }
            dir = dir.getParent();
        }
        throw new IllegalStateException("template.yaml not found above " + Path.of("").toAbsolutePath());
    }

    public Path file() {
        return file;
    }

    /** The repository root (the template's folder). */
    public Path root() {
        return file.toAbsolutePath().getParent();
    }

    /** The whole template, for checks no method here answers. */
    public JsonNode json() {
        return root;
    }

    /** The {@code Resources} section. */
    public JsonNode resources() {
        return root.path("Resources");
    }

    /** {@code Globals.Function}. */
    public JsonNode functionGlobals() {
        return root.path("Globals").path("Function");
    }

    /** Every resource of one CloudFormation/SAM type, in template order. */
    public List<Resource> resourcesOfType(String type) {
        List<Resource> out = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = resources().fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (type.equals(e.getValue().path("Type").asText())) {
                out.add(new Resource(e.getKey(), type, e.getValue().path("Properties")));
            }
        }
        return out;
    }

    /** The DynamoDB tables: logical id -> Properties (keys, GSIs, TTL). */
    public Map<String, JsonNode> tables() {
        Map<String, JsonNode> out = new LinkedHashMap<>();
        resourcesOfType(TABLE).forEach(r -> out.put(r.logicalId(), r.properties()));
        return out;
    }

    /** The state machines, in template order. */
    public List<StateMachine> stateMachines() {
        List<StateMachine> out = new ArrayList<>();
        for (Resource r : resourcesOfType(STATE_MACHINE)) {
            JsonNode p = r.properties();
            Path uri = p.hasNonNull("DefinitionUri") ? root().resolve(p.get("DefinitionUri").asText()) : null;
            JsonNode inline = p.hasNonNull("Definition") ? p.get("Definition") : null;
            if (uri == null && inline == null) {
                throw new IllegalStateException(r.logicalId() + " has neither DefinitionUri nor Definition");
            }
            Map<String, JsonNode> subs = new LinkedHashMap<>();
            p.path("DefinitionSubstitutions").fields().forEachRemaining(e -> subs.put(e.getKey(), e.getValue()));
            out.add(new StateMachine(r.logicalId(), uri, inline, java.util.Collections.unmodifiableMap(subs), p));
        }
        return out;
    }

    /**
     * The table names the local runtime and tests use, read from template.yaml: each table variable
     * of {@code Globals.Function.Environment} must name ({@code !Ref}) a table of the template, which
     * is then called by its logical id without "Table" ({@code NumbersTable} -> {@code Numbers}).
     * A variable that is missing (a typo) or names no table fails here, naming it.
     */
    public TableNames localTableNames() {
        JsonNode variables = functionGlobals().path("Environment").path("Variables");
        Map<String, JsonNode> tables = tables();
        return TableNames.from(variable -> {
            String ref = variables.path(variable).asText(null);
            if (ref != null && !tables.containsKey(ref)) {
                throw new IllegalStateException("template.yaml: " + variable + " names no table of the template: " + ref);
            }
            return ref == null ? null : ref.replaceFirst("Table$", "");
        });
    }

    /** The jar every function deploys (Globals CodeUri), resolved against the repository root. */
    public Path codeUri() {
        String uri = functionGlobals().path("CodeUri").asText();
        if (uri.isEmpty()) {
            throw new IllegalStateException("template.yaml has no Globals.Function.CodeUri");
        }
        return root().resolve(uri);
    }

    /** The HTTP API's default authorizer, if it has one. */
    public Optional<Authorizer> authorizer() {
        for (Resource api : resourcesOfType(HTTP_API)) {
            JsonNode auth = api.properties().path("Auth");
            String name = auth.path("DefaultAuthorizer").asText(null);
            if (name == null) {
                continue;
            }
            JsonNode def = auth.path("Authorizers").path(name);
            String logicalId = functionOf(def.path("FunctionArn").asText());
            if (!FUNCTION.equals(resources().path(logicalId).path("Type").asText())) {
                throw new IllegalStateException("authorizer " + name + " names no function of the template: " + logicalId);
            }
            List<String> headers = new ArrayList<>();
            def.path("Identity").path("Headers").forEach(h -> headers.add(h.asText().toLowerCase(Locale.ROOT)));
            // SAM's default for a Lambda authorizer's cache is 300 s; 0 disables it.
            int ttl = def.path("Identity").path("ReauthorizeEvery").asInt(300);
            return Optional.of(new Authorizer(name, logicalId, List.copyOf(headers), ttl));
        }
        return Optional.empty();
    }

    /** Every AWS::Serverless::Function, in template order. */
    public List<Function> functions() {
        String authorizerFunction = authorizer().map(Authorizer::functionLogicalId).orElse(null);
        JsonNode globals = functionGlobals();
        int defaultTimeout = globals.path("Timeout").asInt(3); // Lambda's default is 3 s
        List<Function> out = new ArrayList<>();
        for (Resource r : resourcesOfType(FUNCTION)) {
            JsonNode props = r.properties();
            String handler = props.path("Handler").asText(null);
            if (handler == null) {
                throw new IllegalStateException(r.logicalId() + " has no Handler");
            }
            Map<String, String> environment = new LinkedHashMap<>();
            globals.path("Environment").path("Variables").fields().forEachRemaining(v -> environment.put(v.getKey(), v.getValue().asText()));
            props.path("Environment").path("Variables").fields().forEachRemaining(v -> environment.put(v.getKey(), v.getValue().asText()));

            List<Event> events = new ArrayList<>();
            List<Route> routes = new ArrayList<>();
            Kind kind = r.logicalId().equals(authorizerFunction) ? Kind.AUTHORIZER : null;
            for (Iterator<Map.Entry<String, JsonNode>> it = props.path("Events").fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                String type = e.getValue().path("Type").asText();
                JsonNode p = e.getValue().path("Properties");
                events.add(new Event(e.getKey(), type, p));
                switch (type) {
                    case "HttpApi" -> {
                        boolean authorized = authorizerFunction != null && !"NONE".equals(p.path("Auth").path("Authorizer").asText());
                        routes.add(new Route(p.path("Method").asText("ANY").toUpperCase(Locale.ROOT), p.path("Path").asText("$default"), authorized));
                        kind = Kind.HTTP_API;
                    }
                    case "ScheduleV2", "Schedule" -> kind = Kind.SCHEDULE;
                    case "SQS" -> kind = Kind.SQS;
                    default -> { }
                }
            }
            out.add(new Function(r.logicalId(), handler, kind == null ? Kind.OTHER : kind,
                    props.path("Timeout").asInt(defaultTimeout), java.util.Collections.unmodifiableMap(environment), props.path("Policies"),
                    List.copyOf(events), List.copyOf(routes), props));
        }
        return out;
    }

    public Function function(String logicalId) {
        return functions().stream().filter(f -> f.logicalId().equals(logicalId)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("template.yaml has no function " + logicalId));
    }

    /** Every HTTP API route of the template, keyed "METHOD /path", with the function serving it. */
    public Map<String, String> routes() {
        Map<String, String> out = new LinkedHashMap<>();
        for (Function f : functions()) {
            for (Route r : f.routes()) {
                String previous = out.put(r.routeKey(), f.logicalId());
                if (previous != null) {
                    throw new IllegalStateException(r.routeKey() + " is served by both " + previous + " and " + f.logicalId());
                }
            }
        }
        return out;
    }

    /** Every AWS::SQS::Queue, dead-letter queues before the queues that redrive to them. */
    public List<Queue> queues() {
        Map<String, Queue> byId = new LinkedHashMap<>();
        for (Resource r : resourcesOfType(QUEUE)) {
            byId.put(r.logicalId(), queue(r.logicalId(), r.properties()));
        }
        List<Queue> ordered = new ArrayList<>();
        for (Queue q : byId.values()) {
            addDeadLetterFirst(q, byId, ordered, new ArrayList<>());
        }
        return List.copyOf(ordered);
    }

    /** Every {@code SQS} event of every function, in template order; each names a queue of the template. */
    public List<QueueEvent> queueEvents() {
        List<String> queues = resourcesOfType(QUEUE).stream().map(Resource::logicalId).toList();
        List<QueueEvent> out = new ArrayList<>();
        for (Function f : functions()) {
            for (Event e : f.events()) {
                if (!"SQS".equals(e.type())) {
                    continue;
                }
                JsonNode p = e.properties();
                String[] ref = reference(p.path("Queue"));
                if (ref == null || !queues.contains(ref[0])) {
                    throw new IllegalStateException(f.logicalId() + " event " + e.name() + ": Queue names no queue of the template: " + p.path("Queue"));
                }
                boolean reportFailures = false;
                for (JsonNode t : p.path("FunctionResponseTypes")) {
                    reportFailures |= "ReportBatchItemFailures".equals(t.asText());
                }
                out.add(new QueueEvent(e.name(), f.logicalId(), ref[0], p.path("BatchSize").asInt(10),
                        p.path("MaximumBatchingWindowInSeconds").asInt(0), reportFailures,
                        p.path("ScalingConfig").path("MaximumConcurrency").asInt(0), p.path("Enabled").asBoolean(true)));
            }
        }
        return out;
    }

    /**
     * {@code [logicalId, attribute]} of a reference: {@code "Q"} / {@code Ref: Q} (attribute null),
     * {@code "Q.Arn"}, {@code [Q, Arn]}, {@code Fn::GetAtt: [Q, Arn]} or {@code Fn::GetAtt: Q.Arn}; null otherwise.
     */
    public static String[] reference(JsonNode v) {
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
            String t = v.asText();
            int dot = t.indexOf('.');
            return dot < 0 ? new String[]{t, null} : new String[]{t.substring(0, dot), t.substring(dot + 1)};
        }
        return null;
    }

    private static Queue queue(String logicalId, JsonNode p) {
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
        return new Queue(logicalId, name, fifo, p.path("ContentBasedDeduplication").asBoolean(false),
                p.path("VisibilityTimeout").asInt(30), p.path("MessageRetentionPeriod").asInt(345_600),
                p.path("DelaySeconds").asInt(0), dlq, maxReceiveCount);
    }

    private static void addDeadLetterFirst(Queue q, Map<String, Queue> byId, List<Queue> ordered, List<String> path) {
        if (ordered.contains(q)) {
            return;
        }
        if (path.contains(q.logicalId())) {
            throw new IllegalStateException("redrive policies form a cycle: " + path);
        }
        path.add(q.logicalId());
        if (q.deadLetterQueue() != null) {
            Queue dlq = byId.get(q.deadLetterQueue());
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

    /** {@code X.Arn} ({@code !GetAtt}) or {@code X.Alias} ({@code !Ref X.Alias}, the SnapStart alias) -> {@code X}. */
    private static String functionOf(String reference) {
        return reference.replaceFirst("\\.(Arn|Alias)$", "");
    }
}
