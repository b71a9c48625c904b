package com.carrier.numbers.adapter.sqs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.carrier.numbers.domain.Assignment;
import com.carrier.numbers.domain.Cnam;
import com.carrier.numbers.domain.InventoryNumber;
import com.carrier.numbers.domain.JobOperation;
import com.carrier.numbers.domain.NumberUpdate;
import com.carrier.numbers.port.ProvisioningTask;
import com.carrier.numbers.port.ProvisioningTask.InventoryChunk;
import com.carrier.numbers.port.ProvisioningTask.JobItemTask;
import com.carrier.numbers.port.ProvisioningTask.RenewalDue;
import com.carrier.numbers.testing.LocalSqs;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;

/** The SQS adapter against ElasticMQ: FIFO groups, deduplication, the message schema round trip. */
class SqsProvisioningQueueTest {
    private static LocalSqs sqs;

    @BeforeAll
    static void start() {
        sqs = new LocalSqs();
    }

    @AfterAll
    static void stop() {
        sqs.close();
    }

    private List<Message> receiveAll(String url) {
        List<Message> out = new ArrayList<>();
        while (true) {
            var got = sqs.client.receiveMessage(b -> b.queueUrl(url).maxNumberOfMessages(10).waitTimeSeconds(1)
                    .messageSystemAttributeNames(MessageSystemAttributeName.MESSAGE_GROUP_ID)).messages();
            if (got.isEmpty()) {
                return out;
            }
            for (Message m : got) {
                out.add(m);
                sqs.client.deleteMessage(b -> b.queueUrl(url).receiptHandle(m.receiptHandle()));
            }
        }
    }

    @Test
    void tasksArriveOnceEachWithTheAccountAsGroupAndDecodeToWhatWasSent() {
        String url = sqs.fifoWithDlq("provisioning-roundtrip", 3, 30)[0];
        var queue = new SqsProvisioningQueue(sqs.client, url);
        NumberUpdate update = new NumberUpdate("Main", new Cnam("Acme", true), null, null, new Assignment("callflow", "cf_1"), null, Set.of("e911"));
        List<ProvisioningTask> tasks = new ArrayList<>();
        for (int i = 0; i < 23; i++) {
            tasks.add(new JobItemTask("job_ab12", "MA_demo", i, new JobOperation(JobOperation.Action.UPDATE, "+14155550100", null, null, null, null, update)));
        }
        tasks.add(new InventoryChunk("job_ab13", 100, List.of(new InventoryNumber("+14155550101", "San Francisco", "CA", null, "local", null, null))));
        tasks.add(new RenewalDue("+14155550102", "MA_other", Instant.parse("2026-02-01T00:00:00Z")));
        queue.enqueue(tasks);
        queue.enqueue(tasks.subList(0, 5)); // a resend within the deduplication window is dropped

        List<Message> got = receiveAll(url);
        assertThat(got).hasSize(25);
        List<ProvisioningTask> decoded = got.stream().map(m -> ProvisioningMessages.decode(m.body())).toList();
        assertThat(decoded).containsExactlyInAnyOrderElementsOf(tasks);
        assertThat(got).filteredOn(m -> m.attributes().get(MessageSystemAttributeName.MESSAGE_GROUP_ID).equals("MA_demo")).hasSize(23);
        // one group's messages come in the order they were sent
        assertThat(decoded.stream().filter(t -> t instanceof JobItemTask).map(t -> ((JobItemTask) t).index()).toList())
                .isSorted();
    }

    @Test
    void aBodyThatIsNotOurMessageIsRefusedNamingTheJobItemsItCarried() {
        assertThatThrownBy(() -> ProvisioningMessages.decode("{\"type\":\"job_item\",\"job_id\":\"job_1\",\"account_id\":\"MA_x\",\"index\":4,\"operation\":{\"action\":\"explode\"}}"))
                .isInstanceOfSatisfying(ProvisioningMessages.Malformed.class, m -> {
                    assertThat(m.jobId()).isEqualTo("job_1");
                    assertThat(m.firstIndex()).isEqualTo(4);
                });
        assertThatThrownBy(() -> ProvisioningMessages.decode("not json")).isInstanceOf(ProvisioningMessages.Malformed.class);
        // the operator's schema: numbers without a job
        assertThat(ProvisioningMessages.decode("{\"type\":\"inventory_load\",\"numbers\":[{\"number\":\"+14155550199\",\"city\":\"San Francisco\",\"state\":\"CA\",\"type\":\"local\"}]}"))
                .isEqualTo(new InventoryChunk(null, 0, List.of(new InventoryNumber("+14155550199", "San Francisco", "CA", null, "local", null, null))));
    }
}
