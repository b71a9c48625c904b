package com.carrier.numbers.adapter.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Audit and ledger sort keys stay unique across SnapStart restores. A snapshot is modelled by
 * serializing the very key generator the adapters use (its whole state, as the snapshot captures
 * it) and restoring it twice: two environments restored from one snapshot, writing in the same
 * millisecond. A generator whose uniqueness came from a counter or a seeded Random would hand both
 * the same keys, and one ledger entry or audit record would overwrite the other.
 */
class SortKeysTest {
    private static final Instant SAME_MILLISECOND = Instant.parse("2026-11-24T02:15:03.123Z");

    @Test
    void environmentsRestoredFromOneSnapshotWriteDifferentKeys() throws Exception {
        byte[] snapshot = snapshot(SortKeys.SHARED);
        // worst case: the two environments' clocks read alike too (other machines, other clocks)
        SortKeys first = restore(snapshot).withOrder(() -> 42);
        SortKeys second = restore(snapshot).withOrder(() -> 42);
        Set<String> keys = new HashSet<>();
        for (int i = 0; i < 1_000; i++) {
            keys.add(first.next(SAME_MILLISECOND));
        }
        for (int i = 0; i < 1_000; i++) {
            keys.add(second.next(SAME_MILLISECOND));
        }
        assertThat(keys).as("keys of two restored environments in one millisecond").hasSize(2_000);
    }

    @Test
    void keysOfOneProcessSortInWriteOrderWithinAMillisecond() {
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            keys.add(Attrs.sortKey(SAME_MILLISECOND));
        }
        assertThat(keys).doesNotHaveDuplicates().isSorted();
        assertThat(keys.getFirst()).startsWith("2026-11-24T02:15:03.123Z#").hasSize(24 + 1 + 32);
        assertThat(Attrs.sortKey(SAME_MILLISECOND.plusMillis(1))).isGreaterThan(keys.getLast());
    }

    private static byte[] snapshot(SortKeys keys) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ObjectOutputStream o = new ObjectOutputStream(out)) {
            o.writeObject(keys);
        }
        return out.toByteArray();
    }

    private static SortKeys restore(byte[] snapshot) throws Exception {
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(snapshot))) {
            return (SortKeys) in.readObject();
        }
    }
}
