package com.carrier.numbers.domain;

import java.util.Locale;

/** The statuses of a port-in request, as seed 003 names them. */
public enum PortStatus {
    PENDING, AUTHORIZED, IN_PROGRESS, COMPLETED, FAILED, CANCELLED;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The status named on the wire, or null if it is none of them. */
    public static PortStatus fromWire(String s) {
        for (PortStatus p : values()) {
            if (p.wire().equals(s)) {
                return p;
            }
        }
        return null;
    }

    /** What the losing carrier's side shows for a port in this status ({@code carrier_status}). */
    public String carrierStatus() {
        return switch (this) {
            case PENDING -> "pending_transfer";
            case AUTHORIZED -> "foc_confirmed";
            case IN_PROGRESS -> "transferring";
            case COMPLETED -> "ported";
            case FAILED -> "rejected";
            case CANCELLED -> "cancelled";
        };
    }
}
