package com.carrier.numbers.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.carrier.numbers.domain.Caller;
import com.carrier.numbers.domain.ErrorCode;
import com.carrier.numbers.domain.PlatformException;
import com.carrier.numbers.service.CallActivity.Call;
import com.carrier.numbers.testing.PlatformFixture;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Call reports from the switch: one at a time (the API) and in batches (the call-activity queue). */
class CallReportsTest {
    private final PlatformFixture f = PlatformFixture.create();
    private final CallActivity calls = f.platform.callActivity();

    @Test
    void aReportWithoutATimeIsRefusedNamingTheFieldAndRecordsNothing() {
        f.load("+17205557000", 1, "Denver", "CO");
        Caller owner = f.master("MA_calls", "10.00");
        f.platform.phoneNumbers().purchase(owner, "MA_calls", "+17205557000", null);
        PlatformException e = Errors.of(() -> calls.record("+17205557000", null));
        assertThat(e.code()).isEqualTo(ErrorCode.VALIDATION_ERROR);
        assertThat(e.details()).containsEntry("field", "at");
        assertThat(calls.lastCallAt("+17205557000")).isEmpty();
    }

    @Test
    void aBatchKeepsEachNumbersLatestCallWhateverTheOrder() {
        Instant t = Instant.parse("2026-01-10T12:00:00Z");
        calls.recordAll(List.of(
                new Call("+17205557100", t.plus(Duration.ofHours(2))),
                new Call("+17205557101", t),
                new Call("+17205557100", t),
                new Call("+17205557100", t.plus(Duration.ofHours(1)))));
        assertThat(calls.lastCallAt("+17205557100")).contains(t.plus(Duration.ofHours(2)));
        assertThat(calls.lastCallAt("+17205557101")).contains(t);
    }
}
