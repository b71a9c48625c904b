package com.carrier.numbers.port;

import com.carrier.numbers.domain.AuditRecord;
import java.util.List;

/** Reads a number's audit trail; records are written inside the number's transactions. */
public interface AuditStore {
    List<AuditRecord> forNumber(String number);
}
