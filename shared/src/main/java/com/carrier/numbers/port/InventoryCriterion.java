package com.carrier.numbers.port;

/**
 * What an inventory search asks for, normalised: a prefix in E.164 form with at least the area
 * code ("+1415", "+1415555"), an upper-case city, a two-letter upper-case state; any may be null,
 * not all. Each combination maps to one sparse index whose partition and sort-key range hold
 * exactly the matches (a prefix is a range of the number sort key; city and state together are
 * one partition), so a search never reads numbers that fail one of its criteria.
 */
public record InventoryCriterion(String prefix, String city, String state) {
    public InventoryCriterion {
        if (prefix == null && city == null && state == null) {
            throw new IllegalArgumentException("at least one criterion");
        }
    }
}
