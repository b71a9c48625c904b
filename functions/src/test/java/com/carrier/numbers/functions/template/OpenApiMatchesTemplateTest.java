package com.carrier.numbers.functions.template;

import com.carrier.numbers.template.SamTemplate;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.nio.file.Files;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * openapi.yaml documents exactly the HTTP API of template.yaml: the same (method, path) pairs,
 * each operation named after the function serving it, its path parameters declared, and a 401 in
 * the route's response family (crossbar for /v2/phone_numbers and /v2/accounts/{id}/phone_numbers...).
 */
class OpenApiMatchesTemplateTest {
    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options");

    private static SamTemplate template;
    private static JsonNode openapi;

    @BeforeAll
    static void read() throws Exception {
        template = SamTemplate.load();
        openapi = new ObjectMapper(new YAMLFactory()).readTree(Files.readString(template.root().resolve("openapi.yaml")));
    }

    /** "METHOD /path" -> the operation, for every operation of openapi.yaml. */
    private static Map<String, JsonNode> operations() {
        Map<String, JsonNode> out = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> paths = openapi.path("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            for (Iterator<Map.Entry<String, JsonNode>> ops = path.getValue().fields(); ops.hasNext(); ) {
                Map.Entry<String, JsonNode> op = ops.next();
                if (METHODS.contains(op.getKey())) {
                    out.put(op.getKey().toUpperCase() + " " + path.getKey(), op.getValue());
                }
            }
        }
        return out;
    }

    @Test
    void isOpenApi303() {
        assertThat(openapi.path("openapi").asText()).isEqualTo("3.0.3");
        assertThat(openapi.path("components").path("securitySchemes").path("AuthToken").path("name").asText())
                .isEqualTo("X-Auth-Token");
    }

    @Test
    void routesAreExactlyTheTemplatesHttpApiRoutes() {
        assertThat(operations().keySet()).as("(method, path) of openapi.yaml vs HttpApi events of template.yaml")
                .containsExactlyInAnyOrderElementsOf(template.routes().keySet());
    }

    @Test
    void eachOperationIsNamedAfterItsFunctionDeclaresItsPathParametersAndAnswers401InItsFamily() {
        Map<String, String> routes = template.routes();
        SoftAssertions soft = new SoftAssertions();
        operations().forEach((key, op) -> {
            String function = routes.get(key);
            if (function == null) {
                return; // reported by routesAreExactlyTheTemplatesHttpApiRoutes
            }
            soft.assertThat(op.path("operationId").asText()).as("operationId of %s", key)
                    .isEqualTo(function.replaceFirst("Function$", ""));

            String path = key.substring(key.indexOf(' ') + 1);
            Set<String> declared = new HashSet<>();
            List.of(openapi.path("paths").path(path).path("parameters"), op.path("parameters")).forEach(list ->
                    list.forEach(p -> {
                        JsonNode param = resolve(p);
                        if ("path".equals(param.path("in").asText())) {
                            declared.add(param.path("name").asText());
                        }
                    }));
            soft.assertThat(declared).as("path parameters of %s", key)
                    .containsExactlyInAnyOrderElementsOf(new SamTemplate.Route("GET", path).parameters());

            boolean crossbar = path.equals("/v2/phone_numbers") || path.matches("/v2/accounts/\\{account_id}/phone_numbers.*");
            String expected = crossbar ? "#/components/responses/CrossbarUnauthorized" : "#/components/responses/PlatformUnauthorized";
            soft.assertThat(op.path("responses").path("401").path("$ref").asText()).as("401 of %s", key).isEqualTo(expected);
            op.path("responses").fields().forEachRemaining(r -> {
                String ref = r.getValue().path("$ref").asText();
                if (!ref.isEmpty() && !r.getKey().startsWith("2")) {
                    soft.assertThat(ref).as("%s response %s family", key, r.getKey())
                            .startsWith(crossbar ? "#/components/responses/Crossbar" : "#/components/responses/Platform");
                }
            });
        });
        soft.assertAll();
    }

    @Test
    void everyReferenceResolves() {
        List<String> broken = new java.util.ArrayList<>();
        collectRefs(openapi, broken);
        assertThat(broken).as("unresolved $ref").isEmpty();
    }

    private static void collectRefs(JsonNode node, List<String> broken) {
        if (node.isObject()) {
            JsonNode ref = node.get("$ref");
            if (ref != null && resolvePointer(ref.asText()).isMissingNode()) {
                broken.add(ref.asText());
            }
            node.forEach(child -> collectRefs(child, broken));
        } else if (node.isArray()) {
            node.forEach(child -> collectRefs(child, broken));
        }
    }

    private static JsonNode resolve(JsonNode maybeRef) {
        return maybeRef.has("$ref") ? resolvePointer(maybeRef.get("$ref").asText()) : maybeRef;
    }

    private static JsonNode resolvePointer(String ref) {
        return ref.startsWith("#") ? openapi.at(ref.substring(1)) : com.fasterxml.jackson.databind.node.MissingNode.getInstance();
    }
}
