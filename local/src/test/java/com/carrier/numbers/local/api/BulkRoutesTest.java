package com.carrier.numbers.local.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.carrier.numbers.local.LocalApi;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Bulk provisioning on the local runtime, end to end: the routes, ElasticMQ's FIFO queue, the
 * poller standing in for the event source mapping, the consumer, DynamoDB Local. Prints how long
 * the jobs took.
 */
class BulkRoutesTest {
    private final LocalApi api = LocalApi.shared();

    private JsonNode awaitJob(String id, String token) throws InterruptedException {
        long deadline = System.nanoTime() + 600_000_000_000L;
        while (System.nanoTime() < deadline) {
            JsonNode job = LocalApi.json(api.get("/v2/jobs/" + id + "?results_limit=1000", token)).path("data");
            if (!job.path("status").asText().matches("queued|running")) {
                return job;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("job " + id + " did not finish");
    }

    @Test
    void aThousandNumberPurchaseJobCompletesWithPerNumberResults() throws Exception {
        assertThat(api.send("POST", "/v2/accounts/MA_other/credits", LocalApi.ADMIN, "{\"amount\": 2500.00}").statusCode()).isEqualTo(200);
        // The demo data has exactly 1,000 numbers in 512 and other tests of this shared runtime buy some of them: with
        // only those, the job's last items would rightly find none left. 1,200 more in 512-202 leave room for both.
        StringBuilder more = new StringBuilder("{\"numbers\": [");
        for (int i = 0; i < 1200; i++) {
            more.append(i == 0 ? "" : ",").append("{\"number\": \"+1512202").append(1000 + i)
                    .append("\", \"city\": \"Austin\", \"state\": \"TX\", \"type\": \"local\"}");
        }
        HttpResponse<String> loaded = api.send("POST", "/v2/admin/inventory", LocalApi.ADMIN, more.append("]}").toString());
        assertThat(loaded.statusCode()).as(loaded.body()).isEqualTo(202);
        assertThat(awaitJob(LocalApi.json(loaded).path("data").path("id").asText(), LocalApi.ADMIN).path("succeeded").asInt()).isEqualTo(1200);
        StringBuilder ops = new StringBuilder("{\"customer_reference\": \"thousand\", \"operations\": [");
        ops.append("{\"action\": \"purchase\", \"prefix\": \"512202\", \"quantity\": 1000}]}");
        long t0 = System.nanoTime();
        HttpResponse<String> submitted = api.send("POST", "/v2/numbers/bulk", LocalApi.OTHER_MASTER, ops.toString(),
                Map.of("Idempotency-Key", "thousand-1"));
        assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(202);
        String id = LocalApi.json(submitted).path("data").path("id").asText();
        assertThat(LocalApi.json(submitted).path("data").path("total").asInt()).isEqualTo(1000);
        // replayed: the same job, not a second one
        assertThat(LocalApi.json(api.send("POST", "/v2/numbers/bulk", LocalApi.OTHER_MASTER, ops.toString(),
                Map.of("Idempotency-Key", "thousand-1"))).path("data").path("id").asText()).isEqualTo(id);
        JsonNode job = awaitJob(id, LocalApi.OTHER_MASTER);
        System.out.printf("BULK 1,000-number purchase job: %.1f s (submit %s)%n", (System.nanoTime() - t0) / 1e9, id);
        assertThat(job.path("status").asText()).as(job.toString()).isEqualTo("completed");
        assertThat(job.path("succeeded").asInt()).isEqualTo(1000);
        assertThat(job.path("results").size()).isEqualTo(1000);
        job.path("results").forEach(r -> assertThat(r.path("number").asText()).startsWith("+1512"));
        assertThat(api.get("/v2/jobs/" + id, LocalApi.DEMO_MASTER).statusCode()).isEqualTo(404); // another account's job
    }

    @Test
    void anInventoryLoadJobCompletesAndItsNumbersAreFoundBySearch() throws Exception {
        int n = Integer.getInteger("bulk.load", 5000);
        StringBuilder body = new StringBuilder("{\"numbers\": [");
        for (int i = 0; i < n; i++) {
            body.append(i == 0 ? "" : ",").append("{\"number\": \"+1720").append(String.format("%07d", 3_000_000 + i))
                    .append("\", \"city\": \"Denver\", \"state\": \"CO\", \"type\": \"local\"}");
        }
        body.append("]}");
        long t0 = System.nanoTime();
        HttpResponse<String> submitted = api.send("POST", "/v2/admin/inventory", LocalApi.ADMIN, body.toString());
        assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(202);
        String id = LocalApi.json(submitted).path("data").path("id").asText();
        JsonNode job = awaitJob(id, LocalApi.ADMIN);
        System.out.printf("BULK %,d-number inventory load job: %.1f s%n", n, (System.nanoTime() - t0) / 1e9);
        assertThat(job.path("status").asText()).as(job.toString()).isEqualTo("completed");
        assertThat(job.path("succeeded").asInt()).isEqualTo(n);
        JsonNode found = LocalApi.json(api.get("/v2/phone_numbers?prefix=720300&quantity=5", LocalApi.DEMO_MASTER)).path("data");
        assertThat(found.size()).isEqualTo(5);
        assertThat(api.send("POST", "/v2/admin/inventory", LocalApi.DEMO_MASTER, "{\"numbers\": [{\"number\": \"+17209990000\"}]}")
                .statusCode()).isEqualTo(403);
    }
}
