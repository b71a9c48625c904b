package com.carrier.numbers.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.carrier.numbers.local.TemplateQueues.QueueEventDef;
import com.carrier.numbers.template.SamTemplate;
import com.carrier.numbers.template.SamTemplate.Queue;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class TemplateQueuesTest {

    @Test
    void readsQueuesDeadLetterQueuesFirstAndTheSqsEvents() {
        TemplateQueues t = TemplateQueues.read(SqsEventSourceMappingTest.template());
        assertThat(t.queues()).extracting(Queue::logicalId).containsSubsequence("RetryDeadLetterQueue", "RetryQueue")
                .containsSubsequence("OrdersDeadLetterQueue", "OrdersQueue");
        Queue orders = t.queues().stream().filter(q -> q.logicalId().equals("OrdersQueue")).findFirst().orElseThrow();
        assertThat(orders).isEqualTo(new SamTemplate.Queue("OrdersQueue", "OrdersQueue.fifo", true, true, 2, 345_600, 0, "OrdersDeadLetterQueue", 5));
        QueueEventDef batches = t.events().stream().filter(e -> e.name().equals("Batches")).findFirst().orElseThrow();
        assertThat(batches.function().logicalId()).isEqualTo("BatchFunction");
        assertThat(batches.function().timeoutSeconds()).isEqualTo(20);
        assertThat(batches).extracting(QueueEventDef::queue, QueueEventDef::batchSize, QueueEventDef::maximumBatchingWindowSeconds,
                        QueueEventDef::reportBatchItemFailures, QueueEventDef::maximumConcurrency, QueueEventDef::enabled)
                .containsExactly("BatchQueue", 25, 2, true, 2, true);
        QueueEventDef unreported = t.events().stream().filter(e -> e.name().equals("Unreported")).findFirst().orElseThrow();
        assertThat(unreported.reportBatchItemFailures()).isFalse();
        assertThat(unreported.maximumConcurrency()).isZero();
        assertThat(t.events()).filteredOn(e -> e.name().equals("Off")).singleElement().extracting(QueueEventDef::enabled).isEqualTo(false);
        // queue references among the variables; plain values are not
        assertThat(t.variables()).extracting(TemplateQueues.QueueVariable::name)
                .contains("BATCH_QUEUE_URL", "ORDERS_QUEUE_URL", "ORDERS_QUEUE_ARN", "RETRY_DLQ_ARN", "RETRY_QUEUE_SUMMARY")
                .doesNotContain("PLAIN_SETTING");
    }

    @Test
    void theRealTemplateReads() {
        TemplateQueues t = TemplateQueues.read(SamTemplate.find());
        // every SQS event names a queue of the template and passes Lambda's checks (or read() would throw)
        assertThat(t.events()).allSatisfy(e -> assertThat(t.queues()).extracting(Queue::logicalId).contains(e.queue()));
    }

    @Test
    void refusesWhatLambdaRefuses() {
        assertThatThrownBy(() -> parse(queue("Q", "VisibilityTimeout: 10") + function("Timeout: 20", "Queue: !GetAtt Q.Arn")))
                .hasMessageContaining("visibility timeout 10 s is less than function timeout 20 s");
        assertThatThrownBy(() -> parse(queue("Q", "FifoQueue: true") + function("Timeout: 3", "Queue: !GetAtt Q.Arn\n            MaximumBatchingWindowInSeconds: 5")))
                .hasMessageContaining("not supported for FIFO");
        assertThatThrownBy(() -> parse(queue("Q", "VisibilityTimeout: 30") + function("Timeout: 3", "Queue: !GetAtt Q.Arn\n            BatchSize: 100")))
                .hasMessageContaining("needs MaximumBatchingWindowInSeconds");
        assertThatThrownBy(() -> parse(queue("Q", "VisibilityTimeout: 30") + function("Timeout: 3", "Queue: !GetAtt Nope.Arn")))
                .hasMessageContaining("names no queue");
        assertThatThrownBy(() -> parse(queue("Dlq", "VisibilityTimeout: 30") + queue("Q", "FifoQueue: true\n      RedrivePolicy:\n        deadLetterTargetArn: !GetAtt Dlq.Arn\n        maxReceiveCount: 3")))
                .hasMessageContaining("FIFO dead-letter queue");
    }

    @Test
    void longFormsOfReferencesRead() throws IOException {
        TemplateQueues t = parse(queue("Dlq", "VisibilityTimeout: 30") + queue("Q", """
                RedrivePolicy:
                        deadLetterTargetArn:
                          Fn::GetAtt: [Dlq, Arn]
                        maxReceiveCount: 4""") + function("Timeout: 3", "Queue:\n              Fn::GetAtt:\n                - Q\n                - Arn"));
        assertThat(t.queues()).extracting(Queue::logicalId).containsExactly("Dlq", "Q");
        assertThat(t.queues().get(1).deadLetterQueue()).isEqualTo("Dlq");
        assertThat(t.queues().get(1).maxReceiveCount()).isEqualTo(4);
        assertThat(t.events()).singleElement().extracting(QueueEventDef::queue).isEqualTo("Q");
    }

    private static TemplateQueues parse(String resources) throws IOException {
        Path file = Files.createTempFile("queues", ".yaml");
        try {
            Files.writeString(file, "Resources:\n" + resources);
            return TemplateQueues.read(file);
        } finally {
            Files.delete(file);
        }
    }

    private static String queue(String id, String properties) {
        return "  " + id + ":\n    Type: AWS::SQS::Queue\n    Properties:\n      " + properties + "\n";
    }

    private static String function(String property, String eventProperties) {
        return """
                  Fn:
                    Type: AWS::Serverless::Function
                    Properties:
                      Handler: x.Y::handleRequest
                      %s
                      Events:
                        Q:
                          Type: SQS
                          Properties:
                            %s
                """.formatted(property, eventProperties);
    }
}
