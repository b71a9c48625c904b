package com.carrier.numbers.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.ChangeMessageVisibilityBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;

/**
 * The AWS SDK v2 (JSON protocol) against ElasticMQ 1.7.1 in this JVM: the calls the platform's SQS
 * adapter and the local pollers make, without the runtime around them.
 */
class ElasticMqSdkTest {
    private static LocalSqs local;
    private static SqsClient sqs;

    @BeforeAll
    static void start() throws Exception {
        String yaml = """
                Resources:
                  Dlq:
                    Type: AWS::SQS::Queue
                    Properties:
                      FifoQueue: true
                  Fifo:
                    Type: AWS::SQS::Queue
                    Properties:
                      FifoQueue: true
                      VisibilityTimeout: 30
                      RedrivePolicy:
                        deadLetterTargetArn: !GetAtt Dlq.Arn
                        maxReceiveCount: 2
                  Standard:
                    Type: AWS::SQS::Queue
                """;
        Path file = Files.createTempFile("queues", ".yaml");
        Files.writeString(file, yaml);
        local = LocalSqs.start(TemplateQueues.read(file));
        Files.delete(file);
        sqs = local.client();
    }

    @AfterAll
    static void stop() {
        local.close();
    }

    @Test
    void sendBatchReceiveWithAttributesAndDeleteBatch() {
        String url = local.queue("Standard").url();
        var sent = sqs.sendMessageBatch(b -> b.queueUrl(url).entries(
                SendMessageBatchRequestEntry.builder().id("a").messageBody("one").build(),
                SendMessageBatchRequestEntry.builder().id("b").messageBody("two").delaySeconds(0).build()));
        assertThat(sent.successful()).hasSize(2);
        assertThat(sent.failed()).isEmpty();

        List<Message> got = receive(url, 2);
        assertThat(got).extracting(Message::body).containsExactlyInAnyOrder("one", "two");
        assertThat(got.get(0).attributes()).containsKeys(MessageSystemAttributeName.APPROXIMATE_RECEIVE_COUNT,
                MessageSystemAttributeName.SENT_TIMESTAMP);

        var deleted = sqs.deleteMessageBatch(b -> b.queueUrl(url).entries(
                DeleteMessageBatchRequestEntry.builder().id("0").receiptHandle(got.get(0).receiptHandle()).build(),
                DeleteMessageBatchRequestEntry.builder().id("1").receiptHandle(got.get(1).receiptHandle()).build()));
        assertThat(deleted.successful()).hasSize(2);
        assertThat(local.messages("Standard")).isZero();
    }

    @Test
    void changeMessageVisibilityReturnsAMessageAtOnce() {
        String url = local.queue("Standard").url();
        sqs.sendMessage(b -> b.queueUrl(url).messageBody("again"));
        Message first = receive(url, 1).get(0);
        assertThat(receiveNow(url)).isEmpty(); // in flight for 30 s

        sqs.changeMessageVisibility(b -> b.queueUrl(url).receiptHandle(first.receiptHandle()).visibilityTimeout(0));
        Message second = receive(url, 1).get(0);
        assertThat(second.messageId()).isEqualTo(first.messageId());
        assertThat(second.attributes().get(MessageSystemAttributeName.APPROXIMATE_RECEIVE_COUNT)).isEqualTo("2");

        var batch = sqs.changeMessageVisibilityBatch(b -> b.queueUrl(url).entries(ChangeMessageVisibilityBatchRequestEntry.builder()
                .id("x").receiptHandle(second.receiptHandle()).visibilityTimeout(0).build()));
        assertThat(batch.successful()).hasSize(1);
        Message third = receive(url, 1).get(0);
        sqs.deleteMessage(b -> b.queueUrl(url).receiptHandle(third.receiptHandle()));
    }

    @Test
    void fifoGroupsDeduplicationAndSequenceNumbers() {
        String url = local.queue("Fifo").url();
        for (int i = 0; i < 3; i++) {
            int n = i;
            var r = sqs.sendMessage(b -> b.queueUrl(url).messageBody("g1-" + n).messageGroupId("g1").messageDeduplicationId("d1-" + n));
            assertThat(r.sequenceNumber()).isNotBlank();
        }
        // the same deduplication id again within 5 minutes: accepted, not enqueued
        sqs.sendMessage(b -> b.queueUrl(url).messageBody("g1-dup").messageGroupId("g1").messageDeduplicationId("d1-0"));
        sqs.sendMessage(b -> b.queueUrl(url).messageBody("g2-0").messageGroupId("g2").messageDeduplicationId("d2-0"));

        List<Message> first = receive(url, 10);
        assertThat(first).extracting(Message::body).containsSubsequence("g1-0", "g1-1", "g1-2").doesNotContain("g1-dup");
        Message m = first.get(0);
        assertThat(m.attributes()).containsKeys(MessageSystemAttributeName.MESSAGE_GROUP_ID,
                MessageSystemAttributeName.MESSAGE_DEDUPLICATION_ID, MessageSystemAttributeName.SEQUENCE_NUMBER);
        // while g1 is in flight, nothing of it is handed out again
        assertThat(receiveNow(url)).extracting(Message::body).noneMatch(b -> b.startsWith("g1"));
        for (Message x : first) {
            sqs.deleteMessage(b -> b.queueUrl(url).receiptHandle(x.receiptHandle()));
        }
        List<Message> rest = receiveNow(url);
        rest.forEach(x -> sqs.deleteMessage(b -> b.queueUrl(url).receiptHandle(x.receiptHandle())));
        assertThat(first.size() + rest.size()).isEqualTo(4);
    }

    @Test
    void queueAttributesAsCreatedFromTheTemplate() {
        Map<QueueAttributeName, String> a = sqs.getQueueAttributes(b -> b.queueUrl(local.queue("Fifo").url())
                .attributeNames(QueueAttributeName.ALL)).attributes();
        assertThat(a).containsEntry(QueueAttributeName.FIFO_QUEUE, "true")
                .containsEntry(QueueAttributeName.VISIBILITY_TIMEOUT, "30")
                .containsEntry(QueueAttributeName.CONTENT_BASED_DEDUPLICATION, "false")
                .containsEntry(QueueAttributeName.QUEUE_ARN, "arn:aws:sqs:us-east-1:123456789012:Fifo.fifo");
        assertThat(a.get(QueueAttributeName.REDRIVE_POLICY)).contains(local.queue("Dlq").arn()).contains("2");
        assertThat(local.queue("Standard").url()).isEqualTo(local.endpoint() + "/123456789012/Standard");
    }

    private static List<Message> receive(String url, int atLeast) {
        List<Message> got = new java.util.ArrayList<>();
        for (int i = 0; i < 20 && got.size() < atLeast; i++) {
            got.addAll(sqs.receiveMessage(b -> b.queueUrl(url).maxNumberOfMessages(10).waitTimeSeconds(1)
                    .messageSystemAttributeNames(MessageSystemAttributeName.ALL)).messages());
        }
        return got;
    }

    private static List<Message> receiveNow(String url) {
        return sqs.receiveMessage(b -> b.queueUrl(url).maxNumberOfMessages(10).waitTimeSeconds(0)
                .messageSystemAttributeNames(MessageSystemAttributeName.ALL)).messages();
    }
}
