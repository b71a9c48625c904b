package com.carrier.numbers.domain;

/** Caller-ID name: the outbound display name (1-15 characters) and whether inbound calls get a CNAM lookup. */
public record Cnam(String displayName, Boolean inboundLookup) {
}
