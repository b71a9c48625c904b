package com.carrier.numbers.functions.http;

import com.carrier.numbers.domain.PlatformException;
import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/** Strictly typed reads of JSON body fields: a wrong type is a 400 naming the field, never a 500. */
public final class Fields {
    private Fields() {
    }

    /** Refuses fields the operation does not know: a typo must not be silently ignored. */
    public static void onlyKnown(JsonNode object, String where, Set<String> known) {
        Iterator<String> names = object.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            if (!known.contains(name)) {
                String field = where.isEmpty() ? name : where + "." + name;
                throw PlatformException.validation(field, "unknown field " + field + " (expected one of " + new java.util.TreeSet<>(known) + ")");
            }
        }
    }

    public static String text(JsonNode object, String field, String path) {
        JsonNode v = object.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isTextual()) {
            throw PlatformException.validation(path, path + " must be a string");
        }
        return v.asText();
    }

    public static String requiredText(JsonNode object, String field, String path) {
        String v = text(object, field, path);
        if (v == null || v.isBlank()) {
            throw PlatformException.validation(path, path + " is required");
        }
        return v;
    }

    public static Boolean bool(JsonNode object, String field, String path) {
        JsonNode v = object.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isBoolean()) {
            throw PlatformException.validation(path, path + " must be true or false");
        }
        return v.asBoolean();
    }

    public static BigDecimal decimal(JsonNode object, String field, String path) {
        JsonNode v = object.get(field);
        if (v == null || v.isNull()) {
            throw PlatformException.validation(path, path + " is required");
        }
        if (!v.isNumber()) {
            throw PlatformException.validation(path, path + " must be a number");
        }
        return v.decimalValue();
    }

    public static Integer integer(JsonNode object, String field, String path, int min, int max) {
        JsonNode v = object.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isIntegralNumber() || v.asLong() < min || v.asLong() > max) {
            throw PlatformException.validation(path, path + " must be an integer from " + min + " to " + max);
        }
        return v.asInt();
    }

    /** An object field; absent gives null; JSON null is reported through {@code isExplicitNull}. */
    public static JsonNode object(JsonNode object, String field, String path) {
        JsonNode v = object.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isObject()) {
            throw PlatformException.validation(path, path + " must be a JSON object");
        }
        return v;
    }

    public static boolean isExplicitNull(JsonNode object, String field) {
        JsonNode v = object.get(field);
        return v != null && v.isNull();
    }

    public static List<String> textList(JsonNode object, String field, String path) {
        JsonNode v = object.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isArray()) {
            throw PlatformException.validation(path, path + " must be a list of strings");
        }
        List<String> out = new ArrayList<>();
        for (JsonNode item : v) {
            if (!item.isTextual()) {
                throw PlatformException.validation(path, path + " must be a list of strings");
            }
            out.add(item.asText());
        }
        return out;
    }
}
