package com.carrier.numbers.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The HTTP API as template.yaml declares it: every function's {@code HttpApi} events (method, path,
 * handler) and the API's default Lambda authorizer. Nothing about routes is written in Java, so the
 * local runtime cannot drift from what SAM deploys.
 *
 * <p>Jackson YAML reads the CloudFormation short tags ({@code !GetAtt X.Arn}, {@code !Ref X}) as their
 * plain scalar values, which is all we need to follow references between resources.
 */
public final class TemplateRoutes {

    /** A Lambda function of the template: logical id, {@code class::method}, timeout in seconds. */
    public record FunctionDef(String logicalId, String handler, int timeoutSeconds) {
        public String className() {
            int i = handler.indexOf("::");
            return i < 0 ? handler : handler.substring(0, i);
        }

        /** Lambda's default method name is handleRequest when the Handler names only a class. */
        public String methodName() {
            int i = handler.indexOf("::");
            return i < 0 ? "handleRequest" : handler.substring(i + 2);
        }
    }

    /** One route: {@code GET /v2/numbers/{number_id}} -> function; {@code authorized} false for {@code Auth: {Authorizer: NONE}}. */
    public record RouteDef(String method, String path, FunctionDef function, boolean authorized) {
        public String routeKey() {
            return method + " " + path;
        }
    }

    /** The API's Lambda authorizer: identity-source headers (lower-cased) and result cache TTL (0 = no cache). */
    public record AuthorizerDef(String name, FunctionDef function, List<String> identityHeaders, int ttlSeconds) {
    }

    private final List<RouteDef> routes;
    private final AuthorizerDef authorizer;

    private TemplateRoutes(List<RouteDef> routes, AuthorizerDef authorizer) {
        this.routes = List.copyOf(routes);
        this.authorizer = authorizer;
    }

    public List<RouteDef> routes() {
        return routes;
    }

    public Optional<AuthorizerDef> authorizer() {
        return Optional.ofNullable(authorizer);
    }

    public static TemplateRoutes read(Path template) {
        try {
            return parse(new ObjectMapper(new YAMLFactory()).readTree(Files.readString(template)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + template, e);
        }
    }

    static TemplateRoutes parse(JsonNode root) {
        JsonNode resources = root.path("Resources");
        int defaultTimeout = root.path("Globals").path("Function").path("Timeout").asInt(3); // Lambda's default is 3 s

        AuthorizerDef authorizer = null;
        for (Iterator<Map.Entry<String, JsonNode>> it = resources.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> r = it.next();
            if ("AWS::Serverless::HttpApi".equals(r.getValue().path("Type").asText())) {
                authorizer = defaultAuthorizer(r.getValue().path("Properties").path("Auth"), resources, defaultTimeout);
            }
        }

        List<RouteDef> routes = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = resources.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> r = it.next();
            JsonNode resource = r.getValue();
            if (!"AWS::Serverless::Function".equals(resource.path("Type").asText())) {
                continue;
            }
            FunctionDef function = function(r.getKey(), resource, defaultTimeout);
            for (JsonNode event : resource.path("Properties").path("Events")) {
                if (!"HttpApi".equals(event.path("Type").asText())) {
                    continue;
                }
                JsonNode p = event.path("Properties");
                String method = p.path("Method").asText("ANY").toUpperCase(Locale.ROOT);
                String path = p.path("Path").asText("$default");
                boolean authorized = authorizer != null && !"NONE".equals(p.path("Auth").path("Authorizer").asText());
                routes.add(new RouteDef(method, path, function, authorized));
            }
        }
        return new TemplateRoutes(routes, authorizer);
    }

    private static AuthorizerDef defaultAuthorizer(JsonNode auth, JsonNode resources, int defaultTimeout) {
        String name = auth.path("DefaultAuthorizer").asText(null);
        if (name == null) {
            return null;
        }
        JsonNode def = auth.path("Authorizers").path(name);
        // FunctionArn: !GetAtt AuthorizerFunction.Arn reads as "AuthorizerFunction.Arn",
        // !Ref AuthorizerFunction.Alias (the SnapStart alias) as "AuthorizerFunction.Alias"
        String arn = def.path("FunctionArn").asText();
        String logicalId = arn.replaceFirst("\\.(Arn|Alias)$", "");
        JsonNode fn = resources.path(logicalId);
        if (!"AWS::Serverless::Function".equals(fn.path("Type").asText())) {
            throw new IllegalStateException("authorizer " + name + " names no function of the template: " + arn);
        }
        List<String> headers = new ArrayList<>();
        def.path("Identity").path("Headers").forEach(h -> headers.add(h.asText().toLowerCase(Locale.ROOT)));
        // SAM's default for a Lambda authorizer's cache is 300 s; 0 disables it.
        int ttl = def.path("Identity").path("ReauthorizeEvery").asInt(300);
        return new AuthorizerDef(name, function(logicalId, fn, defaultTimeout), headers, ttl);
    }

    static FunctionDef function(String logicalId, JsonNode resource, int defaultTimeout) {
        JsonNode p = resource.path("Properties");
        String handler = p.path("Handler").asText(null);
        if (handler == null) {
            throw new IllegalStateException(logicalId + " has no Handler");
        }
        return new FunctionDef(logicalId, handler, p.path("Timeout").asInt(defaultTimeout));
    }
}
