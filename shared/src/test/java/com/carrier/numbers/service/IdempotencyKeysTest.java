package com.carrier.numbers.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.carrier.numbers.domain.ErrorCode;
import com.carrier.numbers.service.IdempotencyKeys.StoredResponse;
import com.carrier.numbers.testing.PlatformFixture;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class IdempotencyKeysTest {
    static PlatformFixture f;
    static IdempotencyKeys keys;

    @BeforeAll
    static void platform() {
        f = PlatformFixture.create();
        keys = f.platform.idempotencyKeys();
    }

    @Test
    void aReplayAnswersTheFirstResponseAndADifferentBodyIsRefused() {
        AtomicInteger runs = new AtomicInteger();
        StoredResponse first = keys.run("MA_a", "purchase", "k1", "fp1", () -> new StoredResponse(200, "body" + runs.incrementAndGet()));
        StoredResponse replay = keys.run("MA_a", "purchase", "k1", "fp1", () -> new StoredResponse(200, "body" + runs.incrementAndGet()));
        assertThat(replay).isEqualTo(first).isEqualTo(new StoredResponse(200, "body1"));
        assertThat(runs).hasValue(1);
        assertThat(Errors.code(() -> keys.run("MA_a", "purchase", "k1", "fp2", () -> new StoredResponse(200, "x"))))
                .isEqualTo(ErrorCode.IDEMPOTENCY_KEY_REUSED);
        // scoped to the account
        assertThat(keys.run("MA_b", "purchase", "k1", "fp2", () -> new StoredResponse(201, "other")).body()).isEqualTo("other");
        // kept 24 hours
        f.clock.advance(Duration.ofHours(25));
        assertThat(keys.run("MA_a", "purchase", "k1", "fp2", () -> new StoredResponse(200, "fresh")).body()).isEqualTo("fresh");
        f.clock.advance(Duration.ofHours(-25));
    }

    @Test
    void serverErrorsAndExceptionsAreNotStoredAndAnInProgressDuplicateIsRefused() {
        AtomicInteger runs = new AtomicInteger();
        keys.run("MA_a", "purchase", "k5", "fp", () -> new StoredResponse(502, "failed " + runs.incrementAndGet()));
        assertThat(keys.run("MA_a", "purchase", "k5", "fp", () -> new StoredResponse(200, "ok " + runs.incrementAndGet())).body())
                .isEqualTo("ok 2");
        assertThatThrownBy(() -> keys.run("MA_a", "purchase", "k6", "fp", () -> {
            throw new IllegalStateException("boom");
        })).isInstanceOf(IllegalStateException.class).hasMessage("boom"); // the key is released: the retry below runs
        assertThat(keys.run("MA_a", "purchase", "k6", "fp", () -> new StoredResponse(200, "after")).body()).isEqualTo("after");

        ErrorCode[] inner = new ErrorCode[1];
        keys.run("MA_a", "purchase", "k7", "fp", () -> {
            inner[0] = Errors.code(() -> keys.run("MA_a", "purchase", "k7", "fp", () -> new StoredResponse(200, "dup")));
            return new StoredResponse(200, "first");
        });
        assertThat(inner[0]).isEqualTo(ErrorCode.IDEMPOTENCY_KEY_REUSED);
        assertThat(keys.run("MA_a", "purchase", null, "fp", () -> new StoredResponse(200, "no key")).body()).isEqualTo("no key");
    }
}
