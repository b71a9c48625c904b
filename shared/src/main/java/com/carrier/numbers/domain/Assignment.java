package com.carrier.numbers.domain;

/** What routes the number's calls: e.g. {@code {type: "callflow", id: "callflow_abc123"}}. */
public record Assignment(String type, String id) {
}
