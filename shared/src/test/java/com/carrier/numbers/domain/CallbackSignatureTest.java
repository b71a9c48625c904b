package com.carrier.numbers.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class CallbackSignatureTest {
    private final CallbackSignature sig = new CallbackSignature("a-shared-secret-of-the-carrier");
    private final Instant now = Instant.parse("2026-12-01T10:00:00Z");
    private final long ts = now.getEpochSecond();
    private final String body = "{\"event_id\":\"evt_1\",\"type\":\"completed\"}";

    @Test
    void aFreshCorrectSignaturePasses() {
        sig.verify(Long.toString(ts), sig.sign(ts, body), body, now.plusSeconds(30));
    }

    @Test
    void itIsHmacSha256OverTimestampDotBody() throws Exception {
        javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
        mac.init(new javax.crypto.spec.SecretKeySpec("a-shared-secret-of-the-carrier".getBytes(), "HmacSHA256"));
        String expected = "v1=" + java.util.HexFormat.of().formatHex(mac.doFinal((ts + "." + body).getBytes()));
        assertThat(sig.sign(ts, body)).isEqualTo(expected);
    }

    @Test
    void staleWrongOrMissingSignaturesAreUnauthorized() {
        String good = sig.sign(ts, body);
        assertUnauthorized(() -> sig.verify(Long.toString(ts), good, body, now.plusSeconds(301)));
        assertUnauthorized(() -> sig.verify(Long.toString(ts), good, body.replace("completed", "rejected"), now));
        assertUnauthorized(() -> sig.verify(Long.toString(ts + 1), good, body, now));
        assertUnauthorized(() -> sig.verify(Long.toString(ts), new CallbackSignature("another-secret-entirely!").sign(ts, body), body, now));
        assertUnauthorized(() -> sig.verify(null, good, body, now));
        assertUnauthorized(() -> sig.verify(Long.toString(ts), null, body, now));
        assertUnauthorized(() -> sig.verify("yesterday", good, body, now));
    }

    @Test
    void theWindowIsFiveMinutesEitherWayInclusive() {
        String good = sig.sign(ts, body);
        sig.verify(Long.toString(ts), good, body, now.plusSeconds(300));
        sig.verify(Long.toString(ts), good, body, now.minusSeconds(300));
        assertUnauthorized(() -> sig.verify(Long.toString(ts), good, body, now.minusSeconds(301)));
    }

    @Test
    void aMissingBodySignsAsAnEmptyOne() {
        assertThat(sig.sign(ts, null)).isEqualTo(sig.sign(ts, ""));
        sig.verify(Long.toString(ts), sig.sign(ts, ""), null, now);
    }

    @Test
    void theSecretMustBeAtLeastSixteenCharacters() {
        new CallbackSignature("0123456789abcdef");
        for (String weak : new String[] {null, "", "0123456789abcde"}) {
            assertThatThrownBy(() -> new CallbackSignature(weak)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("the carrier callback secret must be at least 16 characters");
        }
    }

    private static void assertUnauthorized(Runnable r) {
        assertThatThrownBy(r::run).isInstanceOfSatisfying(PlatformException.class,
                e -> assertThat(e.code()).isEqualTo(ErrorCode.UNAUTHORIZED));
    }
}
