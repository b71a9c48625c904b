package com.carrier.numbers.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.carrier.numbers.port.ConditionFailed;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Read-decide-write retries: how many attempts, and the jittered pauses between them (recorded, not slept). */
class RetryTest {
    @Test
    void aWriteThatKeepsLosingIsTriedExactlyTheGivenTimesAndTheLastConflictIsThrown() {
        AtomicInteger attempts = new AtomicInteger();
        List<Long> pauses = new ArrayList<>();
        List<ConditionFailed> thrown = new ArrayList<>();
        assertThatThrownBy(() -> Retry.onConflict(3, () -> {
            ConditionFailed e = new ConditionFailed("lost " + attempts.incrementAndGet(), false);
            thrown.add(e);
            throw e;
        }, pauses::add)).isSameAs(thrown.get(2)).hasMessage("lost 3");
        assertThat(attempts).hasValue(3);
        assertThat(pauses).hasSize(3);
        for (int i = 0; i < pauses.size(); i++) {
            assertThat(pauses.get(i)).isBetween(0L, Retry.jitterBound(i) - 1);
        }
    }

    @Test
    void aWriteThatWinsOnTheSecondAttemptPausesOnceAndAnswersItsResult() {
        AtomicInteger attempts = new AtomicInteger();
        List<Long> pauses = new ArrayList<>();
        String result = Retry.onConflict(5, () -> {
            if (attempts.incrementAndGet() == 1) {
                throw new ConditionFailed("lost", false);
            }
            return "written";
        }, pauses::add);
        assertThat(result).isEqualTo("written");
        assertThat(attempts).hasValue(2);
        assertThat(pauses).hasSize(1);
        assertThat(Retry.onConflict(1, () -> "first", pauses::add)).isEqualTo("first");
        assertThat(pauses).hasSize(1);
    }

    @Test
    void thePausesGrowFrom2To22MillisecondsAtMost() {
        assertThat(List.of(0, 1, 2, 3, 4, 5, 6, 99)).extracting(Retry::jitterBound)
                .containsExactly(2L, 6L, 10L, 14L, 18L, 22L, 22L, 22L);
    }

    @Test
    void anInterruptedPauseKeepsTheInterruptAndTriesAgain() {
        AtomicInteger attempts = new AtomicInteger();
        try {
            String result = Retry.onConflict(2, () -> {
                if (attempts.incrementAndGet() == 1) {
                    throw new ConditionFailed("lost", false);
                }
                return "written";
            }, millis -> {
                throw new InterruptedException("shutting down");
            });
            assertThat(result).isEqualTo("written");
            assertThat(Thread.currentThread().isInterrupted()).isTrue();
        } finally {
            Thread.interrupted(); // clear the flag for the next test
        }
    }
}
