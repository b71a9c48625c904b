package com.carrier.numbers.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A DID and everything the platform knows about it: where it is in its lifecycle, who owns it,
 * who it is assigned to, how it is configured and how it is billed. Unset fields are null.
 *
 * @param ownerId      the account that bought (or ports in) the number and pays for it
 * @param subAccountId the sub-account a master handed the number to, if any
 * @param holdAccountId the account holding a reservation, while {@code state == RESERVED}
 * @param suspended    a renewal the owner could not pay: status "suspended" until a top-up pays it
 * @param unassignSchedule a deferred unassign waiting for the cool-off to end, if any
 * @param version      optimistic-lock counter, bumped by every write
 */
public record PhoneNumber(
        String number,
        String id,
        NumberState state,
        String country,
        String region,
        String city,
        String type,
        Money setupFee,
        Money monthlyCost,
        String ownerId,
        String subAccountId,
        String friendlyName,
        Cnam cnam,
        E911Address e911,
        String usedBy,
        Assignment assignedTo,
        Prepend prepend,
        Instant purchasedAt,
        Instant expiresAt,
        Instant nextCharge,
        boolean suspended,
        Instant releasedAt,
        Instant availableAt,
        UnassignSchedule unassignSchedule,
        String holdAccountId,
        Instant holdUntil,
        Instant lastCallAt,
        long version) {

    /** Features as the crossbar API lists them: what is configured on the number. */
    public List<String> features() {
        List<String> f = new ArrayList<>(3);
        if (cnam != null) {
            f.add("cnam");
        }
        if (e911 != null) {
            f.add("e911");
        }
        if (prepend != null && !Boolean.FALSE.equals(prepend.enabled())) {
            f.add("prepend");
        }
        return f;
    }

    /** The purchase-document status: in_service maps to active, or suspended after an unpaid renewal. */
    public String status() {
        return switch (state) {
            case IN_SERVICE -> suspended ? "suspended" : "active";
            case PORT_IN -> "porting";
            default -> state.wire();
        };
    }

    /** True while a reservation by someone blocks others at {@code now}. */
    public boolean heldAt(Instant now) {
        return state == NumberState.RESERVED && holdUntil != null && holdUntil.isAfter(now);
    }

    /** The account that uses the number day to day: the sub-account it is assigned to, else the owner. */
    public String user() {
        return subAccountId != null ? subAccountId : ownerId;
    }
}
