package com.carrier.numbers.service;

import com.carrier.numbers.domain.Assignment;
import com.carrier.numbers.domain.Cnam;
import com.carrier.numbers.domain.E911Address;
import com.carrier.numbers.domain.NumberUpdate;
import com.carrier.numbers.domain.PlatformException;
import com.carrier.numbers.domain.Prepend;
import java.util.regex.Pattern;

/** Validation (400 VALIDATION_ERROR naming the field) and merge of a {@link NumberUpdate}. */
final class NumberUpdates {
    private static final Pattern ZIP = Pattern.compile("[0-9]{5}(-[0-9]{4})?");
    private static final Pattern STATE = Pattern.compile("[A-Za-z]{2}");

    private NumberUpdates() {
    }

    static void validate(NumberUpdate u) {
        for (String field : u.cleared()) {
            if (!NumberUpdate.FIELDS.contains(field)) {
                throw PlatformException.validation(field, field + " is not a number setting");
            }
        }
        if (u.friendlyName() != null && u.friendlyName().length() > 64) {
            throw PlatformException.validation("friendly_name", "friendly_name must be at most 64 characters");
        }
        if (u.usedBy() != null && (u.usedBy().isBlank() || u.usedBy().length() > 64)) {
            throw PlatformException.validation("used_by", "used_by must be 1-64 characters");
        }
        Cnam cnam = u.cnam();
        if (cnam != null) {
            String name = cnam.displayName();
            if (name == null ? cnam.inboundLookup() == null : name.isBlank() || name.length() > 15) {
                throw PlatformException.validation("cnam.display_name", "cnam.display_name must be 1-15 characters");
            }
        }
        E911Address a = u.e911();
        if (a != null) {
            required(a.streetAddress(), "e911.street_address");
            required(a.locality(), "e911.locality");
            required(a.region(), "e911.region");
            required(a.postalCode(), "e911.postal_code");
            if (!STATE.matcher(a.region().trim()).matches()) {
                throw PlatformException.validation("e911.region", "e911.region must be a two-letter state");
            }
            if (!ZIP.matcher(a.postalCode().trim()).matches()) {
                throw PlatformException.validation("e911.postal_code", "e911.postal_code must be a ZIP code (12345 or 12345-6789)");
            }
        }
        Assignment to = u.assignedTo();
        if (to != null) {
            required(to.type(), "assigned_to.type");
            required(to.id(), "assigned_to.id");
        }
        Prepend p = u.prepend();
        if (p != null && p.name() != null && p.name().length() > 64) {
            throw PlatformException.validation("prepend.name", "prepend.name must be at most 64 characters");
        }
    }

    private static void required(String value, String field) {
        if (value == null || value.isBlank()) {
            throw PlatformException.validation(field, field + " is required");
        }
    }

    /** A set field replaces the stored one, a cleared field is removed, the rest is kept. */
    static void merge(NumberDraft d, NumberUpdate u) {
        d.friendlyName = pick(u, "friendly_name", u.friendlyName(), d.friendlyName);
        d.cnam = pick(u, "cnam", u.cnam(), d.cnam);
        d.e911 = pick(u, "e911", normalised(u.e911()), d.e911);
        d.usedBy = pick(u, "used_by", u.usedBy(), d.usedBy);
        d.assignedTo = pick(u, "assigned_to", u.assignedTo(), d.assignedTo);
        d.prepend = pick(u, "prepend", u.prepend(), d.prepend);
    }

    private static <T> T pick(NumberUpdate u, String field, T given, T stored) {
        if (u.cleared().contains(field)) {
            return null;
        }
        return given != null ? given : stored;
    }

    private static E911Address normalised(E911Address a) {
        return a == null ? null : new E911Address(a.streetAddress().trim(), a.extendedAddress(), a.locality().trim(),
                a.region().trim().toUpperCase(java.util.Locale.ROOT), a.postalCode().trim(), a.callerName());
    }
}
