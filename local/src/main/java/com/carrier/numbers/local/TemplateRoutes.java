package com.carrier.numbers.local;

import com.carrier.numbers.template.SamTemplate;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The HTTP API as template.yaml declares it: every function's {@code HttpApi} events (method, path,
 * handler) and the API's default Lambda authorizer, as {@link SamTemplate} reads them. Nothing about
 * routes is written in Java, so the local runtime cannot drift from what SAM deploys.
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
        return of(SamTemplate.load(template));
    }

    /** The routes and authorizer of {@code template}, in the local runtime's terms. */
    public static TemplateRoutes of(SamTemplate template) {
        Map<String, FunctionDef> functions = new LinkedHashMap<>();
        List<RouteDef> routes = new ArrayList<>();
        for (SamTemplate.Function f : template.functions()) {
            FunctionDef function = new FunctionDef(f.logicalId(), f.handler(), f.timeoutSeconds());
            functions.put(f.logicalId(), function);
            for (SamTemplate.Route r : f.routes()) {
                routes.add(new RouteDef(r.method(), r.path(), function, r.authorized()));
            }
        }
        AuthorizerDef authorizer = template.authorizer()
                .map(a -> new AuthorizerDef(a.name(), functions.get(a.functionLogicalId()), a.identityHeaders(), a.ttlSeconds()))
                .orElse(null);
        return new TemplateRoutes(routes, authorizer);
    }
}
