package com.carrier.numbers.adapter.dynamodb;

import com.carrier.numbers.domain.Money;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Small helpers to read and write attribute values; absent attributes read as null. */
final class Attrs {
    private Attrs() {
    }

    static AttributeValue s(String v) {
        return AttributeValue.fromS(v);
    }

    static AttributeValue n(long v) {
        return AttributeValue.fromN(Long.toString(v));
    }

    static AttributeValue bool(boolean v) {
        return AttributeValue.fromBool(v);
    }

    static AttributeValue list(List<String> values) {
        return AttributeValue.fromL(values.stream().map(AttributeValue::fromS).toList());
    }

    /** Instants are stored truncated to seconds, fixed width ("2026-01-31T10:00:00Z"), so they compare as text. */
    static String time(Instant t) {
        return DateTimeFormatter.ISO_INSTANT.format(t.truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
    }

    /** A unique, time-ordered sort key (see {@link SortKeys}: safe across SnapStart restores). */
    static String sortKey(Instant t) {
        return SortKeys.SHARED.next(t);
    }

    static void put(Map<String, AttributeValue> item, String name, String v) {
        if (v != null && !v.isEmpty()) {
            item.put(name, s(v));
        }
    }

    static void put(Map<String, AttributeValue> item, String name, Instant v) {
        if (v != null) {
            item.put(name, s(time(v)));
        }
    }

    static void put(Map<String, AttributeValue> item, String name, Money v) {
        if (v != null) {
            item.put(name, n(v.cents()));
        }
    }

    static void put(Map<String, AttributeValue> item, String name, Boolean v) {
        if (v != null) {
            item.put(name, bool(v));
        }
    }

    static void putMap(Map<String, AttributeValue> item, String name, Map<String, AttributeValue> v) {
        if (v != null && !v.isEmpty()) {
            item.put(name, AttributeValue.fromM(v));
        }
    }

    static String str(Map<String, AttributeValue> item, String name) {
        AttributeValue v = item.get(name);
        return v == null ? null : v.s();
    }

    static Instant instant(Map<String, AttributeValue> item, String name) {
        String v = str(item, name);
        return v == null ? null : Instant.parse(v);
    }

    static Money money(Map<String, AttributeValue> item, String name) {
        AttributeValue v = item.get(name);
        return v == null || v.n() == null ? null : Money.ofCents(Long.parseLong(v.n()));
    }

    static long num(Map<String, AttributeValue> item, String name, long fallback) {
        AttributeValue v = item.get(name);
        return v == null || v.n() == null ? fallback : Long.parseLong(v.n());
    }

    static Boolean bool(Map<String, AttributeValue> item, String name) {
        AttributeValue v = item.get(name);
        return v == null ? null : v.bool();
    }

    static Map<String, AttributeValue> map(Map<String, AttributeValue> item, String name) {
        AttributeValue v = item.get(name);
        return v == null || !v.hasM() ? null : v.m();
    }

    static List<String> strings(Map<String, AttributeValue> item, String name) {
        AttributeValue v = item.get(name);
        return v == null || !v.hasL() ? List.of() : v.l().stream().map(AttributeValue::s).toList();
    }
}
