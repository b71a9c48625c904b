package com.carrier.numbers.functions.wiring;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import com.amazonaws.services.lambda.runtime.serialization.PojoSerializer;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import com.carrier.numbers.functions.lifecycle.LambdaTestContext;
import com.carrier.numbers.template.SamTemplate;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * One invocation the way the Lambda Java runtime makes it: the handler class loaded (and
 * initialised) from {@code loader}, built with its no-argument constructor, its method called with
 * events/{LogicalId}.json read by the runtime's serializers, the answer written back by them.
 * Functions of any kind are handled by their event file alone, so new ones need nothing here.
 */
public final class Invocations {
    private static final ObjectMapper JSON = new ObjectMapper();

    private Invocations() {
    }

    /** Invokes {@code f} with {@code eventJson} (its events/ file as it arrives now: see AwsStandIns.Prepared). */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public static JsonNode invoke(SamTemplate.Function f, ClassLoader loader, String eventJson) throws Exception {
        Class<?> type = Class.forName(f.handlerClass(), true, loader);
        Object handler = type.getConstructor().newInstance();
        Method method = Arrays.stream(type.getMethods())
                .filter(m -> m.getName().equals(f.handlerMethod()) && !m.isBridge() && !m.isSynthetic())
                .filter(m -> m.getParameterCount() == 2 && m.getParameterTypes()[1].getName().equals(Context.class.getName()))
                .findFirst().orElseThrow(() -> new AssertionError(f.handler() + ": no method (input, Context)"));
        PojoSerializer input = LambdaEventSerializers.serializerFor((Class) method.getParameterTypes()[0], loader);
        Object event = input.fromJson(eventJson);
        Object context = contextFor(f.logicalId(), loader);
        Object result;
        try {
            result = method.invoke(handler, event, context);
        } catch (InvocationTargetException e) {
            throw new AssertionError(f.logicalId() + " threw " + e.getCause(), e.getCause());
        }
        if (result == null) {
            return JSON.nullNode();
        }
        PojoSerializer serializer = LambdaEventSerializers.serializerFor(method.getReturnType(), loader);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        serializer.toJson(result, out);
        return JSON.readTree(out.toString(StandardCharsets.UTF_8));
    }

    /** What a function of each kind must have answered for its wiring to be right. */
    public static void assertAnswered(SamTemplate.Function f, JsonNode out) {
        switch (f.kind()) {
            case HTTP_API -> {
                assertThat(out.path("statusCode").asInt()).as("%s answered %s", f.logicalId(), out).isBetween(200, 499);
                assertThat(out.path("headers").path("Content-Type").asText()).as("%s answered %s", f.logicalId(), out)
                        .isEqualTo("application/json");
            }
            case AUTHORIZER -> assertThat(out.path("context").path("account_id").asText())
                    .as("%s answered %s (the event's token is a demo credential)", f.logicalId(), out).isNotEmpty();
            default -> { } // returning without an exception is the answer (schedules, queues, tasks)
        }
    }

    public static String summary(SamTemplate.Function f, JsonNode out) {
        return f.kind() == SamTemplate.Kind.HTTP_API ? "HTTP " + out.path("statusCode").asInt() : String.valueOf(out).replaceAll("\\s+", " ");
    }

    /** A Lambda Context of the loader's own Context interface (the jar's, when invoking from the jar). */
    private static Object contextFor(String function, ClassLoader loader) throws ClassNotFoundException {
        Class<?> contextType = Class.forName(Context.class.getName(), false, loader);
        if (contextType == Context.class) {
            return LambdaTestContext.printing(function, "$LATEST");
        }
        Context ours = LambdaTestContext.printing(function, "$LATEST");
        Class<?> loggerType = Class.forName(LambdaLogger.class.getName(), false, loader);
        Object logger = java.lang.reflect.Proxy.newProxyInstance(loader, new Class<?>[] {loggerType}, (p, m, a) -> {
            if (m.getName().equals("log") && a != null && a.length > 0) {
                System.out.println(a[0] instanceof byte[] b ? new String(b, StandardCharsets.UTF_8) : String.valueOf(a[0]));
            }
            return null;
        });
        return java.lang.reflect.Proxy.newProxyInstance(loader, new Class<?>[] {contextType}, (p, m, a) -> switch (m.getName()) {
            case "getLogger" -> logger;
            case "getClientContext", "getIdentity" -> null;
            default -> Context.class.getMethod(m.getName()).invoke(ours);
        });
    }

    /** A Lambda context that prints the handler's log lines. */
    public static Context context(String function) {
        return LambdaTestContext.printing(function, "$LATEST");
    }
}
