package com.carrier.numbers.domain;

/** The platform's error codes (DESIGN.md section 3) and the HTTP status each answers with. */
public enum ErrorCode {
    VALIDATION_ERROR(400),
    UNAUTHORIZED(401),
    INSUFFICIENT_CREDIT(402),
    FORBIDDEN(403),
    INVALID_REGION(403),
    NOT_FOUND(404),
    NUMBER_UNAVAILABLE(409),
    DID_COOL_OFF_IN_EFFECT(409),
    PORT_NOT_CANCELLABLE(409),
    /** PATCH of a port that has not failed: only a failed port can be corrected and resubmitted. */
    PORT_NOT_CORRECTABLE(409),
    IDEMPOTENCY_KEY_REUSED(409),
    PAYLOAD_TOO_LARGE(413),
    /** Something failed on our side; never used for bad input. */
    INTERNAL_ERROR(500),
    PURCHASE_FAILED(502);

    private final int httpStatus;

    ErrorCode(int httpStatus) {
        this.httpStatus = httpStatus;
    }

    public int httpStatus() {
        return httpStatus;
    }

    /** The code as it appears on the wire; the cool-off keeps the source API's lower-case spelling. */
    public String wire() {
        return this == DID_COOL_OFF_IN_EFFECT ? "did_cool_off_in_effect" : name();
    }

    public static ErrorCode fromWire(String wire) {
        return "did_cool_off_in_effect".equals(wire) ? DID_COOL_OFF_IN_EFFECT : valueOf(wire);
    }
}
