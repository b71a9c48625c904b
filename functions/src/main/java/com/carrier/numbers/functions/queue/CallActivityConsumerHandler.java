package com.carrier.numbers.functions.queue;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse.BatchItemFailure;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.amazonaws.services.lambda.runtime.events.SQSEvent.SQSMessage;
import com.carrier.numbers.NumbersPlatform;
import com.carrier.numbers.domain.E164;
import com.carrier.numbers.functions.Platform;
import com.carrier.numbers.functions.http.Json;
import com.carrier.numbers.service.CallActivity;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The switch's call reports from the standard CallActivityQueue, {@code {"number": "+1...", "at":
 * "2026-01-15T10:30:00Z"}} each, in large batches: the latest call of each number is written to
 * the CallActivity table side by side. A report that is not valid comes back (and reaches the DLQ
 * after the configured receives); the others are not held up by it.
 */
public class CallActivityConsumerHandler implements RequestHandler<SQSEvent, SQSBatchResponse> {
    private final CallActivity calls;

    public CallActivityConsumerHandler() {
        this(Platform.get());
    }

    public CallActivityConsumerHandler(NumbersPlatform platform) {
        this.calls = platform.callActivity();
    }

    @Override
    public SQSBatchResponse handleRequest(SQSEvent event, Context context) {
        List<BatchItemFailure> failures = new ArrayList<>();
        List<CallActivity.Call> reports = new ArrayList<>();
        List<String> reportIds = new ArrayList<>();
        for (SQSMessage m : event.getRecords()) {
            try {
                JsonNode body = Json.read(m.getBody());
                reports.add(new CallActivity.Call(E164.parse(body.path("number").asText(null), "number"),
                        Instant.parse(body.path("at").asText())));
                reportIds.add(m.getMessageId());
            } catch (Exception invalid) {
                failures.add(new BatchItemFailure(m.getMessageId()));
                if (context != null && context.getLogger() != null) {
                    context.getLogger().log(Json.write(Json.object().put("level", "WARN").put("message", "invalid call report")
                            .put("message_id", m.getMessageId()).put("error", String.valueOf(invalid.getMessage()))));
                }
            }
        }
        try {
            calls.recordAll(reports);
        } catch (RuntimeException e) {
            reportIds.forEach(id -> failures.add(new BatchItemFailure(id)));
        }
        return SQSBatchResponse.builder().withBatchItemFailures(failures).build();
    }
}
