package com.carrier.numbers.functions.lifecycle;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.serialization.PojoSerializer;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * The main class of one Lambda lifecycle test JVM (started by the test with the environment a
 * SnapStart function gets, and Lambda's own CRaC context as org.crac's implementation):
 * {@code LifecycleDriver <handler class::method> <event file> <result file>}.
 *
 * <p>Runs what Lambda runs for a SnapStart version, in its order: init (the handler's no-argument
 * constructor), the registered {@code beforeCheckpoint} hooks (the snapshot), the
 * {@code afterRestore} hooks (a restore), then one invocation with the event file read by the
 * Lambda runtime's serializers. Writes {@code {"output": ...}} or {@code {"error": ..., "phase": ...}}.
 *
 * <p>How the hooks are run: org.crac on a JVM without CRaC has no context that can run hooks
 * ({@code org.crac.Core.getGlobalContext().beforeCheckpoint} throws "should not call this" and
 * {@code register} is a no-op). Lambda's java21 runtime starts the JVM with
 * {@code -Dorg.crac.Core.Compat=com.amazonaws.services.lambda.crac}, so org.crac hands every
 * registration to the runtime interface client's CRaC context, and the runtime calls that
 * context's {@code beforeCheckpoint} before the snapshot and {@code afterRestore} after a restore.
 * This JVM is started with the same property and that same library (the runtime interface client
 * jar), and calls that context the same way: the hooks run exactly as registered, none skipped.
 */
public final class LifecycleDriver {
    private static final ObjectMapper JSON = new ObjectMapper();

    private LifecycleDriver() {
    }

    public static void main(String[] args) throws Exception {
        String handler = args[0];
        Path event = Path.of(args[1]);
        Path result = Path.of(args[2]);
        ObjectNode out = JSON.createObjectNode();
        String phase = "init";
        try {
            AwsCallRecorder.phase(phase);
            String className = handler.contains("::") ? handler.substring(0, handler.indexOf("::")) : handler;
            String methodName = handler.contains("::") ? handler.substring(handler.indexOf("::") + 2) : "handleRequest";
            Class<?> type = Class.forName(className);
            Object function = type.getConstructor().newInstance();

            phase = "beforeCheckpoint";
            AwsCallRecorder.phase(phase);
            try {
                com.amazonaws.services.lambda.crac.Core.getGlobalContext().beforeCheckpoint(null);
            } catch (UnsatisfiedLinkError e) {
                // The context runs every hook first (a hook's exception is thrown as a
                // CheckpointException before this point), then clears the DNS cache through the
                // runtime's native library, which exists only inside Lambda. Only that step is skipped.
                if (!"clearCache".equals(e.getStackTrace()[0].getMethodName())) {
                    throw e;
                }
            }

            phase = "afterRestore";
            AwsCallRecorder.phase(phase);
            com.amazonaws.services.lambda.crac.Core.getGlobalContext().afterRestore(null);

            phase = "request";
            AwsCallRecorder.phase(phase);
            Method method = Arrays.stream(type.getMethods())
                    .filter(m -> m.getName().equals(methodName) && !m.isBridge() && !m.isSynthetic())
                    .filter(m -> m.getParameterCount() == 2 && m.getParameterTypes()[1] == Context.class)
                    .findFirst().orElseThrow(() -> new IllegalStateException("no " + methodName + "(input, Context) in " + className));
            Object input;
            try (InputStream in = Files.newInputStream(event)) {
                input = LambdaEventSerializers.serializerFor(method.getParameterTypes()[0], type.getClassLoader()).fromJson(in);
            }
            Object output = method.invoke(function, input, LambdaTestContext.printing(className, "1"));
            @SuppressWarnings({"unchecked", "rawtypes"})
            PojoSerializer<Object> serializer = (PojoSerializer) LambdaEventSerializers.serializerFor(method.getReturnType(), type.getClassLoader());
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            serializer.toJson(output, bytes);
            out.set("output", JSON.readTree(bytes.toString(StandardCharsets.UTF_8)));
        } catch (Throwable t) {
            Throwable cause = t instanceof InvocationTargetException ite && ite.getCause() != null ? ite.getCause() : t;
            StringWriter trace = new StringWriter();
            cause.printStackTrace(new PrintWriter(trace));
            out.put("phase", phase);
            out.put("error", trace.toString());
        }
        Files.writeString(result, out.toString());
        System.exit(0); // the platform's warm-up thread and the HTTP client's threads do not hold the JVM
    }
}
