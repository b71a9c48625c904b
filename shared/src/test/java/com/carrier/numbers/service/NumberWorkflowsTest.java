package com.carrier.numbers.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.carrier.numbers.domain.Money;
import com.carrier.numbers.domain.NumberState;
import com.carrier.numbers.domain.PhoneNumber;
import com.carrier.numbers.domain.UnassignSchedule;
import com.carrier.numbers.port.Workflows.Machine;
import com.carrier.numbers.testing.RecordingWorkflows;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;

/** Starting the executions that wait on a number: started once per change, and a lost start is logged, not thrown. */
class NumberWorkflowsTest {
    private static final Instant RELEASED = Instant.parse("2026-01-15T10:00:00Z");

    private static PhoneNumber released() {
        return new PhoneNumber("+14155550100", null, NumberState.RELEASED, "US", "CA", "San Francisco", "local", Money.of("1.00"),
                Money.of("1.00"), null, null, null, null, null, null, null, null, null, null, null, false, RELEASED,
                RELEASED.plusSeconds(90 * 86400), null, null, null, null, 1);
    }

    private static PhoneNumber scheduled() {
        UnassignSchedule s = new UnassignSchedule("SA_a", RELEASED, RELEASED.plusSeconds(86400), RELEASED);
        return new PhoneNumber("+14155550100", "num_1", NumberState.IN_SERVICE, "US", "CA", "San Francisco", "local",
                Money.of("1.00"), Money.of("1.00"), "MA_a", "SA_a", null, null, null, null, null, null, null, null, null, false,
                null, null, s, null, null, null, 1);
    }

    @Test
    void theAgingStartsOncePerReleaseAndALostStartAnswersFalse() {
        RecordingWorkflows recorded = new RecordingWorkflows();
        NumberWorkflows workflows = new NumberWorkflows(recorded);
        assertThat(workflows.startAging(released())).isTrue();
        assertThat(workflows.startAging(released())).isFalse(); // the same release: that execution runs already
        assertThat(recorded.started(Machine.NUMBER_AGING)).singleElement()
                .satisfies(s -> assertThat(s.name()).isEqualTo("aging-14155550100-" + RELEASED.getEpochSecond()));
        recorded.loseNextStarts(1);
        assertThat(new NumberWorkflows(recorded).startDeferredUnassign(scheduled())).isFalse();
        assertThat(recorded.started(Machine.NUMBER_COOLOFF)).isEmpty();
    }

    @Test
    void aDeferredUnassignStartsOncePerScheduleAndALostStartIsLoggedForTheSweep() {
        RecordingWorkflows recorded = new RecordingWorkflows();
        NumberWorkflows workflows = new NumberWorkflows(recorded);
        Logger log = Logger.getLogger(NumberWorkflows.class.getName());
        List<LogRecord> records = new ArrayList<>();
        Handler handler = new Handler() {
            @Override
            public void publish(LogRecord r) {
                records.add(r);
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        log.addHandler(handler);
        try {
            recorded.loseNextStarts(1);
            assertThat(workflows.startAging(released())).isFalse();
            assertThat(records).singleElement().satisfies(r -> {
                assertThat(r.getLevel()).isEqualTo(Level.WARNING);
                assertThat(r.getMessage()).contains("NumberAgingStateMachine", "aging-14155550100-" + RELEASED.getEpochSecond(),
                        "overdue sweep");
            });
        } finally {
            log.removeHandler(handler);
        }
        assertThat(workflows.startDeferredUnassign(scheduled())).isTrue();
        assertThat(workflows.startDeferredUnassign(scheduled())).isFalse();
        assertThat(recorded.started(Machine.NUMBER_COOLOFF)).singleElement()
                .satisfies(s -> assertThat(s.name()).isEqualTo("unassign-14155550100-" + RELEASED.getEpochSecond()));
    }
}
