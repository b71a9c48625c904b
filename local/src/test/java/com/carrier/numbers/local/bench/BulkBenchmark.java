package com.carrier.numbers.local.bench;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.carrier.numbers.adapter.sqs.SqsProvisioningQueue;
import com.carrier.numbers.domain.Caller;
import com.carrier.numbers.domain.InventoryNumber;
import com.carrier.numbers.domain.Job;
import com.carrier.numbers.domain.JobOperation;
import com.carrier.numbers.functions.queue.CallActivityConsumerHandler;
import com.carrier.numbers.functions.queue.ProvisioningConsumerHandler;
import com.carrier.numbers.service.SearchQuery;
import com.carrier.numbers.testing.LocalSqs;
import com.carrier.numbers.testing.PlatformFixture;
import com.carrier.numbers.local.TemplateQueues;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;

/**
 * Bulk provisioning figures, side by side in one run, on DynamoDB Local (embedded) and ElasticMQ
 * (in this JVM), the consumer fed by a poller like the event source mapping (the batch size and
 * ScalingConfig.MaximumConcurrency of the consumer's event in template.yaml, delete on success):
 * numbers loaded per second through the queue and consumer vs one number per call; the time to
 * load {@code bench.load} numbers (default 10^5); bulk purchases per second for one account and
 * for four; call reports per second through the call activity consumer.
 *
 * <pre>./mvnw -q -pl local -am package -DskipTests -Pbench-bulk   (-Dbench.load=20000 for a quick run)</pre>
 */
public final class BulkBenchmark {
    private static final String CONSUMER = "ProvisioningConsumerFunction";

    public static void main(String[] args) throws Exception {
        int bigLoad = Integer.parseInt(System.getProperty("bench.load", "100000"));
        System.setProperty("aws.region", System.getProperty("aws.region", "us-east-1"));
        try (LocalSqs sqs = new LocalSqs()) {
            String url = sqs.fifoWithDlq("provisioning-bench", 5, 60)[0];
            PlatformFixture f = PlatformFixture.withQueue(new SqsProvisioningQueue(sqs.client, url));
            ProvisioningConsumerHandler consumer = new ProvisioningConsumerHandler(f.platform, 5);
            // the consumer's event source mapping as the template defines it (the local runtime reads the same)
            TemplateQueues.QueueEventDef event = TemplateQueues.read(Path.of("template.yaml")).events().stream()
                    .filter(e -> e.function().logicalId().equals(CONSUMER)).findFirst().orElseThrow();
            Poller poller = new Poller(sqs, url, consumer, event.maximumConcurrency() > 0 ? event.maximumConcurrency() : 5,
                    event.batchSize());
            poller.start();
            try {
                run(f, bigLoad, poller);
            } finally {
                poller.stop();
            }
        }
        System.exit(0); // DynamoDB Local's threads
    }

    private static void run(PlatformFixture f, int bigLoad, Poller poller) throws Exception {
        System.out.printf("Bulk provisioning benchmark (DynamoDB Local embedded, ElasticMQ in-JVM, %d pollers x batch %d as template.yaml's"
                + " ScalingConfig, %d cores)%n", poller.pollers, poller.batchSize, Runtime.getRuntime().availableProcessors());

        // 1. one number per call (the single load, sequential) vs a job through the queue and the consumer
        int single = 1_000;
        long t0 = System.nanoTime();
        for (int i = 0; i < single; i++) {
            f.platform.inventory().load(f.admin, List.of(local(number("+1206", i))));
        }
        double perCall = single / seconds(t0);
        int viaQueue = 10_000;
        t0 = System.nanoTime();
        awaitAll(f, List.of(f.platform.bulkJobs().submitInventory(f.admin, range("+1503", 0, viaQueue))));
        double perConsumer = viaQueue / seconds(t0);
        System.out.printf("load, one number per call (sequential, %,d numbers):       %,10.0f numbers/s%n", single, perCall);
        System.out.printf("load, one 10,000-number job through queue + consumer:       %,10.0f numbers/s  (%.1fx)%n",
                perConsumer, perConsumer / perCall);

        // 2. 10^5 numbers: jobs of 10,000 (the API's limit per request), submitted together
        t0 = System.nanoTime();
        List<Job> jobs = new ArrayList<>();
        for (int from = 0; from < bigLoad; from += 10_000) {
            jobs.add(f.platform.bulkJobs().submitInventory(f.admin, range("+1303", from, Math.min(10_000, bigLoad - from))));
        }
        double submitted = seconds(t0);
        awaitAll(f, jobs);
        double loaded = seconds(t0);
        int found = f.platform.inventory().search(new SearchQuery("303", null, null, 100)).size();
        System.out.printf("load of %,d numbers: %.1f s (submitting %.1f s), %,.0f numbers/s; a search of 303 then finds %d%n",
                bigLoad, loaded, submitted, bigLoad / loaded, found);

        // 3. bulk purchases per second: one account (one message group: strictly in order) vs four (four groups side by side)
        int perAccount = Integer.getInteger("bench.purchases", 400);
        f.load("+17205550000", perAccount * 5, "Denver", "CO");
        Caller one = f.master("MA_benchone", "100000.00");
        t0 = System.nanoTime();
        awaitAll(f, List.of(f.platform.bulkJobs().submit(one, purchases(7205550000L, 0, perAccount), null)));
        double oneRate = perAccount / seconds(t0);
        List<Job> four = new ArrayList<>();
        t0 = System.nanoTime();
        for (int a = 0; a < 4; a++) {
            Caller c = f.master("MA_benchfour" + a, "100000.00");
            four.add(f.platform.bulkJobs().submit(c, purchases(7205550000L, perAccount * (a + 1), perAccount), null));
        }
        awaitAll(f, four);
        double fourRate = 4 * perAccount / seconds(t0);
        System.out.printf("bulk purchases, one account (%d):   %,8.0f purchases/s%n", perAccount, oneRate);
        System.out.printf("bulk purchases, four accounts (%d): %,8.0f purchases/s  (%.2fx)%n", 4 * perAccount, fourRate, fourRate / oneRate);

        // 4. call reports: batches of 1,000 (the event source mapping's batch size) through the consumer
        CallActivityConsumerHandler calls = new CallActivityConsumerHandler(f.platform);
        int reports = 20_000;
        t0 = System.nanoTime();
        for (int b = 0; b < reports / 1000; b++) {
            List<SQSEvent.SQSMessage> records = new ArrayList<>(1000);
            for (int i = 0; i < 1000; i++) {
                SQSEvent.SQSMessage m = new SQSEvent.SQSMessage();
                m.setMessageId("r" + b + "-" + i);
                m.setBody("{\"number\":\"" + number("+1303", (b * 1000 + i) % 50_000) + "\",\"at\":\"2026-11-24T02:"
                        + String.format("%02d", i % 60) + ":00Z\"}");
                records.add(m);
            }
            SQSEvent e = new SQSEvent();
            e.setRecords(records);
            SQSBatchResponse r = calls.handleRequest(e, null);
            if (!r.getBatchItemFailures().isEmpty()) {
                throw new IllegalStateException("call reports failed: " + r.getBatchItemFailures().size());
            }
        }
        System.out.printf("call reports through the call activity consumer (batches of 1,000): %,.0f reports/s%n", reports / seconds(t0));
    }

    private static double seconds(long t0) {
        return (System.nanoTime() - t0) / 1e9;
    }

    /** The i-th number of an area code: exchanges 200, 201, ... of 10,000 lines each (all valid NANP numbers). */
    private static String number(String npa, int i) {
        return npa + (200 + i / 10_000) + String.format("%04d", i % 10_000);
    }

    private static InventoryNumber local(String number) {
        return new InventoryNumber(number, "Bench City", "WA", null, "local", null, null);
    }

    private static List<InventoryNumber> range(String npa, int from, int count) {
        List<InventoryNumber> out = new ArrayList<>(count);
        for (int i = from; i < from + count; i++) {
            out.add(local(number(npa, i)));
        }
        return out;
    }

    private static List<JobOperation> purchases(long base, int from, int count) {
        List<JobOperation> out = new ArrayList<>(count);
        for (int i = from; i < from + count; i++) {
            out.add(new JobOperation(JobOperation.Action.PURCHASE, "+1" + (base + i), null, null, null, null, null));
        }
        return out;
    }

    private static void awaitAll(PlatformFixture f, List<Job> jobs) throws InterruptedException {
        for (Job j : jobs) {
            while (true) {
                Job now = f.platform.bulkJobs().get(f.admin, j.id(), 0, 1).job();
                if (now.status().isFinal()) {
                    if (now.failed() > 0) {
                        System.out.printf("  (job %s: %d of %d failed)%n", j.id(), now.failed(), now.total());
                    }
                    break;
                }
                Thread.sleep(100); // each look is two reads on DynamoDB Local's one storage thread: not too often
            }
        }
    }

    /** Like the event source mapping: receive up to 10, invoke, delete what did not fail. */
    private static final class Poller {
        private static final long FIRST_IDLE_PAUSE_MS = 10;
        private static final long LAST_IDLE_PAUSE_MS = 320;
        private final LocalSqs sqs;
        private final String url;
        private final ProvisioningConsumerHandler consumer;
        private final AtomicBoolean running = new AtomicBoolean(true);
        private final int pollers;
        private final int batchSize;
        private final ExecutorService threads;

        Poller(LocalSqs sqs, String url, ProvisioningConsumerHandler consumer, int pollers, int batchSize) {
            this.sqs = sqs;
            this.url = url;
            this.consumer = consumer;
            this.pollers = pollers;
            this.batchSize = batchSize;
            this.threads = Executors.newFixedThreadPool(pollers);
        }

        void start() {
            for (int i = 0; i < pollers; i++) {
                threads.submit(this::loop);
            }
        }

        void stop() {
            running.set(false);
            threads.shutdownNow();
        }

        private void loop() {
            long idlePause = FIRST_IDLE_PAUSE_MS;
            while (running.get()) {
                try {
                    // Short polls, pausing (doubling) while idle, as the local runtime's event source mapping does:
                    // ElasticMQ answers a waiting FIFO long poll by re-checking the queue over and over while the groups
                    // with messages are in flight, and idle pollers' fixed short polls cost as much in requests.
                    List<Message> got = sqs.client.receiveMessage(r -> r.queueUrl(url).maxNumberOfMessages(batchSize).waitTimeSeconds(0)
                            .messageSystemAttributeNames(MessageSystemAttributeName.ALL)).messages();
                    if (got.isEmpty()) {
                        Thread.sleep(idlePause);
                        idlePause = Math.min(LAST_IDLE_PAUSE_MS, idlePause * 2);
                        continue;
                    }
                    idlePause = FIRST_IDLE_PAUSE_MS;
                    List<SQSEvent.SQSMessage> records = new ArrayList<>();
                    Map<String, String> receipts = new HashMap<>();
                    for (Message m : got) {
                        SQSEvent.SQSMessage s = new SQSEvent.SQSMessage();
                        s.setMessageId(m.messageId());
                        s.setBody(m.body());
                        Map<String, String> attrs = new HashMap<>();
                        m.attributes().forEach((k, v) -> attrs.put(k.toString(), v));
                        s.setAttributes(attrs);
                        records.add(s);
                        receipts.put(m.messageId(), m.receiptHandle());
                    }
                    SQSEvent e = new SQSEvent();
                    e.setRecords(records);
                    List<String> failed = consumer.handleRequest(e, null).getBatchItemFailures().stream()
                            .map(SQSBatchResponse.BatchItemFailure::getItemIdentifier).toList();
                    List<DeleteMessageBatchRequestEntry> done = new ArrayList<>();
                    receipts.forEach((id, receipt) -> {
                        if (!failed.contains(id)) {
                            done.add(DeleteMessageBatchRequestEntry.builder().id(id).receiptHandle(receipt).build());
                        }
                    });
                    if (!done.isEmpty()) {
                        sqs.client.deleteMessageBatch(d -> d.queueUrl(url).entries(done));
                    }
                } catch (InterruptedException e) {
                    return;
                } catch (RuntimeException e) {
                    if (running.get()) {
                        System.err.println("poller: " + e);
                    }
                }
            }
        }
    }
}
