package com.carrier.numbers.functions.queue;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.carrier.numbers.Env;
import com.carrier.numbers.NumbersPlatform;
import com.carrier.numbers.functions.Platform;

/**
 * The provisioning queue's consumer (FIFO; ReportBatchItemFailures): bulk job items, inventory
 * load chunks and due renewals. See {@link ProvisioningBatch} for what it does with a batch.
 */
public class ProvisioningConsumerHandler implements RequestHandler<SQSEvent, SQSBatchResponse> {
    private final ProvisioningBatch batch;

    public ProvisioningConsumerHandler() {
        this(Platform.get());
    }

    public ProvisioningConsumerHandler(NumbersPlatform platform) {
        // the queue's redrive policy maxReceiveCount, which template.yaml passes to the function
        this(platform, Integer.parseInt(Env.get("MAX_RECEIVE_COUNT", "5")));
    }

    public ProvisioningConsumerHandler(NumbersPlatform platform, int maxReceiveCount) {
        this.batch = new ProvisioningBatch(platform, maxReceiveCount);
    }

    @Override
    public SQSBatchResponse handleRequest(SQSEvent event, Context context) {
        return batch.process(event, context);
    }
}
