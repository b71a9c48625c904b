package com.carrier.numbers.port;

import com.carrier.numbers.domain.Port;

/**
 * The losing carrier, as the platform talks to it: a port request is submitted, and the carrier's
 * decisions and completion come back later through the signed callback route
 * ({@code POST /v2/carrier/ports/{id}/events}), never as a return value.
 */
public interface CarrierGateway {

    /**
     * Hands the port's current attempt to the carrier.
     *
     * @param submission 1 for the first try of this attempt, then 2, 3... when the workflow retries
     * @throws CarrierUnavailable a transient failure: the workflow retries with backoff
     */
    void submit(Port port, int submission);
}
