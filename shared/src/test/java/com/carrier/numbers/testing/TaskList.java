package com.carrier.numbers.testing;

import com.carrier.numbers.port.ProvisioningQueue;
import com.carrier.numbers.port.ProvisioningTask;
import java.util.ArrayList;
import java.util.List;

/** The provisioning queue's port kept as a list, for domain tests that run the tasks themselves (the SQS adapter has its own tests on ElasticMQ). */
public final class TaskList implements ProvisioningQueue {
    private final List<ProvisioningTask> tasks = new ArrayList<>();

    @Override
    public synchronized void enqueue(List<? extends ProvisioningTask> sent) {
        tasks.addAll(sent);
    }

    /** Everything queued since the last call, in order. */
    public synchronized List<ProvisioningTask> drain() {
        List<ProvisioningTask> out = List.copyOf(tasks);
        tasks.clear();
        return out;
    }
}
