package com.carrier.numbers.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class JobStatusTest {

    @Test
    void rollUpOfItemResults() {
        assertThat(JobStatus.finalFor(10, 0)).isEqualTo(JobStatus.COMPLETED);
        assertThat(JobStatus.finalFor(0, 0)).isEqualTo(JobStatus.COMPLETED);
        assertThat(JobStatus.finalFor(9, 1)).isEqualTo(JobStatus.COMPLETED_WITH_ERRORS);
        assertThat(JobStatus.finalFor(1, 9)).isEqualTo(JobStatus.COMPLETED_WITH_ERRORS);
        assertThat(JobStatus.finalFor(0, 3)).isEqualTo(JobStatus.FAILED);
    }

    @Test
    void onlyQueuedAndRunningAreNotFinal() {
        assertThat(JobStatus.QUEUED.isFinal()).isFalse();
        assertThat(JobStatus.RUNNING.isFinal()).isFalse();
        assertThat(JobStatus.COMPLETED.isFinal()).isTrue();
        assertThat(JobStatus.COMPLETED_WITH_ERRORS.isFinal()).isTrue();
        assertThat(JobStatus.FAILED.isFinal()).isTrue();
        assertThat(JobStatus.START_FROM).containsExactly(JobStatus.QUEUED);
    }

    @Test
    void wireNamesRoundTrip() {
        assertThat(JobStatus.COMPLETED_WITH_ERRORS.wire()).isEqualTo("completed_with_errors");
        assertThat(JobStatus.fromWire("running")).isEqualTo(JobStatus.RUNNING);
        assertThatThrownBy(() -> JobStatus.fromWire("done")).isInstanceOf(IllegalArgumentException.class);
    }
}
