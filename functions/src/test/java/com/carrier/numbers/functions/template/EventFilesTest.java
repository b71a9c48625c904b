package com.carrier.numbers.functions.template;

import com.carrier.numbers.template.SamTemplate;
import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2CustomAuthorizerEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import com.fasterxml.jackson.databind.JsonNode;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * events/ cannot rot: every function of template.yaml has events/{LogicalId}.json, it reads as the
 * function's input type with the Lambda runtime's serializers, and it is consistent with the
 * function's route (routeKey, rawPath, path and query parameters, caller identity).
 */
class EventFilesTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** The demo credentials of the local runtime (issue 3): token -> account the authorizer maps it to. */
    private static final Map<String, String> DEMO_TOKENS = Map.of(
            "demo-master-token", "MA_demo", "demo-sub1-token", "SA_demo1", "demo-sub2-token", "SA_demo2",
            "other-master-token", "MA_other", "local-admin-token", "*");

    private final SamTemplate template = SamTemplate.load();

    @Test
    void everyFunctionHasExactlyOneEventFileAndNoFileIsOrphaned() throws IOException {
        Set<String> functions = template.functions().stream().map(SamTemplate.Function::logicalId).collect(Collectors.toSet());
        Set<String> files;
        try (Stream<java.nio.file.Path> s = Files.list(Events.dir())) {
            files = s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".json"))
                    .map(n -> n.substring(0, n.length() - ".json".length())).collect(Collectors.toSet());
        }
        assertThat(files).as("events/*.json vs template.yaml functions").containsExactlyInAnyOrderElementsOf(functions);
    }

    @TestFactory
    Stream<DynamicTest> eachEventReadsAsItsFunctionsInputAndMatchesItsRoute() {
        return template.functions().stream().map(f -> DynamicTest.dynamicTest(f.logicalId() + " (" + f.kind() + ")", () -> {
            assertThat(Events.file(f.logicalId())).as("events/%s.json", f.logicalId()).exists();
            JSON.readTree(Events.json(f.logicalId())); // plain JSON first, for a clear message
            Object event = Events.load(f.logicalId(), Events.inputType(f.kind()));
            assertThat(event).isNotNull();
            switch (f.kind()) {
                case HTTP_API -> checkHttp(f, (APIGatewayV2HTTPEvent) event);
                case AUTHORIZER -> checkAuthorizer((APIGatewayV2CustomAuthorizerEvent) event);
                case SCHEDULE -> checkSchedule((ScheduledEvent) event);
                default -> { }
            }
        }));
    }

    private void checkHttp(SamTemplate.Function f, APIGatewayV2HTTPEvent e) throws IOException {
        SoftAssertions soft = new SoftAssertions();
        SamTemplate.Route route = f.routes().stream().filter(r -> r.routeKey().equals(e.getRouteKey())).findFirst().orElse(null);
        assertThat(route).as("%s routeKey %s is one of its routes %s", f.logicalId(), e.getRouteKey(), f.routes()).isNotNull();
        soft.assertThat(e.getVersion()).isEqualTo("2.0");
        soft.assertThat(e.getRequestContext().getRouteKey()).isEqualTo(route.routeKey());
        soft.assertThat(e.getRequestContext().getHttp().getMethod()).isEqualTo(route.method());
        soft.assertThat(e.getRequestContext().getHttp().getPath()).isEqualTo(e.getRawPath());
        soft.assertThat(e.getRequestContext().getRequestId()).isNotBlank();
        soft.assertThat(e.getRequestContext().getStage()).isEqualTo("$default");
        soft.assertThat(e.getRequestContext().getTime()).isNotBlank();
        soft.assertThat(e.getRequestContext().getTimeEpoch()).isPositive();

        Matcher m = route.pathPattern().matcher(e.getRawPath());
        assertThat(m.matches()).as("%s rawPath %s matches %s", f.logicalId(), e.getRawPath(), route.path()).isTrue();
        Map<String, String> expected = new LinkedHashMap<>();
        List<String> names = route.parameters();
        for (int i = 0; i < names.size(); i++) {
            expected.put(names.get(i), decode(m.group(i + 1)));
        }
        soft.assertThat(e.getPathParameters() == null ? Map.of() : e.getPathParameters())
                .as("pathParameters of %s", f.logicalId()).isEqualTo(expected);

        Map<String, String> query = new TreeMap<>();
        if (!e.getRawQueryString().isEmpty()) {
            for (String pair : e.getRawQueryString().split("&")) {
                String[] kv = pair.split("=", 2);
                query.put(decode(kv[0]), kv.length > 1 ? decode(kv[1]) : "");
            }
        }
        soft.assertThat(e.getQueryStringParameters() == null ? Map.of() : new TreeMap<>(e.getQueryStringParameters()))
                .as("queryStringParameters vs rawQueryString of %s", f.logicalId()).isEqualTo(query);

        boolean noAuthorizer = false;
        for (JsonNode ev : f.properties().path("Events")) {
            noAuthorizer |= "NONE".equals(ev.path("Properties").path("Auth").path("Authorizer").asText());
        }
        if (noAuthorizer) {
            // a route without the authorizer (the carrier callback): no customer token, no authorizer context
            soft.assertThat(e.getHeaders()).as("headers of %s", f.logicalId()).doesNotContainKey("x-auth-token");
            soft.assertThat(e.getRequestContext().getAuthorizer()).as("authorizer of %s", f.logicalId()).isNull();
            soft.assertAll();
            return;
        }
        String token = e.getHeaders().get("x-auth-token");
        soft.assertThat(token).as("x-auth-token of %s", f.logicalId()).isIn(DEMO_TOKENS.keySet());
        Map<String, Object> ctx = e.getRequestContext().getAuthorizer().getLambda();
        soft.assertThat(ctx).as("authorizer.lambda of %s", f.logicalId()).containsKeys("account_id", "auth_id", "role");
        soft.assertThat(ctx.get("role")).isIn("user", "admin");
        if (token != null && !"*".equals(DEMO_TOKENS.get(token))) {
            soft.assertThat(ctx.get("account_id")).as("account of %s", token).isEqualTo(DEMO_TOKENS.get(token));
        }
        if (e.getBody() != null) {
            soft.assertThat(e.getIsBase64Encoded()).isFalse();
            JSON.readTree(e.getBody());
            soft.assertThat(e.getHeaders().get("content-type")).isEqualTo("application/json");
            soft.assertThat(e.getHeaders().get("content-length"))
                    .isEqualTo(String.valueOf(e.getBody().getBytes(StandardCharsets.UTF_8).length));
        }
        soft.assertAll();
    }

    private void checkAuthorizer(APIGatewayV2CustomAuthorizerEvent e) {
        SoftAssertions soft = new SoftAssertions();
        soft.assertThat(e.getVersion()).isEqualTo("2.0");
        soft.assertThat(e.getType()).isEqualTo("REQUEST");
        soft.assertThat(e.getIdentitySource()).containsExactly(e.getHeaders().get("x-auth-token"));
        soft.assertThat(template.routes()).containsKey(e.getRouteKey());
        soft.assertThat(e.getRequestContext().getRouteKey()).isEqualTo(e.getRouteKey());
        soft.assertThat(e.getRouteArn()).endsWith("/$default/" + e.getRequestContext().getHttp().getMethod() + e.getRawPath());
        SamTemplate.Route route = new SamTemplate.Route(e.getRouteKey().split(" ")[0], e.getRouteKey().split(" ")[1]);
        soft.assertThat(route.pathPattern().matcher(e.getRawPath()).matches()).as("rawPath matches routeKey").isTrue();
        soft.assertAll();
    }

    private void checkSchedule(ScheduledEvent e) {
        assertThat(e.getDetailType()).isEqualTo("Scheduled Event");
        assertThat(e.getTime()).isNotNull();
        assertThat(e.getResources()).isNotEmpty();
    }

    /** Percent-decoding of a path segment or query part per RFC 3986: a literal '+' stays '+'. */
    private static String decode(String s) {
        return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
    }
}
