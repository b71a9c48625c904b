package com.carrier.numbers.domain;

import static com.carrier.numbers.domain.PortStatus.AUTHORIZED;
import static com.carrier.numbers.domain.PortStatus.CANCELLED;
import static com.carrier.numbers.domain.PortStatus.COMPLETED;
import static com.carrier.numbers.domain.PortStatus.FAILED;
import static com.carrier.numbers.domain.PortStatus.IN_PROGRESS;
import static com.carrier.numbers.domain.PortStatus.PENDING;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** The port's transition table, row by row: what each change may start from and where it leads. */
class PortLifecycleTest {

    @Test
    void theTableIsExactlyThis() {
        Map<String, String> rows = new TreeMap<>();
        for (PortLifecycle r : PortLifecycle.values()) {
            rows.put(r.name(), new TreeMap<>(Map.of("from", String.valueOf(new java.util.TreeSet<>(r.from())))) + " -> " + r.to());
        }
        assertThat(rows).containsExactlyInAnyOrderEntriesOf(Map.ofEntries(
                Map.entry("REQUEST", "{from=[]} -> PENDING"),
                Map.entry("SUBMIT", "{from=[PENDING]} -> null"),
                Map.entry("AWAIT_DECISION", "{from=[PENDING]} -> null"),
                Map.entry("RECORD_DECISION", "{from=[PENDING]} -> null"),
                Map.entry("AUTHORIZE", "{from=[PENDING]} -> AUTHORIZED"),
                Map.entry("NOTIFY_CUTOVER", "{from=[AUTHORIZED]} -> null"),
                Map.entry("START_CUTOVER", "{from=[AUTHORIZED]} -> IN_PROGRESS"),
                Map.entry("RECORD_COMPLETION", "{from=[AUTHORIZED, IN_PROGRESS]} -> null"),
                Map.entry("COMPLETE", "{from=[IN_PROGRESS]} -> COMPLETED"),
                Map.entry("FAIL", "{from=[PENDING, AUTHORIZED, IN_PROGRESS]} -> FAILED"),
                Map.entry("CANCEL", "{from=[PENDING, AUTHORIZED]} -> CANCELLED"),
                Map.entry("RESUBMIT", "{from=[FAILED]} -> PENDING")));
    }

    @Test
    void nothingMovesACancelledOrCompletedPort() {
        for (PortLifecycle r : PortLifecycle.values()) {
            assertThat(r.allows(CANCELLED)).as("%s on a cancelled port", r).isFalse();
            assertThat(r.allows(COMPLETED)).as("%s on a completed port", r).isFalse();
        }
    }

    @Test
    void aFailedPortOnlyComesBackThroughAResubmission() {
        Set<PortLifecycle> fromFailed = EnumSet.noneOf(PortLifecycle.class);
        for (PortLifecycle r : PortLifecycle.values()) {
            if (r.allows(FAILED)) {
                fromFailed.add(r);
            }
        }
        assertThat(fromFailed).containsExactly(PortLifecycle.RESUBMIT);
    }

    @Test
    void cancelIsRefusedOnceInProgress() {
        assertThat(PortLifecycle.CANCEL.allows(PENDING)).isTrue();
        assertThat(PortLifecycle.CANCEL.allows(AUTHORIZED)).isTrue();
        assertThat(PortLifecycle.CANCEL.allows(IN_PROGRESS)).isFalse();
    }

    @Test
    void recordingRowsKeepTheStatus() {
        assertThat(PortLifecycle.RECORD_COMPLETION.after(AUTHORIZED)).isEqualTo(AUTHORIZED);
        assertThat(PortLifecycle.RECORD_COMPLETION.after(IN_PROGRESS)).isEqualTo(IN_PROGRESS);
        assertThat(PortLifecycle.AWAIT_DECISION.after(PENDING)).isEqualTo(PENDING);
        assertThat(PortLifecycle.REQUEST.allows(null)).isTrue();
        assertThat(PortLifecycle.AUTHORIZE.allows(null)).isFalse();
    }

    @Test
    void theNumberSideUsesThePortInRows() {
        assertThat(NumberLifecycle.PORT_IN_REQUEST.createsNumber()).isTrue();
        assertThat(NumberLifecycle.PORT_IN_COMPLETE.from()).containsExactly(NumberState.PORT_IN);
        assertThat(NumberLifecycle.PORT_IN_COMPLETE.to()).isEqualTo(NumberState.IN_SERVICE);
        assertThat(NumberLifecycle.PORT_IN_WITHDRAW.from()).containsExactly(NumberState.PORT_IN);
        assertThat(NumberLifecycle.PORT_IN_WITHDRAW.removesNumber()).isTrue();
    }
}
