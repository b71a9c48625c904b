package com.carrier.numbers.service;

import com.carrier.numbers.domain.PhoneNumber;
import java.util.List;

/** One page of an account's numbers (key-based); {@code nextStartKey} is null on the last page. */
public record NumberPage(List<PhoneNumber> numbers, String nextStartKey) {
}
