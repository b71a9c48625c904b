package com.carrier.numbers.domain;

import java.util.LinkedHashMap;
import java.util.Map;

/** A refusal the API reports to its caller: a code, a human message and optional details. */
public class PlatformException extends RuntimeException {
    private final ErrorCode code;
    private final Map<String, Object> details;

    public PlatformException(ErrorCode code, String message) {
        this(code, message, Map.of());
    }

    public PlatformException(ErrorCode code, String message, Map<String, Object> details) {
        super(message, null, false, false); // no stack trace: these are answers, not bugs
        this.code = code;
        this.details = new LinkedHashMap<>(details);
    }

    public ErrorCode code() {
        return code;
    }

    /** Extra fields for the error body, e.g. {@code field}, {@code cool_off_until}. */
    public Map<String, Object> details() {
        return details;
    }

    public static PlatformException validation(String field, String message) {
        return new PlatformException(ErrorCode.VALIDATION_ERROR, message, Map.of("field", field));
    }

    public static PlatformException notFound(String what) {
        return new PlatformException(ErrorCode.NOT_FOUND, what + " not found");
    }

    public static PlatformException forbidden(String message) {
        return new PlatformException(ErrorCode.FORBIDDEN, message);
    }
}
