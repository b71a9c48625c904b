package com.carrier.numbers.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.carrier.numbers.Env;
import com.carrier.numbers.local.testhandlers.RecordingQueueConsumer;
import com.carrier.numbers.local.testhandlers.RecordingQueueConsumer.Batch;
import com.carrier.numbers.local.testhandlers.RecordingQueueConsumer.Delivery;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;

/**
 * The event source mapping emulation against ElasticMQ in this JVM, through the local runtime serving
 * queues-test-template.yaml: the handlers get Lambda's SQSEvent, and the messages come back, get deleted
 * or reach the dead-letter queue as they would on AWS.
 */
class SqsEventSourceMappingTest {
    private static final Duration DRAIN = Duration.ofSeconds(60);
    private static LocalRuntime runtime;
    private static LocalSqs queues;
    private static SqsClient sqs;

    static Path template() {
        try {
            return Path.of(SqsEventSourceMappingTest.class.getResource("/queues-test-template.yaml").toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @BeforeAll
    static void start() {
        runtime = LocalRuntime.start(LocalRuntime.Options.defaults().withTemplate(template()).withPort(0)
                .withPlatform(false).withAccessLog(false));
        queues = runtime.queues();
        sqs = runtime.sqs();
    }

    @AfterAll
    static void stop() {
        runtime.close();
    }

    @BeforeEach
    void clear() {
        RecordingQueueConsumer.reset();
    }

    @Test
    void gathersUpToBatchSizeWithinTheBatchingWindow() throws Exception {
        List<String> sent = sendBatches("BatchQueue", IntStream.range(0, 60).mapToObj(i -> "ok:" + i).toList());

        assertThat(queues.awaitDrained("BatchQueue", DRAIN)).isTrue();
        List<Batch> batches = RecordingQueueConsumer.batches("BatchFunction");
        assertThat(RecordingQueueConsumer.deliveries("BatchFunction")).extracting(Delivery::body)
                .containsExactlyInAnyOrderElementsOf(sent);
        // BatchSize 25 is the ceiling, and the 2 s window lets a batch grow past one receive (10) to it.
        assertThat(batches).allSatisfy(b -> assertThat(b.records()).hasSizeLessThanOrEqualTo(25));
        assertThat(batches).anySatisfy(b -> assertThat(b.records()).hasSize(25));
        // ScalingConfig.MaximumConcurrency: 2
        assertThat(RecordingQueueConsumer.MAX_RUNNING.get()).isLessThanOrEqualTo(2);
    }

    @Test
    void messagesArrivingWithinTheWindowShareABatch() throws Exception {
        // Six messages sent one by one well inside the 2 s window: with two pollers, at most two
        // invocations (one per poller); a poller that did not wait would invoke once per receive.
        for (int i = 0; i < 6; i++) {
            send("BatchQueue", "ok:w" + i);
            Thread.sleep(20);
        }
        assertThat(queues.awaitDrained("BatchQueue", DRAIN)).isTrue();
        assertThat(RecordingQueueConsumer.deliveries("BatchFunction")).hasSize(6);
        assertThat(RecordingQueueConsumer.batches("BatchFunction")).hasSizeLessThanOrEqualTo(2);
    }

    @Test
    void onlyTheReportedFailuresComeBackAfterTheVisibilityTimeout() throws Exception {
        List<String> bodies = List.of("ok:a", "fail-once:b", "ok:c", "fail-once:d", "ok:e", "ok:f");
        sendBatches("RetryQueue", bodies);

        assertThat(queues.awaitDrained("RetryQueue", DRAIN)).isTrue();
        Map<String, List<Integer>> receives = receivesByLabel("RetryFunction");
        assertThat(receives).containsOnlyKeys("a", "b", "c", "d", "e", "f");
        assertThat(receives.get("a")).containsExactly(1);
        assertThat(receives.get("c")).containsExactly(1);
        assertThat(receives.get("e")).containsExactly(1);
        assertThat(receives.get("f")).containsExactly(1);
        assertThat(receives.get("b")).containsExactly(1, 2);
        assertThat(receives.get("d")).containsExactly(1, 2);
        assertThat(dlq("RetryDeadLetterQueue")).isEmpty();
    }

    @Test
    void anExceptionFailsTheWholeBatch() throws Exception {
        sendBatches("ThrowQueue", List.of("ok:1", "ok:2", "ok:3", "ok:4", "throw-once:5", "ok:6", "ok:7", "ok:8", "ok:9", "ok:10"));

        assertThat(queues.awaitDrained("ThrowQueue", DRAIN)).isTrue();
        List<Batch> thrown = RecordingQueueConsumer.batches("ThrowFunction").stream().filter(Batch::threw).toList();
        assertThat(thrown).hasSize(1);
        Set<String> inFailedBatch = thrown.get(0).records().stream().map(Delivery::messageId).collect(Collectors.toSet());
        assertThat(inFailedBatch).hasSizeGreaterThan(1);
        List<Delivery> all = RecordingQueueConsumer.deliveries("ThrowFunction");
        // Every message of the batch that threw came back once more and was then processed.
        for (String id : inFailedBatch) {
            assertThat(all).filteredOn(d -> d.messageId().equals(id)).extracting(Delivery::receiveCount).containsExactly(1, 2);
            assertThat(all).filteredOn(d -> d.messageId().equals(id) && d.processed()).hasSize(1);
        }
        // Messages of other batches were delivered once.
        assertThat(all).filteredOn(d -> !inFailedBatch.contains(d.messageId())).extracting(Delivery::receiveCount).containsOnly(1);
        assertThat(all).filteredOn(Delivery::processed).extracting(Delivery::label).containsExactlyInAnyOrder("1", "2", "3", "4", "5", "6", "7", "8", "9", "10");
    }

    @Test
    void aReportedIdThatIsNotInTheBatchFailsTheWholeBatch() throws Exception {
        sendBatches("ThrowQueue", List.of("ok:1", "ok:2", "ok:3", "ok:4", "bad-report-once:5", "ok:6", "ok:7", "ok:8", "ok:9", "ok:10"));

        assertThat(queues.awaitDrained("ThrowQueue", DRAIN)).isTrue();
        List<Delivery> all = RecordingQueueConsumer.deliveries("ThrowFunction");
        Batch bad = RecordingQueueConsumer.batches("ThrowFunction").stream()
                .filter(b -> b.records().stream().anyMatch(d -> d.label().equals("5") && d.receiveCount() == 1)).findFirst().orElseThrow();
        assertThat(bad.records()).hasSizeGreaterThan(1);
        for (Delivery d : bad.records()) {
            assertThat(all).filteredOn(x -> x.messageId().equals(d.messageId())).extracting(Delivery::receiveCount).containsExactly(1, 2);
        }
        assertThat(all).filteredOn(d -> d.receiveCount() == 1).extracting(Delivery::label)
                .containsExactlyInAnyOrder("1", "2", "3", "4", "5", "6", "7", "8", "9", "10");
    }

    @Test
    void aPoisonMessageReachesTheDeadLetterQueueAfterMaxReceiveCount() throws Exception {
        sendBatches("RetryQueue", List.of("fail-always:poison", "ok:fine"));

        assertThat(queues.awaitDrained("RetryQueue", DRAIN)).isTrue();
        Map<String, List<Integer>> receives = receivesByLabel("RetryFunction");
        // maxReceiveCount 3: the handler saw the receive count rise to 3, then the message moved.
        assertThat(receives.get("poison")).containsExactly(1, 2, 3);
        assertThat(receives.get("fine")).containsExactly(1);
        List<Message> dead = dlq("RetryDeadLetterQueue");
        assertThat(dead).extracting(Message::body).containsExactly("fail-always:poison");
    }

    @Test
    void withoutReportBatchItemFailuresTheResponseIsIgnored() throws Exception {
        sendBatches("UnreportedQueue", List.of("ok:1", "fail-always:2", "ok:3"));

        assertThat(queues.awaitDrained("UnreportedQueue", DRAIN)).isTrue();
        // Lambda ignores batchItemFailures unless the mapping has ReportBatchItemFailures: all deleted.
        assertThat(RecordingQueueConsumer.deliveries("UnreportedFunction")).extracting(Delivery::label)
                .containsExactlyInAnyOrder("1", "2", "3");
    }

    @Test
    void fifoKeepsOrderPerGroupAndRunsGroupsInParallel() throws Exception {
        List<String> groups = List.of("acct-1", "acct-2", "acct-3");
        for (int i = 0; i < 8; i++) {
            for (String g : groups) {
                // the third message of acct-2 fails once: it and the rest of its batch come back, in order
                String cmd = g.equals("acct-2") && i == 2 ? "fail-once" : "slow";
                sendFifo("OrdersQueue", cmd + ":" + g + "/" + i, g, g + "-" + i);
            }
        }

        assertThat(queues.awaitDrained("OrdersQueue", DRAIN)).isTrue();
        List<Delivery> all = RecordingQueueConsumer.deliveries("OrdersFunction");
        for (String g : groups) {
            assertThat(all).filteredOn(d -> d.processed() && d.groupId().equals(g)).extracting(Delivery::label)
                    .containsExactlyElementsOf(IntStream.range(0, 8).mapToObj(i -> g + "/" + i).toList());
            // as delivered, retries included, a group's sequence never goes backwards except to redeliver
        }
        assertThat(all).filteredOn(d -> d.label().equals("acct-2/2")).extracting(Delivery::receiveCount).containsExactly(1, 2);
        // a group is never handled by two batches at once, but different groups were
        assertThat(RecordingQueueConsumer.GROUP_OVERLAPS).isEmpty();
        assertThat(RecordingQueueConsumer.MAX_RUNNING.get()).isBetween(2, 3);
        assertThat(dlq("OrdersDeadLetterQueue")).isEmpty();
    }

    @Test
    void fifoDropsDuplicatesWithinTheDeduplicationInterval() throws Exception {
        sendFifo("OrdersQueue", "ok:first", "acct-9", "job-1#0");
        sendFifo("OrdersQueue", "ok:resent-with-same-id", "acct-9", "job-1#0");
        // ContentBasedDeduplication: the same body without an id is a duplicate too
        sqs.sendMessage(b -> b.queueUrl(queues.queue("OrdersQueue").url()).messageBody("ok:same-body").messageGroupId("acct-9"));
        sqs.sendMessage(b -> b.queueUrl(queues.queue("OrdersQueue").url()).messageBody("ok:same-body").messageGroupId("acct-9"));

        assertThat(queues.awaitDrained("OrdersQueue", DRAIN)).isTrue();
        List<Delivery> all = RecordingQueueConsumer.deliveries("OrdersFunction");
        assertThat(all).extracting(Delivery::label).containsExactly("first", "same-body");
        // and after it was consumed, the id is still remembered
        sendFifo("OrdersQueue", "ok:again", "acct-9", "job-1#0");
        assertThat(queues.awaitDrained("OrdersQueue", DRAIN)).isTrue();
        assertThat(RecordingQueueConsumer.deliveries("OrdersFunction")).hasSize(2);
    }

    @Test
    void handlersGetTheEventLambdaBuilds() throws Exception {
        String url = queues.queue("RetryQueue").url();
        sqs.sendMessage(b -> b.queueUrl(url).messageBody("ok:shape").messageAttributes(Map.of(
                "kind", MessageAttributeValue.builder().dataType("String").stringValue("load").build(),
                "blob", MessageAttributeValue.builder().dataType("Binary").binaryValue(SdkBytes.fromByteArray(new byte[]{1, 2, (byte) 255})).build())));
        sendFifo("OrdersQueue", "ok:fifo-shape", "acct-7", "dedup-7");
        assertThat(queues.awaitDrained("RetryQueue", DRAIN)).isTrue();
        assertThat(queues.awaitDrained("OrdersQueue", DRAIN)).isTrue();

        var m = RecordingQueueConsumer.deliveries("RetryFunction").get(0).message();
        assertThat(m.getEventSource()).isEqualTo("aws:sqs");
        assertThat(m.getEventSourceArn()).isEqualTo(queues.queue("RetryQueue").arn()).startsWith("arn:aws:sqs:us-east-1:123456789012:");
        assertThat(m.getAwsRegion()).isEqualTo("us-east-1");
        assertThat(m.getMessageId()).isNotBlank();
        assertThat(m.getReceiptHandle()).isNotBlank();
        assertThat(m.getMd5OfBody()).isEqualTo(md5("ok:shape"));
        assertThat(m.getAttributes()).containsEntry("ApproximateReceiveCount", "1").containsKeys("SentTimestamp", "ApproximateFirstReceiveTimestamp");
        assertThat(m.getMessageAttributes().get("kind").getStringValue()).isEqualTo("load");
        assertThat(m.getMessageAttributes().get("kind").getDataType()).isEqualTo("String");
        var blob = m.getMessageAttributes().get("blob").getBinaryValue();
        byte[] bytes = new byte[blob.remaining()];
        blob.duplicate().get(bytes);
        assertThat(bytes).containsExactly(1, 2, 255);

        var f = RecordingQueueConsumer.deliveries("OrdersFunction").get(0).message();
        assertThat(f.getEventSourceArn()).endsWith(":OrdersQueue.fifo");
        assertThat(f.getAttributes()).containsEntry("MessageGroupId", "acct-7").containsEntry("MessageDeduplicationId", "dedup-7")
                .containsKey("SequenceNumber");
    }

    @Test
    void queueReferencesInTheEnvironmentResolveToTheLocalQueues() throws Exception {
        LocalSqs.Queue batch = queues.queue("BatchQueue");
        LocalSqs.Queue retry = queues.queue("RetryQueue");
        LocalSqs.Queue retryDlq = queues.queue("RetryDeadLetterQueue");
        LocalSqs.Queue orders = queues.queue("OrdersQueue");
        assertThat(Env.get("BATCH_QUEUE_URL", null)).isEqualTo(batch.url()).startsWith(queues.endpoint().toString());
        assertThat(Env.get("ORDERS_QUEUE_URL", null)).isEqualTo(orders.url()).endsWith("/OrdersQueue.fifo");
        assertThat(Env.get("ORDERS_QUEUE_ARN", null)).isEqualTo(orders.arn()).isEqualTo("arn:aws:sqs:us-east-1:123456789012:OrdersQueue.fifo");
        assertThat(Env.get("RETRY_DLQ_ARN", null)).isEqualTo(retryDlq.arn());
        // QueueName: !Sub "${AWS::StackName}-retry"
        assertThat(Env.get("RETRY_QUEUE_NAME", null)).isEqualTo(retry.name()).isEqualTo("numbers-local-retry");
        assertThat(Env.get("RETRY_QUEUE_SUMMARY", null)).isEqualTo("numbers-local-retry -> " + retryDlq.arn());
        assertThat(Env.get(LocalSqs.ENDPOINT_VARIABLE, null)).isEqualTo(queues.endpoint().toString());
        // values that are not queue references are left to the rest of the runtime
        assertThat(System.getProperty("PLAIN_SETTING")).isNull();
        // the URL works with the SDK as the handlers would use it
        sqs.sendMessage(b -> b.queueUrl(Env.get("BATCH_QUEUE_URL", null)).messageBody("ok:via-env"));
        assertThat(queues.awaitDrained("BatchQueue", DRAIN)).isTrue();
        assertThat(RecordingQueueConsumer.deliveries("BatchFunction")).extracting(Delivery::body).containsExactly("ok:via-env");
    }

    @Test
    void queuesAreCreatedWithTheTemplateAttributes() {
        var a = sqs.getQueueAttributes(b -> b.queueUrl(queues.queue("OrdersQueue").url()).attributeNamesWithStrings("All"))
                .attributesAsStrings();
        assertThat(a).containsEntry("FifoQueue", "true").containsEntry("ContentBasedDeduplication", "true")
                .containsEntry("VisibilityTimeout", "2");
        assertThat(a.get("RedrivePolicy")).contains(queues.queue("OrdersDeadLetterQueue").arn()).contains("5");
        var dlq = sqs.getQueueAttributes(b -> b.queueUrl(queues.queue("RetryDeadLetterQueue").url())
                .attributeNamesWithStrings("All")).attributesAsStrings();
        // CloudFormation's default visibility timeout (ElasticMQ accepts MessageRetentionPeriod but does not keep it)
        assertThat(dlq).containsEntry("VisibilityTimeout", "30").doesNotContainKey("RedrivePolicy");
    }

    @Test
    void aDisabledMappingLeavesItsQueueAlone() throws Exception {
        send("DisabledQueue", "ok:parked");
        Thread.sleep(300);
        assertThat(queues.messages("DisabledQueue")).isEqualTo(1);
        assertThat(RecordingQueueConsumer.deliveries("DisabledFunction")).isEmpty();
        assertThat(queues.mappings()).noneMatch(m -> m.definition().function().logicalId().equals("DisabledFunction"));
    }

    // --- helpers

    private static void send(String queue, String body) {
        sqs.sendMessage(b -> b.queueUrl(queues.queue(queue).url()).messageBody(body));
    }

    private static void sendFifo(String queue, String body, String group, String dedupId) {
        sqs.sendMessage(b -> b.queueUrl(queues.queue(queue).url()).messageBody(body).messageGroupId(group).messageDeduplicationId(dedupId));
    }

    private static List<String> sendBatches(String queue, List<String> bodies) {
        for (int i = 0; i < bodies.size(); i += 10) {
            List<SendMessageBatchRequestEntry> entries = new ArrayList<>();
            for (int j = i; j < Math.min(bodies.size(), i + 10); j++) {
                entries.add(SendMessageBatchRequestEntry.builder().id("m" + j).messageBody(bodies.get(j)).build());
            }
            var r = sqs.sendMessageBatch(b -> b.queueUrl(queues.queue(queue).url()).entries(entries));
            assertThat(r.failed()).isEmpty();
        }
        return bodies;
    }

    private static Map<String, List<Integer>> receivesByLabel(String function) {
        return RecordingQueueConsumer.deliveries(function).stream().collect(Collectors.groupingBy(Delivery::label,
                Collectors.mapping(Delivery::receiveCount, Collectors.toList())));
    }

    /** Drains a dead-letter queue (no consumer) and answers what it held. */
    private static List<Message> dlq(String queue) {
        List<Message> out = new ArrayList<>();
        String url = queues.queue(queue).url();
        while (true) {
            List<Message> got = sqs.receiveMessage(b -> b.queueUrl(url).maxNumberOfMessages(10).waitTimeSeconds(0)
                    .messageSystemAttributeNames(MessageSystemAttributeName.ALL)).messages();
            if (got.isEmpty()) {
                return out;
            }
            out.addAll(got);
            for (Message m : got) {
                sqs.deleteMessage(b -> b.queueUrl(url).receiptHandle(m.receiptHandle()));
            }
        }
    }

    private static String md5(String s) {
        try {
            byte[] d = java.security.MessageDigest.getInstance("MD5").digest(s.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return java.util.HexFormat.of().formatHex(d);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
