package com.carrier.numbers.local;

import com.carrier.numbers.local.TemplateRoutes.FunctionDef;
import com.carrier.numbers.template.SamTemplate;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The queues and SQS event source mappings of the template, as {@link SamTemplate} reads them, in the
 * local runtime's terms: each event with the function it invokes, the function variables that reference
 * a queue, and the checks Lambda makes when it creates a mapping (so a bad template fails locally first).
 * Generic over the template: nothing here names a queue of the platform.
 */
public final class TemplateQueues {

    /** An {@code SQS} event of a function: Lambda's event source mapping (see {@link SamTemplate.QueueEvent}). */
    public record QueueEventDef(String name, FunctionDef function, String queue, int batchSize,
                                int maximumBatchingWindowSeconds, boolean reportBatchItemFailures,
                                int maximumConcurrency, boolean enabled) {
    }

    /** A function's environment variable whose value references a queue, as the template reads it ("Q", "Q.Arn", "${Q.Arn}"). */
    public record QueueVariable(String function, String name, String value) {
    }

    private final List<SamTemplate.Queue> queues;
    private final List<QueueEventDef> events;
    private final List<QueueVariable> variables;

    private TemplateQueues(List<SamTemplate.Queue> queues, List<QueueEventDef> events, List<QueueVariable> variables) {
        this.queues = List.copyOf(queues);
        this.events = List.copyOf(events);
        this.variables = List.copyOf(variables);
    }

    /** Every queue, dead-letter queues before the queues that redrive to them. */
    public List<SamTemplate.Queue> queues() {
        return queues;
    }

    public List<QueueEventDef> events() {
        return events;
    }

    public List<QueueVariable> variables() {
        return variables;
    }

    public boolean isEmpty() {
        return queues.isEmpty();
    }

    public static TemplateQueues read(Path template) {
        return of(SamTemplate.load(template));
    }

    public static TemplateQueues of(SamTemplate template) {
        List<SamTemplate.Queue> queues = template.queues();
        Map<String, SamTemplate.Queue> byId = queues.stream().collect(Collectors.toMap(SamTemplate.Queue::logicalId, q -> q));
        List<QueueEventDef> events = new ArrayList<>();
        List<QueueVariable> variables = new ArrayList<>();
        for (SamTemplate.Function f : template.functions()) {
            f.environment().forEach((name, value) -> {
                if (referencesQueue(value, byId.keySet())) {
                    variables.add(new QueueVariable(f.logicalId(), name, value));
                }
            });
        }
        for (SamTemplate.QueueEvent e : template.queueEvents()) {
            SamTemplate.Function f = template.function(e.functionLogicalId());
            QueueEventDef def = new QueueEventDef(e.name(), new FunctionDef(f.logicalId(), f.handler(), f.timeoutSeconds()), e.queue(),
                    e.batchSize(), e.maximumBatchingWindowSeconds(), e.reportBatchItemFailures(), e.maximumConcurrency(), e.enabled());
            validate(def, byId.get(e.queue()));
            events.add(def);
        }
        return new TemplateQueues(queues, events, variables);
    }

    /** The checks Lambda makes when the event source mapping is created. */
    private static void validate(QueueEventDef e, SamTemplate.Queue q) {
        String where = e.function().logicalId() + " event " + e.name() + ": ";
        if (q.visibilityTimeoutSeconds() < e.function().timeoutSeconds()) {
            throw new IllegalStateException(where + "queue visibility timeout " + q.visibilityTimeoutSeconds()
                    + " s is less than function timeout " + e.function().timeoutSeconds() + " s (Lambda refuses this mapping)");
        }
        int maxBatch = q.fifo() ? 10 : 10_000;
        if (e.batchSize() < 1 || e.batchSize() > maxBatch) {
            throw new IllegalStateException(where + "BatchSize must be 1 to " + maxBatch);
        }
        if (q.fifo() && e.maximumBatchingWindowSeconds() > 0) {
            throw new IllegalStateException(where + "MaximumBatchingWindowInSeconds is not supported for FIFO queues");
        }
        if (e.batchSize() > 10 && e.maximumBatchingWindowSeconds() < 1) {
            throw new IllegalStateException(where + "a BatchSize over 10 needs MaximumBatchingWindowInSeconds of at least 1");
        }
        if (e.maximumBatchingWindowSeconds() < 0 || e.maximumBatchingWindowSeconds() > 300) {
            throw new IllegalStateException(where + "MaximumBatchingWindowInSeconds must be 0 to 300");
        }
        if (e.maximumConcurrency() != 0 && (e.maximumConcurrency() < 2 || e.maximumConcurrency() > 1000)) {
            throw new IllegalStateException(where + "ScalingConfig.MaximumConcurrency must be 2 to 1000");
        }
    }

    /** {@code !Ref Q} reads as "Q", {@code !GetAtt Q.Arn} as "Q.Arn", {@code !Sub "${Q.Arn}"} as its template string. */
    private static boolean referencesQueue(String value, java.util.Set<String> queues) {
        int dot = value.indexOf('.');
        if (queues.contains(dot < 0 ? value : value.substring(0, dot))) {
            return true;
        }
        return queues.stream().anyMatch(id -> value.contains("${" + id + "}") || value.contains("${" + id + "."));
    }
}
