package com.carrier.numbers.domain;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * How a carrier signs its callbacks: {@code X-Carrier-Timestamp: <unix seconds>} and
 * {@code X-Carrier-Signature: v1=<hex HMAC-SHA256(secret, timestamp + "." + body)>}, the scheme
 * Stripe and Slack use. The timestamp inside the MAC stops replays of an old body: it must be
 * within {@link #TOLERANCE} of now. Comparison is constant-time.
 */
public final class CallbackSignature {
    public static final String TIMESTAMP_HEADER = "X-Carrier-Timestamp";
    public static final String SIGNATURE_HEADER = "X-Carrier-Signature";
    public static final Duration TOLERANCE = Duration.ofMinutes(5);

    private final byte[] secret;

    public CallbackSignature(String secret) {
        if (secret == null || secret.length() < 16) {
            throw new IllegalArgumentException("the carrier callback secret must be at least 16 characters");
        }
        this.secret = secret.getBytes(StandardCharsets.UTF_8);
    }

    /** The {@code X-Carrier-Signature} value for {@code body} sent at {@code timestamp} (unix seconds). */
    public String sign(long timestamp, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            byte[] digest = mac.doFinal((timestamp + "." + (body == null ? "" : body)).getBytes(StandardCharsets.UTF_8));
            return "v1=" + HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Refuses (401 UNAUTHORIZED) a missing, stale or wrong signature. */
    public void verify(String timestampHeader, String signatureHeader, String body, Instant now) {
        if (timestampHeader == null || signatureHeader == null) {
            throw unauthorized("the callback must carry " + TIMESTAMP_HEADER + " and " + SIGNATURE_HEADER);
        }
        long timestamp;
        try {
            timestamp = Long.parseLong(timestampHeader.trim());
        } catch (NumberFormatException e) {
            throw unauthorized(TIMESTAMP_HEADER + " must be unix seconds");
        }
        if (Math.abs(now.getEpochSecond() - timestamp) > TOLERANCE.toSeconds()) {
            throw unauthorized("the callback's timestamp is too old (or too far ahead)");
        }
        byte[] expected = sign(timestamp, body).getBytes(StandardCharsets.UTF_8);
        if (!MessageDigest.isEqual(expected, signatureHeader.trim().getBytes(StandardCharsets.UTF_8))) {
            throw unauthorized("the callback's signature does not match");
        }
    }

    private static PlatformException unauthorized(String message) {
        return new PlatformException(ErrorCode.UNAUTHORIZED, message);
    }
}
