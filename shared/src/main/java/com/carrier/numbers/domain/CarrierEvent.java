package com.carrier.numbers.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * What the losing carrier tells the platform about a port, through the signed callback route.
 *
 * @param eventId    the carrier's id of this event: a repeated id changes nothing
 * @param type       authorized (some numbers may be rejected, each with its reason), rejected (all), completed
 * @param focDate    the confirmed firm order commitment date (authorized only)
 * @param numbers    per-number decisions (authorized: those not listed are authorized)
 * @param reason     the reason for a rejection of the whole port
 */
public record CarrierEvent(String eventId, Type type, LocalDate focDate, List<NumberDecision> numbers,
                           RejectionReason reason, String message, Instant occurredAt) {

    public enum Type { AUTHORIZED, REJECTED, COMPLETED }

    /** The carrier's answer for one number: authorized, or rejected with a reason. */
    public record NumberDecision(String number, boolean rejected, RejectionReason reason) {
    }

    public CarrierEvent {
        numbers = numbers == null ? List.of() : List.copyOf(numbers);
    }

    /** The reason the carrier gave for {@code number}, if it rejected it (a whole-port rejection covers every number). */
    public RejectionReason rejectionOf(String number) {
        if (type == Type.REJECTED) {
            return numbers.stream().filter(d -> d.number().equals(number) && d.reason() != null)
                    .map(NumberDecision::reason).findFirst()
                    .orElse(reason == null ? RejectionReason.NUMBER_NOT_PORTABLE : reason);
        }
        return numbers.stream().filter(d -> d.number().equals(number) && d.rejected())
                .map(d -> d.reason() == null ? RejectionReason.NUMBER_NOT_PORTABLE : d.reason()).findFirst().orElse(null);
    }
}
