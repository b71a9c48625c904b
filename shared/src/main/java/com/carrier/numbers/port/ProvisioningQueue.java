package com.carrier.numbers.port;

import java.util.List;

/** The FIFO provisioning queue: bulk job items, inventory load chunks and due renewals. */
public interface ProvisioningQueue {

    /** Sends every task (in batches); throws {@link StoreUnavailable} if some could not be sent. */
    void enqueue(List<? extends ProvisioningTask> tasks);
}
