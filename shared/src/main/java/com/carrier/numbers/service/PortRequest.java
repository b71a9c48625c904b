package com.carrier.numbers.service;

import com.carrier.numbers.domain.EndUserAddress;
import java.util.List;

/**
 * The fields of a port-in request (seed 003), as the customer sent them; {@link Ports} validates
 * them. On a correction (PATCH) absent fields (null) keep their value.
 */
public record PortRequest(
        List<String> numbers,
        String accountNumber,
        String accountPin,
        String carrierName,
        String billingPhone,
        String endUserName,
        EndUserAddress endUserAddress,
        String requestedFocDate) {
}
