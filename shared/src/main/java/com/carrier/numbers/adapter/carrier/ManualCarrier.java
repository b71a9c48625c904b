package com.carrier.numbers.adapter.carrier;

import com.carrier.numbers.domain.Port;
import com.carrier.numbers.port.CarrierGateway;

/**
 * A stack deployed with {@code CarrierGateway=callback-only}: submissions go to the losing carrier
 * outside this platform (an operator, or a carrier integration that reads the Ports table), and its
 * decisions arrive only through the signed callback route. Nothing is simulated.
 */
public final class ManualCarrier implements CarrierGateway {
    @Override
    public void submit(Port port, int submission) {
        // The request is on the Ports table; the carrier answers through POST /v2/carrier/ports/{id}/events.
    }
}
