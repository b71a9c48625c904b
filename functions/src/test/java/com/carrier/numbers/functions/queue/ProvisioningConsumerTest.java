package com.carrier.numbers.functions.queue;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.amazonaws.services.lambda.runtime.events.SQSEvent.SQSMessage;
import com.carrier.numbers.adapter.sqs.ProvisioningMessages;
import com.carrier.numbers.adapter.sqs.SqsProvisioningQueue;
import com.carrier.numbers.domain.Caller;
import com.carrier.numbers.domain.Job;
import com.carrier.numbers.domain.JobItem;
import com.carrier.numbers.domain.JobOperation;
import com.carrier.numbers.domain.JobOperation.Action;
import com.carrier.numbers.domain.JobStatus;
import com.carrier.numbers.domain.Money;
import com.carrier.numbers.port.ProvisioningTask;
import com.carrier.numbers.testing.LocalSqs;
import com.carrier.numbers.testing.PlatformFixture;
import com.carrier.numbers.testing.TaskList;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;

/**
 * The provisioning consumer: fed SQS events directly (the FIFO partial-failure rule, redelivery,
 * the last receive), and end to end through ElasticMQ with the queue's redrive policy (a poison
 * message reaches the DLQ and its item shows failed).
 */
class ProvisioningConsumerTest {
    private static final int MAX_RECEIVES = 3;
    private static LocalSqs sqs;

    @BeforeAll
    static void start() {
        sqs = new LocalSqs();
    }

    @AfterAll
    static void stop() {
        sqs.close();
    }

    private static JobOperation purchase(String number) {
        return new JobOperation(Action.PURCHASE, number, null, null, null, null, null);
    }

    private static SQSMessage message(String body, int receiveCount) {
        SQSMessage m = new SQSMessage();
        m.setMessageId(UUID.randomUUID().toString());
        m.setBody(body);
        m.setAttributes(Map.of("ApproximateReceiveCount", Integer.toString(receiveCount)));
        return m;
    }

    private static SQSEvent event(List<SQSMessage> messages) {
        SQSEvent e = new SQSEvent();
        e.setRecords(messages);
        return e;
    }

    private static List<String> failed(SQSBatchResponse r) {
        return r.getBatchItemFailures().stream().map(SQSBatchResponse.BatchItemFailure::getItemIdentifier).toList();
    }

    @Test
    void aFailedMessageAndEveryLaterOneOfTheBatchComeBackAndTheRestIsDone() {
        TaskList queue = new TaskList();
        PlatformFixture f = PlatformFixture.withQueue(queue);
        f.load("+14155550100", 5);
        Caller master = f.master("MA_batch", "50.00");
        Job job = f.platform.bulkJobs().submit(master, List.of(purchase("+14155550100"), purchase("+14155550101"),
                purchase("+14155550102")), null);
        List<SQSMessage> batch = new ArrayList<>();
        for (ProvisioningTask t : queue.drain()) {
            batch.add(message(ProvisioningMessages.encode(t), 1));
        }
        batch.add(1, message("{\"type\":\"job_item\",\"job_id\":\"" + job.id() + "\",\"account_id\":\"MA_batch\",\"index\":7,\"operation\":{\"action\":\"explode\"}}", 1));
        var handler = new ProvisioningConsumerHandler(f.platform, MAX_RECEIVES);

        SQSBatchResponse r = handler.handleRequest(event(batch), null);
        assertThat(failed(r)).containsExactly(batch.get(1).getMessageId(), batch.get(2).getMessageId(), batch.get(3).getMessageId());
        Job now = f.platform.bulkJobs().get(master, job.id(), 0, 10).job();
        assertThat(now.succeeded()).isEqualTo(1);
        assertThat(now.status()).isEqualTo(JobStatus.RUNNING);

        // they come back (without the poison one, which an operator removed): the job completes
        r = handler.handleRequest(event(List.of(batch.get(0), batch.get(2), batch.get(3))), null);
        assertThat(failed(r)).isEmpty();
        now = f.platform.bulkJobs().get(master, job.id(), 0, 10).job();
        assertThat(now.status()).isEqualTo(JobStatus.COMPLETED);
        assertThat(now.succeeded()).isEqualTo(3);
        assertThat(f.account("MA_batch").balance()).isEqualTo(Money.of("44.03")); // the redelivered first one charged once
    }

    @Test
    void onTheLastReceiveAPoisonItemIsRecordedFailedAndTheJobStillCompletes() {
        TaskList queue = new TaskList();
        PlatformFixture f = PlatformFixture.withQueue(queue);
        f.load("+14155550200", 2);
        Caller master = f.master("MA_lastrx", "50.00");
        Job job = f.platform.bulkJobs().submit(master, List.of(purchase("+14155550200"), purchase("+14155550201")), null);
        List<ProvisioningTask> tasks = queue.drain();
        var handler = new ProvisioningConsumerHandler(f.platform, MAX_RECEIVES);
        handler.handleRequest(event(List.of(message(ProvisioningMessages.encode(tasks.get(0)), 1))), null);
        String poison = "{\"type\":\"job_item\",\"job_id\":\"" + job.id() + "\",\"account_id\":\"MA_lastrx\",\"index\":1,\"operation\":{\"action\":\"explode\"}}";
        assertThat(failed(handler.handleRequest(event(List.of(message(poison, MAX_RECEIVES - 1))), null))).hasSize(1);
        assertThat(f.platform.bulkJobs().get(master, job.id(), 0, 10).job().status()).isEqualTo(JobStatus.RUNNING);
        assertThat(failed(handler.handleRequest(event(List.of(message(poison, MAX_RECEIVES))), null))).hasSize(1);
        var view = f.platform.bulkJobs().get(master, job.id(), 0, 10);
        assertThat(view.job().status()).isEqualTo(JobStatus.COMPLETED_WITH_ERRORS);
        assertThat(view.items().get(1).errorCode()).isEqualTo("INTERNAL_ERROR");
        assertThat(view.items().get(1).errorMessage()).contains("dead-letter");
    }

    @Test
    void endToEndThroughElasticMqAPoisonMessageReachesTheDlqAndTheOthersComplete() throws Exception {
        String[] urls = sqs.fifoWithDlq("provisioning-e2e", MAX_RECEIVES, 1);
        PlatformFixture f = PlatformFixture.withQueue(new SqsProvisioningQueue(sqs.client, urls[0]));
        f.load("+14155550300", 10);
        Caller a = f.master("MA_sqsa", "50.00");
        Caller b = f.master("MA_sqsb", "50.00");
        Job ja = f.platform.bulkJobs().submit(a, List.of(purchase("+14155550300"), purchase("+14155550301"), purchase("+14155559999")), null);
        Job jb = f.platform.bulkJobs().submit(b, List.of(purchase("+14155550301"), purchase("+14155550302")), null);
        // a poison message in job A's group, sent as an operator could (same schema, an action nobody knows)
        sqs.client.sendMessage(m -> m.queueUrl(urls[0]).messageGroupId("MA_sqsz").messageDeduplicationId("poison-1")
                .messageBody("{\"type\":\"job_item\",\"job_id\":\"" + ja.id() + "\",\"account_id\":\"MA_sqsz\",\"index\":2,\"operation\":{\"action\":\"explode\"}}"));
        var handler = new ProvisioningConsumerHandler(f.platform, MAX_RECEIVES);

        // a minimal event source mapping: receive, invoke, delete what succeeded; failures reappear after the visibility timeout
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (System.nanoTime() < deadline) {
            List<Message> got = sqs.client.receiveMessage(r -> r.queueUrl(urls[0]).maxNumberOfMessages(10).waitTimeSeconds(1)
                    .messageSystemAttributeNames(MessageSystemAttributeName.APPROXIMATE_RECEIVE_COUNT,
                            MessageSystemAttributeName.MESSAGE_GROUP_ID)).messages();
            if (got.isEmpty()) {
                if (f.platform.bulkJobs().get(a, ja.id(), 0, 1).job().status().isFinal()
                        && f.platform.bulkJobs().get(b, jb.id(), 0, 1).job().status().isFinal()
                        && !sqs.client.receiveMessage(r -> r.queueUrl(urls[1]).visibilityTimeout(0)).messages().isEmpty()) {
                    break;
                }
                continue;
            }
            List<SQSMessage> records = new ArrayList<>();
            Map<String, String> receipts = new HashMap<>();
            for (Message m : got) {
                SQSMessage s = message(m.body(), Integer.parseInt(m.attributes().get(MessageSystemAttributeName.APPROXIMATE_RECEIVE_COUNT)));
                s.setMessageId(m.messageId());
                s.setAttributes(Map.of("ApproximateReceiveCount", m.attributes().get(MessageSystemAttributeName.APPROXIMATE_RECEIVE_COUNT),
                        "MessageGroupId", m.attributes().get(MessageSystemAttributeName.MESSAGE_GROUP_ID)));
                records.add(s);
                receipts.put(m.messageId(), m.receiptHandle());
            }
            List<String> failures = failed(handler.handleRequest(event(records), null));
            receipts.forEach((id, receipt) -> {
                if (!failures.contains(id)) {
                    sqs.client.deleteMessage(d -> d.queueUrl(urls[0]).receiptHandle(receipt));
                }
            });
        }
        var va = f.platform.bulkJobs().get(a, ja.id(), 0, 10);
        var vb = f.platform.bulkJobs().get(b, jb.id(), 0, 10);
        assertThat(va.job().status()).isEqualTo(JobStatus.COMPLETED_WITH_ERRORS);
        assertThat(va.items().get(0).status()).isEqualTo(JobItem.SUCCEEDED);
        assertThat(va.items().get(2).errorCode()).isIn("NUMBER_UNAVAILABLE", "INTERNAL_ERROR");
        assertThat(vb.job().status().isFinal()).isTrue();
        // +14155550301 went to one of them only
        long sold301 = List.of(va.items().get(1), vb.items().get(0)).stream().filter(i -> i.status().equals(JobItem.SUCCEEDED)).count();
        assertThat(sold301).isEqualTo(1);
        List<Message> dead = sqs.client.receiveMessage(r -> r.queueUrl(urls[1]).maxNumberOfMessages(10)).messages();
        assertThat(dead).singleElement().satisfies(m -> assertThat(m.body()).contains("explode"));
    }

    @Test
    void aFailureHoldsBackOnlyTheLaterMessagesOfItsOwnGroup() {
        TaskList queue = new TaskList();
        PlatformFixture f = PlatformFixture.withQueue(queue);
        f.load("+14155550500", 4);
        Caller a = f.master("MA_grpa", "50.00");
        Caller b = f.master("MA_grpb", "50.00");
        f.platform.bulkJobs().submit(a, List.of(purchase("+14155550500")), null);
        f.platform.bulkJobs().submit(b, List.of(purchase("+14155550501")), null);
        List<ProvisioningTask> tasks = queue.drain();
        SQSMessage poison = grouped(message("{\"type\":\"job_item\",\"operation\":{}}", 1), "MA_grpa");
        SQSMessage laterA = grouped(message(ProvisioningMessages.encode(tasks.get(0)), 1), "MA_grpa");
        SQSMessage laterB = grouped(message(ProvisioningMessages.encode(tasks.get(1)), 1), "MA_grpb");
        SQSBatchResponse r = new ProvisioningConsumerHandler(f.platform, MAX_RECEIVES).handleRequest(event(List.of(poison, laterA, laterB)), null);
        assertThat(failed(r)).containsExactly(poison.getMessageId(), laterA.getMessageId());
        assertThat(f.account("MA_grpb").balance()).isEqualTo(Money.of("48.01"));
        assertThat(f.account("MA_grpa").balance()).isEqualTo(Money.of("50.00"));
    }

    private static SQSMessage grouped(SQSMessage m, String group) {
        m.setAttributes(Map.of("ApproximateReceiveCount", "1", "MessageGroupId", group));
        return m;
    }

    @Test
    void callReportsKeepTheLatestPerNumberAndAnInvalidOneComesBackAlone() {
        PlatformFixture f = PlatformFixture.create();
        var handler = new CallActivityConsumerHandler(f.platform);
        SQSMessage bad = message("{\"number\":\"12\",\"at\":\"2026-01-01T00:00:00Z\"}", 1);
        SQSBatchResponse r = handler.handleRequest(event(List.of(
                message("{\"number\":\"+14155550400\",\"at\":\"2026-01-02T00:00:00Z\"}", 1),
                bad,
                message("{\"number\":\"+14155550400\",\"at\":\"2026-01-01T00:00:00Z\"}", 1))), null);
        assertThat(failed(r)).containsExactly(bad.getMessageId());
        assertThat(f.platform.callActivity().lastCallAt("+14155550400")).contains(Instant.parse("2026-01-02T00:00:00Z"));
        handler.handleRequest(event(List.of(message("{\"number\":\"+14155550400\",\"at\":\"2026-01-01T12:00:00Z\"}", 1))), null);
        assertThat(f.platform.callActivity().lastCallAt("+14155550400")).contains(Instant.parse("2026-01-02T00:00:00Z"));
    }
}
