package com.carrier.numbers.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class CoolOffTest {
    private static final Instant CALL = Instant.parse("2026-01-01T12:00:00Z");

    @Test
    void neverUsedNumberHasNoCoolOff() {
        assertThat(CoolOff.until(null, CALL)).isEmpty();
    }

    @Test
    void inEffectUntilFifteenDaysAfterTheLastCall() {
        Instant end = Instant.parse("2026-01-16T12:00:00Z");
        assertThat(CoolOff.PERIOD).isEqualTo(Duration.ofDays(15));
        assertThat(CoolOff.until(CALL, CALL)).contains(end);
        assertThat(CoolOff.until(CALL, end.minusMillis(1))).contains(end);
    }

    @Test
    void overExactlyAtTheEndAndAfter() {
        Instant end = Instant.parse("2026-01-16T12:00:00Z");
        assertThat(CoolOff.until(CALL, end)).isEmpty();
        assertThat(CoolOff.until(CALL, end.plusSeconds(1))).isEmpty();
    }
}
