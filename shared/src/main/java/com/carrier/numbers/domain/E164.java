package com.carrier.numbers.domain;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber;
import java.util.Objects;

/** E.164 parsing and validation through libphonenumber. */
public final class E164 {
    private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();

    private E164() {
    }

    /**
     * Returns the canonical E.164 form ("+14155550001") of {@code raw}, which must already be in
     * E.164 form (a leading '+', country code, national number) and be a valid number;
     * anything else is a 400 naming {@code field}.
     */
    public static String parse(String raw, String field) {
        if (raw == null || raw.isBlank()) {
            throw PlatformException.validation(field, field + " is required");
        }
        String s = raw.trim();
        if (!s.matches("\\+[1-9][0-9]{1,14}")) {
            throw PlatformException.validation(field, field + " must be an E.164 number such as +14155550100");
        }
        try {
            Phonenumber.PhoneNumber n = UTIL.parse(s, "ZZ");
            if (!UTIL.isValidNumber(n)) {
                throw PlatformException.validation(field, field + " is not a valid phone number: " + s);
            }
            return UTIL.format(n, PhoneNumberUtil.PhoneNumberFormat.E164);
        } catch (NumberParseException e) {
            throw PlatformException.validation(field, field + " is not a valid phone number: " + s);
        }
    }

    /** ISO region of a valid E.164 number ("US", "CA"...), or "ZZ" if unknown. */
    public static String regionOf(String e164) {
        try {
            return Objects.requireNonNullElse(UTIL.getRegionCodeForNumber(UTIL.parse(e164, "ZZ")), "ZZ");
        } catch (NumberParseException e) {
            return "ZZ";
        }
    }
}
