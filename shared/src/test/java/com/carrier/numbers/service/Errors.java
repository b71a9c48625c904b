package com.carrier.numbers.service;

import com.carrier.numbers.domain.ErrorCode;
import com.carrier.numbers.domain.PlatformException;

/** The PlatformException an action throws. */
final class Errors {
    private Errors() {
    }

    static PlatformException of(Runnable action) {
        try {
            action.run();
        } catch (PlatformException e) {
            return e;
        }
        throw new AssertionError("expected a PlatformException");
    }

    static ErrorCode code(Runnable action) {
        return of(action).code();
    }
}
