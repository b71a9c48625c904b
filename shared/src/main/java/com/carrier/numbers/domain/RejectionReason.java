package com.carrier.numbers.domain;

/**
 * Why a number (or a whole port) did not port: the losing carrier's typed reasons, plus the
 * platform's own when the carrier never answered or the submission could not be made.
 */
public enum RejectionReason {
    ENTITY_NAME_MISMATCH("the end user's name does not match the losing carrier's records"),
    ACCOUNT_NUMBER_INVALID("the account number is not known to the losing carrier"),
    PIN_INVALID("the account PIN is wrong"),
    NUMBER_NOT_PORTABLE("the number cannot be ported"),
    CARRIER_TIMEOUT("the losing carrier did not answer in time"),
    /** The platform could not hand the request to the carrier (its gateway kept failing). */
    SUBMISSION_FAILED("the request could not be submitted to the losing carrier");

    private final String message;

    RejectionReason(String message) {
        this.message = message;
    }

    public String message() {
        return message;
    }

    /** The reason named on the wire, or null if it is none of them. */
    public static RejectionReason fromWire(String s) {
        for (RejectionReason r : values()) {
            if (r.name().equals(s)) {
                return r;
            }
        }
        return null;
    }
}
