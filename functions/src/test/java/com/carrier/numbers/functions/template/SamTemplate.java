package com.carrier.numbers.functions.template;

import com.carrier.numbers.adapter.dynamodb.TableSchemas;
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
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * template.yaml as the tests see it: its functions, their handlers, what invokes them (HTTP API
 * route, authorizer, schedule, queue) and the CodeUri jar. Short-form intrinsics (!Ref, !GetAtt,
 * !Sub) read as their plain argument text, which is all these checks need.
 */
public final class SamTemplate {

    /** What invokes a function, which fixes its input type. */
    public enum Kind { HTTP_API, AUTHORIZER, SCHEDULE, SQS, OTHER }

    /** One HTTP API route: method and path as template.yaml declares them. */
    public record Route(String method, String path) {
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

    /** One AWS::Serverless::Function. */
    public record Function(String logicalId, String handler, Kind kind, List<Route> routes, JsonNode properties) {
        public String handlerClass() {
            return handler.substring(0, handler.indexOf("::"));
        }

        public String handlerMethod() {
            return handler.substring(handler.indexOf("::") + 2);
        }
    }

    private final Path file;
    private final JsonNode root;

    private SamTemplate(Path file, JsonNode root) {
        this.file = file;
        this.root = root;
    }

    /** The repository's template.yaml (found from the module directory the tests run in). */
    public static SamTemplate load() {
        return load(TableSchemas.findTemplate());
    }

    public static SamTemplate load(Path file) {
        try {
            return new SamTemplate(file, new ObjectMapper(new YAMLFactory()).readTree(Files.readString(file)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    public Path file() {
        return file;
    }

    /** The repository root (the template's folder). */
    public Path root() {
        return file.toAbsolutePath().getParent();
    }

    /** The whole template. */
    public JsonNode json() {
        return root;
    }

    public JsonNode resources() {
        return root.path("Resources");
    }

    /** The jar every function deploys (Globals CodeUri), resolved against the repository root. */
    public Path codeUri() {
        String uri = root.path("Globals").path("Function").path("CodeUri").asText();
        if (uri.isEmpty()) {
            throw new IllegalStateException("template.yaml has no Globals.Function.CodeUri");
        }
        return root().resolve(uri);
    }

    public List<Function> functions() {
        List<String> authorizers = new ArrayList<>();
        for (JsonNode r : resources()) {
            if ("AWS::Serverless::HttpApi".equals(r.path("Type").asText())) {
                r.path("Properties").path("Auth").path("Authorizers").forEach(a -> {
                    String arn = a.path("FunctionArn").asText();
                    authorizers.add(arn.replaceFirst("\\.(Arn|Alias)$", ""));
                });
            }
        }
        List<Function> out = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = resources().fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (!"AWS::Serverless::Function".equals(e.getValue().path("Type").asText())) {
                continue;
            }
            JsonNode props = e.getValue().path("Properties");
            List<Route> routes = new ArrayList<>();
            Kind kind = authorizers.contains(e.getKey()) ? Kind.AUTHORIZER : null;
            for (JsonNode event : props.path("Events")) {
                String type = event.path("Type").asText();
                switch (type) {
                    case "HttpApi" -> {
                        routes.add(new Route(event.path("Properties").path("Method").asText().toUpperCase(),
                                event.path("Properties").path("Path").asText()));
                        kind = Kind.HTTP_API;
                    }
                    case "ScheduleV2", "Schedule" -> kind = Kind.SCHEDULE;
                    case "SQS" -> kind = Kind.SQS;
                    default -> { }
                }
            }
            out.add(new Function(e.getKey(), props.path("Handler").asText(), kind == null ? Kind.OTHER : kind,
                    List.copyOf(routes), props));
        }
        return out;
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
}
