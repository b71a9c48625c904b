package com.carrier.numbers.service;

import com.carrier.numbers.domain.AuditRecord;
import com.carrier.numbers.domain.Caller;
import java.util.List;

/** The audit trail of a number, oldest first (admin only). */
public class AuditTrail {
    public List<AuditRecord> forNumber(Caller caller, String number) {
        throw new UnsupportedOperationException("TODO");
    }
}
