package com.carrier.numbers.local.stepfunctions;

/** A state machine definition the engine cannot run as written: the message names the state and the field, type or intrinsic. */
public final class DefinitionException extends IllegalArgumentException {
    public DefinitionException(String message) {
        super(message);
    }
}
