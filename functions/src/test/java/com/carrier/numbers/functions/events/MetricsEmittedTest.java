package com.carrier.numbers.functions.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2CustomAuthorizerEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.carrier.numbers.adapter.metrics.Metrics;
import com.carrier.numbers.adapter.sqs.ProvisioningMessages;
import com.carrier.numbers.functions.api.PurchaseNumberHandler;
import com.carrier.numbers.functions.auth.AuthorizerHandler;
import com.carrier.numbers.functions.queue.ProvisioningConsumerHandler;
import com.carrier.numbers.functions.scheduled.MonthlyRenewalHandler;
import com.carrier.numbers.functions.template.Events;
import com.carrier.numbers.port.ProvisioningTask;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The metrics operators alarm on reach the log as CloudWatch embedded metric format: a purchase,
 * a refusal by its error code, an unknown token at the authorizer, and the renewal run's counts.
 * Each line is checked the way CloudWatch reads it: the _aws block declares the namespace, the
 * dimension set and the metrics, and each declared name is a top-level member with its value.
 */
class MetricsEmittedTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final List<String> lines = new CopyOnWriteArrayList<>();
    private Consumer<String> previous;

    @BeforeEach
    void capture() {
        previous = Metrics.redirect(lines::add);
    }

    @AfterEach
    void restore() {
        Metrics.redirect(previous);
    }

    /** metric name -> value, for each EMF line, after checking the line's structure; dimensions as "Name=value" entries. */
    private List<Map<String, String>> emitted() throws Exception {
        List<Map<String, String>> out = new ArrayList<>();
        for (String line : lines) {
            JsonNode doc = JSON.readTree(line);
            JsonNode directive = doc.path("_aws").path("CloudWatchMetrics").path(0);
            assertThat(doc.path("_aws").path("Timestamp").isIntegralNumber()).as(line).isTrue();
            assertThat(directive.path("Namespace").asText()).as(line).isNotBlank();
            Map<String, String> values = new HashMap<>();
            for (JsonNode m : directive.path("Metrics")) {
                String name = m.path("Name").asText();
                assertThat(m.path("Unit").asText()).isEqualTo("Count");
                assertThat(doc.path(name).isNumber()).as("%s has a number for %s", line, name).isTrue();
                values.put(name, doc.path(name).asText());
            }
            for (JsonNode set : directive.path("Dimensions")) {
                for (JsonNode d : set) {
                    assertThat(doc.path(d.asText()).isTextual()).as("%s has the dimension %s", line, d.asText()).isTrue();
                    values.put(d.asText(), doc.path(d.asText()).asText());
                }
            }
            out.add(values);
        }
        return out;
    }

    @Test
    void aPurchaseAndARefusalByItsErrorCode() throws Exception {
        DemoWorld w = DemoWorld.create(Instant.parse("2026-11-24T02:00:00Z"));
        PurchaseNumberHandler handler = new PurchaseNumberHandler(w.platform);
        APIGatewayV2HTTPEvent event = Events.load("PurchaseNumberFunction", APIGatewayV2HTTPEvent.class);
        event.getHeaders().remove("idempotency-key");

        assertThat(handler.handleRequest(event, null).getStatusCode()).isEqualTo(201);
        assertThat(handler.handleRequest(event, null).getStatusCode()).isEqualTo(409); // now ours: not in inventory

        assertThat(emitted()).containsExactly(Map.of(Metrics.PURCHASES, "1"),
                Map.of(Metrics.ERRORS, "1", Metrics.ERROR_CODE, "NUMBER_UNAVAILABLE"));
    }

    @Test
    void anUnknownTokenAtTheAuthorizerButNotAKnownOne() throws Exception {
        DemoWorld w = DemoWorld.create(Instant.parse("2026-11-24T02:00:00Z"));
        AuthorizerHandler authorizer = new AuthorizerHandler(w.platform);
        APIGatewayV2CustomAuthorizerEvent event = Events.load("AuthorizerFunction", APIGatewayV2CustomAuthorizerEvent.class);
        authorizer.handleRequest(event, null);
        assertThat(emitted()).isEmpty();

        Map<String, String> headers = new HashMap<>(event.getHeaders());
        headers.replaceAll((k, v) -> k.equalsIgnoreCase("x-auth-token") ? "not-a-token" : v);
        event.setHeaders(headers);
        event.setIdentitySource(List.of("not-a-token"));
        assertThat(authorizer.handleRequest(event, null).getContext()).containsEntry("anonymous", "true");
        assertThat(emitted()).containsExactly(Map.of(Metrics.UNKNOWN_TOKENS, "1"));
    }

    /**
     * As deployed (with the provisioning queue) the hourly run queues what is due and says how many;
     * the consumer renews them and reports charged, suspended and failed (the alarm's metric), zeros
     * included, and a second delivery of the same renewal charges nothing.
     */
    @Test
    void theRenewalRunReportsQueuedAndTheConsumerChargedSuspendedAndFailed() throws Exception {
        DemoWorld w = DemoWorld.create(Instant.parse("2026-10-24T02:00:00Z"));
        w.own("+14152000001");
        w.fixture.clock.advance(Duration.ofDays(32));
        lines.clear();

        assertThat(new MonthlyRenewalHandler(w.platform).handleRequest(Map.of(), null)).containsEntry("queued", 1);
        List<ProvisioningTask> due = w.queue.drain();
        assertThat(due).hasSize(1);
        ProvisioningConsumerHandler consumer = new ProvisioningConsumerHandler(w.platform, 5);
        consumer.handleRequest(sqs(due.get(0)), null);
        consumer.handleRequest(sqs(due.get(0)), null); // redelivered: already charged

        assertThat(emitted()).containsExactly(
                Map.of(Metrics.RENEWALS_QUEUED, "1"),
                Map.of(Metrics.RENEWALS_CHARGED, "1", Metrics.RENEWALS_SUSPENDED, "0", Metrics.RENEWALS_FAILED, "0"),
                Map.of(Metrics.RENEWALS_CHARGED, "0", Metrics.RENEWALS_SUSPENDED, "0", Metrics.RENEWALS_FAILED, "0"));
    }

    private static SQSEvent sqs(ProvisioningTask task) {
        SQSEvent.SQSMessage m = new SQSEvent.SQSMessage();
        m.setMessageId("m-" + task.groupId());
        m.setBody(ProvisioningMessages.encode(task));
        m.setAttributes(Map.of("MessageGroupId", task.groupId(), "ApproximateReceiveCount", "1"));
        SQSEvent e = new SQSEvent();
        e.setRecords(List.of(m));
        return e;
    }
}
