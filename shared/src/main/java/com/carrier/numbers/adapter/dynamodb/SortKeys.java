package com.carrier.numbers.adapter.dynamodb;

import java.io.Serial;
import java.io.Serializable;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;

/**
 * Unique, time-ordered sort keys (audit records, ledger entries): the millisecond, then the
 * process's nanosecond clock (orders the entries one process writes in the same millisecond),
 * then 64 random bits that make the key unique.
 *
 * <p>The random bits come from {@link SecureRandom}, never from a counter or a
 * {@code Random}/{@code ThreadLocalRandom} seeded at init: with SnapStart every environment
 * restored from one snapshot starts from the same captured state, so such state would hand two
 * environments the same keys in the same millisecond, and one write would overwrite the other.
 * Lambda's SecureRandom draws from the operating system on every call, so copies of one snapshot
 * diverge. (Serializable so a test can copy the state the way a snapshot does.)
 */
final class SortKeys implements Serializable {
    @Serial
    private static final long serialVersionUID = 1L;
    /** Fixed-width ISO-8601 with milliseconds: sorts as text. */
    private static final DateTimeFormatter MILLIS = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    /** Where the order part comes from (the nanosecond clock; a test can make two environments' clocks agree). */
    @FunctionalInterface
    interface Order extends Serializable {
        long next();
    }

    /** The keys the adapters write. */
    static final SortKeys SHARED = new SortKeys(new SecureRandom(), System::nanoTime);

    private final SecureRandom random;
    private final Order order;

    private SortKeys(SecureRandom random, Order order) {
        this.random = random;
        this.order = order;
    }

    /** The same random source, with another order part. */
    SortKeys withOrder(Order other) {
        return new SortKeys(random, other);
    }

    /** e.g. 2026-11-24T02:15:03.123Z#80000a1b2c3d4e5f0123456789abcdef: milliseconds, order, random. */
    String next(Instant t) {
        byte[] unique = new byte[8];
        random.nextBytes(unique);
        // sign bit flipped: fixed-width hex that sorts like the (signed) nanosecond clock
        return MILLIS.format(t) + "#" + String.format("%016x", order.next() ^ Long.MIN_VALUE) + HexFormat.of().formatHex(unique);
    }
}
