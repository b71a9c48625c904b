package com.carrier.numbers.service;

/**
 * Inventory search criteria. {@code prefix} is national digits after the country code
 * ("415", "415555") or an E.164 prefix ("+1415"); {@code state} a two-letter region ("CA");
 * {@code city} matched case-insensitively. At least one criterion is required.
 */
public record SearchQuery(String prefix, String city, String state, int quantity) {
}
