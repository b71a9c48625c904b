package com.carrier.numbers.port;

/**
 * The most selective search criterion, which picks the inventory index: a prefix in E.164 form
 * with at least the area code ("+1415", "+1415555"), an upper-case city, or a two-letter state.
 */
public record InventoryCriterion(Kind kind, String value) {
    public enum Kind { PREFIX, CITY, STATE }
}
