package com.carrier.numbers.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.carrier.numbers.adapter.dynamodb.DynamoIdempotencyStore;
import com.carrier.numbers.domain.ErrorCode;
import com.carrier.numbers.domain.PlatformException;
import com.carrier.numbers.port.IdempotencyStore;
import com.carrier.numbers.service.IdempotencyKeys.StoredResponse;
import com.carrier.numbers.testing.PlatformFixture;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Idempotency keys at their edges: key length, blank keys and fingerprints, the 5xx line, and a holder that lets go. */
class IdempotencyKeyEdgesTest {
    static PlatformFixture f;
    static IdempotencyKeys keys;
    static DynamoIdempotencyStore store;

    @BeforeAll
    static void platform() {
        f = PlatformFixture.create();
        keys = f.platform.idempotencyKeys();
        store = new DynamoIdempotencyStore(f.dynamo, f.tables.idempotency());
    }

    private static StoredResponse ok(AtomicInteger runs) {
        return new StoredResponse(201, "run " + runs.incrementAndGet());
    }

    @Test
    void aKeyHoldsAtMost255Characters() {
        AtomicInteger runs = new AtomicInteger();
        String longest = "k".repeat(255);
        assertThat(keys.run("MA_a", "purchase", longest, "fp", () -> ok(runs)).body()).isEqualTo("run 1");
        assertThat(keys.run("MA_a", "purchase", longest, "fp", () -> ok(runs)).body()).isEqualTo("run 1");
        PlatformException e = Errors.of(() -> keys.run("MA_a", "purchase", "k".repeat(256), "fp", () -> ok(runs)));
        assertThat(e.code()).isEqualTo(ErrorCode.VALIDATION_ERROR);
        assertThat(e.details()).containsEntry("field", "Idempotency-Key");
        assertThat(runs).hasValue(1);
    }

    @Test
    void aBlankKeyIsNoKeyEveryRequestRuns() {
        AtomicInteger runs = new AtomicInteger();
        assertThat(keys.run("MA_a", "purchase", "  ", "fp", () -> ok(runs)).body()).isEqualTo("run 1");
        assertThat(keys.run("MA_a", "purchase", "  ", "fp", () -> ok(runs)).body()).isEqualTo("run 2");
        assertThat(keys.run("MA_a", "purchase", null, "fp", () -> ok(runs)).body()).isEqualTo("run 3");
        assertThat(store.find("MA_a#purchase#  ")).isEmpty();
    }

    @Test
    void aRequestWithoutABodyReplaysAndDiffersFromOneWithABody() {
        AtomicInteger runs = new AtomicInteger();
        assertThat(keys.run("MA_a", "release", "nobody", null, () -> ok(runs)).body()).isEqualTo("run 1");
        assertThat(keys.run("MA_a", "release", "nobody", null, () -> ok(runs)).body()).isEqualTo("run 1");
        assertThat(keys.run("MA_a", "release", "nobody", "", () -> ok(runs)).body()).isEqualTo("run 1");
        assertThat(Errors.code(() -> keys.run("MA_a", "release", "nobody", "fp", () -> ok(runs))))
                .isEqualTo(ErrorCode.IDEMPOTENCY_KEY_REUSED);
        assertThat(runs).hasValue(1);
    }

    @Test
    void a500IsNotStoredAndA499Is() {
        AtomicInteger runs = new AtomicInteger();
        assertThat(keys.run("MA_a", "purchase", "k500", "fp", () -> new StoredResponse(500, "failed " + runs.incrementAndGet())).body())
                .isEqualTo("failed 1");
        assertThat(store.find("MA_a#purchase#k500")).isEmpty();
        assertThat(keys.run("MA_a", "purchase", "k500", "fp", () -> ok(runs)).body()).isEqualTo("run 2");

        assertThat(keys.run("MA_a", "purchase", "k499", "fp", () -> new StoredResponse(499, "closed " + runs.incrementAndGet())).body())
                .isEqualTo("closed 3");
        assertThat(keys.run("MA_a", "purchase", "k499", "fp", () -> ok(runs))).isEqualTo(new StoredResponse(499, "closed 3"));
        assertThat(store.find("MA_a#purchase#k499").orElseThrow().statusCode()).isEqualTo(499);
    }

    /** The real store, with another client that claims the key just before each of our claims and lets go before each read. */
    static final class HolderThatLetsGo implements IdempotencyStore {
        final AtomicInteger ourClaims = new AtomicInteger();
        final int holderClaims;

        HolderThatLetsGo(int holderClaims) {
            this.holderClaims = holderClaims;
        }

        @Override
        public boolean claim(String key, String fingerprint, Instant now, Instant expiresAt) {
            if (ourClaims.incrementAndGet() <= holderClaims) {
                assertThat(store.claim(key, "holder", now, expiresAt)).isTrue();
            }
            return store.claim(key, fingerprint, now, expiresAt);
        }

        @Override
        public Optional<Entry> find(String key) {
            store.release(key); // the holder failed: it lets go before we read
            return store.find(key);
        }

        @Override
        public void complete(String key, int statusCode, String body) {
            store.complete(key, statusCode, body);
        }

        @Override
        public void release(String key) {
            store.release(key);
        }
    }

    @Test
    void whenTheHolderLetsGoInBetweenTheRequestClaimsAgainAndRuns() {
        HolderThatLetsGo racing = new HolderThatLetsGo(1);
        IdempotencyKeys withRace = new IdempotencyKeys(racing, f.clock);
        AtomicInteger runs = new AtomicInteger();
        assertThat(withRace.run("MA_a", "purchase", "letgo", "fp", () -> ok(runs)).body()).isEqualTo("run 1");
        assertThat(racing.ourClaims).hasValue(2);
        assertThat(keys.run("MA_a", "purchase", "letgo", "fp", () -> ok(runs)).body()).isEqualTo("run 1");
    }

    @Test
    void afterThreeLostClaimsTheRequestIsRefusedAsInProgress() {
        HolderThatLetsGo racing = new HolderThatLetsGo(Integer.MAX_VALUE);
        IdempotencyKeys withRace = new IdempotencyKeys(racing, f.clock);
        AtomicInteger runs = new AtomicInteger();
        assertThat(Errors.code(() -> withRace.run("MA_a", "purchase", "busy", "fp", () -> ok(runs))))
                .isEqualTo(ErrorCode.IDEMPOTENCY_KEY_REUSED);
        assertThat(racing.ourClaims).hasValue(3);
        assertThat(runs).hasValue(0);
    }
}
