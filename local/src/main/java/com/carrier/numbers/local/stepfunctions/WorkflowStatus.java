package com.carrier.numbers.local.stepfunctions;

/** An execution's status, as Step Functions names it. */
public enum WorkflowStatus {
    RUNNING, SUCCEEDED, FAILED, TIMED_OUT, ABORTED
}
