package com.carrier.numbers.service;

import com.carrier.numbers.domain.AuditRecord;
import com.carrier.numbers.domain.Caller;
import com.carrier.numbers.domain.E164;
import com.carrier.numbers.domain.PlatformException;
import com.carrier.numbers.port.AuditStore;
import java.util.List;

/** The audit trail of a number, oldest first (admin only). */
public class AuditTrail {
    private final AuditStore audit;

    public AuditTrail(AuditStore audit) {
        this.audit = audit;
    }

    public List<AuditRecord> forNumber(Caller caller, String number) {
        if (!caller.isAdmin()) {
            throw PlatformException.forbidden("the audit trail is for platform operators only");
        }
        return audit.forNumber(E164.parse(number, "number"));
    }
}
