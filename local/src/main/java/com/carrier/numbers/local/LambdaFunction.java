package com.carrier.numbers.local;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.serialization.PojoSerializer;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import com.carrier.numbers.local.TemplateRoutes.FunctionDef;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One function of the template, instantiated once and reused like a warm Lambda execution
 * environment. Events go in as JSON and results come out as JSON through the Lambda Java runtime's
 * own serializers ({@link LambdaEventSerializers}), so handlers see exactly the objects Lambda gives them.
 * Reflection is fine here: only the local runtime loads handlers by name.
 */
public final class LambdaFunction {
    /** Lambda's default memory size, for {@link Context#getMemoryLimitInMB()}. */
    private static final int MEMORY_MB = 1024;
    private static final Map<Class<?>, PojoSerializer<Object>> SERIALIZERS = new ConcurrentHashMap<>();

    private final FunctionDef def;
    private final Object instance;
    private final Method method;
    private final boolean streaming;

    private LambdaFunction(FunctionDef def, Object instance, Method method) {
        this.def = def;
        this.instance = instance;
        this.method = method;
        this.streaming = method.getParameterCount() >= 2 && method.getParameterTypes()[0] == InputStream.class
                && method.getParameterTypes()[1] == OutputStream.class;
        // Build the serializers now (they take most of a second the first time), not on the first request.
        if (!streaming && method.getParameterCount() > 0) {
            serializer(method.getParameterTypes()[0]);
        }
        Class<?> out = method.getReturnType();
        if (!streaming && out != void.class && out != Object.class && !out.isInterface()) {
            serializer(out);
        }
    }

    /** Loads and instantiates the handler class (no-arg constructor), as Lambda's init phase does. */
    public static LambdaFunction load(FunctionDef def, ClassLoader loader) {
        try {
            Class<?> type = Class.forName(def.className(), true, loader);
            var ctor = type.getDeclaredConstructor();
            ctor.setAccessible(true);
            return new LambdaFunction(def, ctor.newInstance(), handlerMethod(type, def.methodName()));
        } catch (ReflectiveOperationException e) {
            Throwable cause = e instanceof InvocationTargetException ite ? ite.getCause() : e;
            throw new IllegalStateException("cannot load handler " + def.handler() + " of " + def.logicalId() + ": " + cause, cause);
        }
    }

    public FunctionDef definition() {
        return def;
    }

    public Object handler() {
        return instance;
    }

    /** Invokes the handler with a JSON event; answers its result as JSON ("null" for void). */
    public byte[] invoke(String eventJson) throws HandlerFailure {
        return invoke(eventJson, new LambdaContext(UUID.randomUUID().toString(), def.logicalId(), def.timeoutSeconds(), MEMORY_MB));
    }

    public byte[] invoke(String eventJson, Context context) throws HandlerFailure {
        try {
            if (streaming) {
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                InputStream in = new ByteArrayInputStream(eventJson.getBytes(StandardCharsets.UTF_8));
                method.invoke(instance, method.getParameterCount() == 3 ? new Object[]{in, out, context} : new Object[]{in, out});
                return out.toByteArray();
            }
            Object result = call(input(eventJson), context);
            if (result == null) {
                return "null".getBytes(StandardCharsets.UTF_8);
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream(512);
            serializer(result.getClass()).toJson(result, out);
            return out.toByteArray();
        } catch (InvocationTargetException e) {
            throw new HandlerFailure(def, e.getCause());
        } catch (IllegalAccessException | RuntimeException e) {
            throw new HandlerFailure(def, e);
        }
    }

    /** The handler's input object for an event, as the Lambda runtime deserializes it. */
    public Object input(String eventJson) {
        return method.getParameterCount() == 0 ? null : serializer(method.getParameterTypes()[0]).fromJson(eventJson);
    }

    /** Calls the handler method with an already deserialized input (the benchmark's direct call). */
    public Object call(Object input, Context context) throws InvocationTargetException, IllegalAccessException {
        return switch (method.getParameterCount()) {
            case 0 -> method.invoke(instance);
            case 1 -> method.invoke(instance, input);
            default -> method.invoke(instance, input, context);
        };
    }

    @SuppressWarnings("unchecked")
    private static PojoSerializer<Object> serializer(Class<?> type) {
        return SERIALIZERS.computeIfAbsent(type, t ->
                (PojoSerializer<Object>) LambdaEventSerializers.serializerFor(t, LambdaFunction.class.getClassLoader()));
    }

    /**
     * The method Lambda would call: public, named as in Handler, taking (input[, Context]) or
     * (InputStream, OutputStream[, Context]); the most specific one wins over a RequestHandler bridge method.
     */
    private static Method handlerMethod(Class<?> type, String name) throws NoSuchMethodException {
        return Arrays.stream(type.getMethods())
                .filter(m -> m.getName().equals(name) && !Modifier.isStatic(m.getModifiers()) && m.getParameterCount() <= 3)
                .min(Comparator.comparing(Method::isBridge)
                        .thenComparing(m -> m.getParameterTypes().length > 0 && m.getParameterTypes()[0] == Object.class)
                        .thenComparing(m -> -m.getParameterCount()))
                .orElseThrow(() -> new NoSuchMethodException(type.getName() + "::" + name));
    }

    /** The handler threw: API Gateway answers 500, the runtime logs the stack trace. */
    public static final class HandlerFailure extends Exception {
        public HandlerFailure(FunctionDef def, Throwable cause) {
            super(def.logicalId() + " (" + def.handler() + ") failed: " + cause, cause);
        }
    }
}
