package com.carrier.numbers.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.Socket;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The queues start with the runtime and stop with it: pollers gone, ElasticMQ's port closed, properties restored. */
class LocalSqsLifecycleTest {

    @Test
    void stopsCleanlyWithTheRuntime() throws Exception {
        System.setProperty("BATCH_QUEUE_URL", "set-before-the-runtime");
        String endpointBefore = System.getProperty(LocalSqs.ENDPOINT_VARIABLE); // another runtime of this JVM may have set it
        LocalRuntime runtime = LocalRuntime.start(LocalRuntime.Options.defaults().withTemplate(SqsEventSourceMappingTest.template())
                .withPort(0).withPlatform(false).withAccessLog(false));
        URI endpoint;
        try {
            LocalSqs queues = runtime.queues();
            endpoint = queues.endpoint();
            assertThat(System.getProperty("BATCH_QUEUE_URL")).isEqualTo(queues.queue("BatchQueue").url());
            // one poller thread per concurrent batch of every enabled mapping: 2 + 5 + 2 + 5 + 3
            assertThat(queues.mappings()).hasSize(5);
            assertThat(pollerThreads()).isEqualTo(17);
            runtime.sqs().sendMessage(b -> b.queueUrl(queues.queue("RetryQueue").url()).messageBody("ok:before-stop"));
            assertThat(queues.awaitDrained("RetryQueue", Duration.ofSeconds(60))).isTrue();
        } finally {
            runtime.close();
        }
        Thread.sleep(100);
        assertThat(pollerThreads()).isZero();
        assertThat(System.getProperty("BATCH_QUEUE_URL")).isEqualTo("set-before-the-runtime");
        assertThat(System.getProperty(LocalSqs.ENDPOINT_VARIABLE)).isEqualTo(endpointBefore);
        assertThatThrownBy(() -> new Socket(endpoint.getHost(), endpoint.getPort()).close()).isInstanceOf(java.io.IOException.class);
        System.clearProperty("BATCH_QUEUE_URL");
    }

    /** Poller threads ("sqs-<function>-<n>") of this template's functions (another runtime of the JVM may poll too). */
    private static long pollerThreads() {
        var functions = java.util.Set.of("BatchFunction", "RetryFunction", "ThrowFunction", "UnreportedFunction", "OrdersFunction", "DisabledFunction");
        return Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive)
                .filter(t -> t.getName().startsWith("sqs-") && functions.contains(t.getName().replaceFirst("^sqs-(.*)-\\d+$", "$1"))).count();
    }
}
