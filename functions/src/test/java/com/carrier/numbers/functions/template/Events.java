package com.carrier.numbers.functions.template;

import com.carrier.numbers.template.SamTemplate;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2CustomAuthorizerEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import com.amazonaws.services.lambda.runtime.serialization.PojoSerializer;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * The files of events/ (one per function, named after its logical id), read the way the Lambda
 * Java runtime reads an invocation payload: with its own event serializers. Use it to invoke a
 * handler with the same input `sam local invoke -e events/X.json` would give it, e.g.
 * {@code Events.load("PurchaseNumberFunction", APIGatewayV2HTTPEvent.class)}.
 */
public final class Events {
    private Events() {
    }

    /** The events/ folder beside template.yaml. */
    public static Path dir() {
        return SamTemplate.load().root().resolve("events");
    }

    public static Path file(String logicalId) {
        return dir().resolve(logicalId + ".json");
    }

    /** The raw JSON of events/{logicalId}.json. */
    public static String json(String logicalId) {
        try {
            return Files.readString(file(logicalId));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file(logicalId), e);
        }
    }

    /** events/{logicalId}.json deserialized as {@code type} by the Lambda runtime's serializers. */
    public static <T> T load(String logicalId, Class<T> type) {
        return load(logicalId, type, type.getClassLoader() != null ? type.getClassLoader() : Events.class.getClassLoader());
    }

    /** As {@link #load(String, Class)}, resolving event classes in {@code loader} (e.g. the Lambda jar's). */
    public static <T> T load(String logicalId, Class<T> type, ClassLoader loader) {
        PojoSerializer<T> serializer = LambdaEventSerializers.serializerFor(type, loader);
        try (InputStream in = Files.newInputStream(file(logicalId))) {
            return serializer.fromJson(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file(logicalId), e);
        }
    }

    /** The input type a function of this kind receives (what its handler's first parameter should be). */
    public static Class<?> inputType(SamTemplate.Kind kind) {
        return switch (kind) {
            case HTTP_API -> APIGatewayV2HTTPEvent.class;
            case AUTHORIZER -> APIGatewayV2CustomAuthorizerEvent.class;
            case SCHEDULE -> ScheduledEvent.class;
            case SQS -> SQSEvent.class;
            case OTHER -> Map.class;
        };
    }
}
