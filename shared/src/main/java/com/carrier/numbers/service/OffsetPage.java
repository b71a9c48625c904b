package com.carrier.numbers.service;

import com.carrier.numbers.domain.PhoneNumber;
import java.util.List;

/** A page of GET /v2/numbers: {@code total} comes from the per-account counters, never from counting. */
public record OffsetPage(List<PhoneNumber> numbers, long total, int limit, int offset, String nextKey) {
}
