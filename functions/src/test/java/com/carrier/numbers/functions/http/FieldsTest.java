package com.carrier.numbers.functions.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.carrier.numbers.domain.ErrorCode;
import com.carrier.numbers.domain.PlatformException;
import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Typed reads of body fields: wrong types are a 400 naming the field (its full path), never a 500. */
class FieldsTest {

    static JsonNode json(String text) {
        try {
            return Json.read(text);
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }

    static void refused(Runnable r, String field, String message) {
        assertThatThrownBy(r::run).isInstanceOfSatisfying(PlatformException.class, e -> {
            assertThat(e.code()).isEqualTo(ErrorCode.VALIDATION_ERROR);
            assertThat(e.details()).containsEntry("field", field);
            assertThat(e.getMessage()).isEqualTo(message);
        });
    }

    @Test
    void unknownFieldsAreRefusedWithTheirPath() {
        JsonNode body = json("{\"number\":\"+1\",\"nmber\":1}");
        refused(() -> Fields.onlyKnown(body, "", Set.of("number")), "nmber", "unknown field nmber (expected one of [number])");
        refused(() -> Fields.onlyKnown(body, "data", Set.of("number", "a")), "data.nmber",
                "unknown field data.nmber (expected one of [a, number])");
        Fields.onlyKnown(body, "", Set.of("number", "nmber"));
    }

    @Test
    void text() {
        JsonNode o = json("{\"a\":\"x\",\"n\":null,\"i\":1,\"b\":\"  \"}");
        assertThat(Fields.text(o, "a", "p.a")).isEqualTo("x");
        assertThat(Fields.text(o, "n", "p.n")).isNull();
        assertThat(Fields.text(o, "missing", "p.m")).isNull();
        refused(() -> Fields.text(o, "i", "p.i"), "p.i", "p.i must be a string");
        assertThat(Fields.requiredText(o, "a", "p.a")).isEqualTo("x");
        refused(() -> Fields.requiredText(o, "b", "p.b"), "p.b", "p.b is required");
        refused(() -> Fields.requiredText(o, "missing", "p.m"), "p.m", "p.m is required");
    }

    @Test
    void bool() {
        JsonNode o = json("{\"t\":true,\"f\":false,\"n\":null,\"s\":\"true\"}");
        assertThat(Fields.bool(o, "t", "t")).isTrue();
        assertThat(Fields.bool(o, "f", "f")).isFalse();
        assertThat(Fields.bool(o, "n", "n")).isNull();
        assertThat(Fields.bool(o, "missing", "m")).isNull();
        refused(() -> Fields.bool(o, "s", "cnam.s"), "cnam.s", "cnam.s must be true or false");
    }

    @Test
    void decimalIsRequiredAndNumeric() {
        JsonNode o = json("{\"amount\":25.50,\"n\":null,\"s\":\"25\"}");
        assertThat(Fields.decimal(o, "amount", "amount")).isEqualByComparingTo(new BigDecimal("25.5"));
        refused(() -> Fields.decimal(o, "n", "amount"), "amount", "amount is required");
        refused(() -> Fields.decimal(o, "missing", "amount"), "amount", "amount is required");
        refused(() -> Fields.decimal(o, "s", "amount"), "amount", "amount must be a number");
    }

    @Test
    void integerWithinBounds() {
        JsonNode o = json("{\"lo\":1,\"hi\":100,\"below\":0,\"above\":101,\"f\":1.5,\"s\":\"5\",\"n\":null}");
        assertThat(Fields.integer(o, "lo", "q", 1, 100)).isEqualTo(1);
        assertThat(Fields.integer(o, "hi", "q", 1, 100)).isEqualTo(100);
        assertThat(Fields.integer(o, "n", "q", 1, 100)).isNull();
        assertThat(Fields.integer(o, "missing", "q", 1, 100)).isNull();
        for (String bad : new String[] {"below", "above", "f", "s"}) {
            refused(() -> Fields.integer(o, bad, "quantity", 1, 100), "quantity", "quantity must be an integer from 1 to 100");
        }
    }

    @Test
    void objectsAndExplicitNulls() {
        JsonNode o = json("{\"c\":{\"x\":1},\"n\":null,\"s\":\"x\"}");
        assertThat(Fields.object(o, "c", "c").get("x").asInt()).isEqualTo(1);
        assertThat(Fields.object(o, "n", "n")).isNull();
        assertThat(Fields.object(o, "missing", "m")).isNull();
        refused(() -> Fields.object(o, "s", "e911"), "e911", "e911 must be a JSON object");
        assertThat(Fields.isExplicitNull(o, "n")).isTrue();
        assertThat(Fields.isExplicitNull(o, "missing")).isFalse();
        assertThat(Fields.isExplicitNull(o, "c")).isFalse();
    }

    @Test
    void textLists() {
        JsonNode o = json("{\"l\":[\"a\",\"b\"],\"e\":[],\"n\":null,\"s\":\"a\",\"mixed\":[\"a\",1]}");
        assertThat(Fields.textList(o, "l", "l")).containsExactly("a", "b");
        assertThat(Fields.textList(o, "e", "e")).isEmpty();
        assertThat(Fields.textList(o, "n", "n")).isNull();
        assertThat(Fields.textList(o, "missing", "m")).isNull();
        refused(() -> Fields.textList(o, "s", "numbers"), "numbers", "numbers must be a list of strings");
        refused(() -> Fields.textList(o, "mixed", "numbers"), "numbers", "numbers must be a list of strings");
    }
}
