package com.carrier.numbers.domain;

import java.time.Instant;

/** One line of a port's timeline: {@code status} is the port's (or a number's) new status or an event name such as {@code cutover_soon}. */
public record PortEvent(Instant at, String status, String number, String message) {
}
