package com.carrier.numbers.functions.events;

import com.carrier.numbers.TableNames;
import com.carrier.numbers.domain.CallbackSignature;
import com.carrier.numbers.functions.template.Events;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The world a function's events/ file speaks for, for the tests that run functions as Lambda does
 * ({@code ProductionWiringTest}, {@code TemplateHandlersIT}, {@link SnapStartLifecycleIT}): the demo
 * world on fresh tables of {@code dynamo}, its clock a little before the event, then the seeding of
 * that function's {@link EventInvocationTest} case (the port, job or owned number the event names).
 * One place, so a function added later gets its seeding once, in its case.
 */
public final class EventWorld {
    private static final ObjectMapper JSON = new ObjectMapper();

    private EventWorld() {
    }

    /** Seeds the world of {@code logicalId}'s event on fresh tables of {@code dynamo}; answers their names. */
    public static TableNames seed(String logicalId, DynamoDbClient dynamo) {
        EventInvocationTest.Case c = EventInvocationTest.CASES.get(logicalId);
        if (c == null) {
            throw new AssertionError(logicalId + " has no case in EventInvocationTest: add the seeding its events/ file needs");
        }
        Instant at = EventInvocationTest.eventTime(logicalId);
        Instant now = Instant.now();
        DemoWorld world = DemoWorld.create(dynamo, (at.isBefore(now) ? at : now).minus(Duration.ofMinutes(10)));
        c.given().accept(world);
        return world.fixture.tables;
    }

    /**
     * The event as the function receives it now: the events/ file, except that a carrier callback is
     * signed again at {@code now} with {@code secret} (a real carrier signs each delivery when it
     * sends it; the file's timestamp is long past the five minutes a signature is good for).
     */
    public static String event(String logicalId, String secret, Instant now) {
        String json = Events.json(logicalId);
        try {
            JsonNode event = JSON.readTree(json);
            JsonNode headers = event.path("headers");
            String timestampHeader = CallbackSignature.TIMESTAMP_HEADER.toLowerCase(java.util.Locale.ROOT);
            if (!headers.has(timestampHeader) || secret == null) {
                return json;
            }
            long timestamp = now.getEpochSecond();
            ObjectNode h = (ObjectNode) headers;
            h.put(timestampHeader, Long.toString(timestamp));
            h.put(CallbackSignature.SIGNATURE_HEADER.toLowerCase(java.util.Locale.ROOT),
                    new CallbackSignature(secret).sign(timestamp, event.path("body").asText()));
            ((ObjectNode) event.path("requestContext")).put("timeEpoch", now.toEpochMilli());
            return JSON.writeValueAsString(event);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
