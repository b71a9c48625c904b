package com.carrier.numbers.template;

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

    /** {@code X.Arn} ({@code !GetAtt}) or {@code X.Alias} ({@code !Ref X.Alias}, the SnapStart alias) -> {@code X}. */
    private static String functionOf(String reference) {
        return reference.replaceFirst("\\.(Arn|Alias)$", "");
    }
}
