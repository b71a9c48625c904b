package com.carrier.numbers.port;

/** The store kept refusing a write (transaction conflicts, throttling) after retries. */
public class StoreUnavailable extends RuntimeException {
    public StoreUnavailable(String message, Throwable cause) {
        super(message, cause);
    }
}
