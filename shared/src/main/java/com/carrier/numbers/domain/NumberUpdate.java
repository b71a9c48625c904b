package com.carrier.numbers.domain;

import java.util.Set;

/**
 * A merge into a number's configuration (POST .../phone_numbers/{N}, or the optional fields of a
 * purchase). A non-null field replaces the stored one; a field named in {@code cleared} (sent as
 * JSON null) is removed; anything else is left as it is.
 */
public record NumberUpdate(
        String friendlyName,
        Cnam cnam,
        E911Address e911,
        String usedBy,
        Assignment assignedTo,
        Prepend prepend,
        Set<String> cleared) {

    public static final Set<String> FIELDS = Set.of("friendly_name", "cnam", "e911", "used_by", "assigned_to", "prepend");

    public static final NumberUpdate NONE = new NumberUpdate(null, null, null, null, null, null, Set.of());

    public boolean isEmpty() {
        return friendlyName == null && cnam == null && e911 == null && usedBy == null
                && assignedTo == null && prepend == null && cleared.isEmpty();
    }
}
