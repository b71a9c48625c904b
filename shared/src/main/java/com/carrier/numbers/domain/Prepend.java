package com.carrier.numbers.domain;

/** Caller-ID prepend: a label (and optionally a number) shown before the caller's name. */
public record Prepend(Boolean enabled, String name, String number) {
}
