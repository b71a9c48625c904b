package com.carrier.numbers.port;

/**
 * Marks job item {@code index} of {@code jobId} succeeded in the same transaction as its effect
 * (conditioned on the item still being pending, with the job's counter), so a redelivered
 * message finds it done and changes nothing, charges nothing twice.
 */
public record JobItemMark(String jobId, int index, String number) {
}
