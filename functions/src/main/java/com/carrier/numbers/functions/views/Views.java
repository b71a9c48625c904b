package com.carrier.numbers.functions.views;

import com.carrier.numbers.domain.Account;
import com.carrier.numbers.domain.AuditRecord;
import com.carrier.numbers.domain.Credential;
import com.carrier.numbers.domain.InventoryNumber;
import com.carrier.numbers.domain.LedgerEntry;
import com.carrier.numbers.domain.Money;
import com.carrier.numbers.domain.PhoneNumber;
import com.carrier.numbers.functions.http.Json;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * JSON views of domain objects. Unset optional fields are omitted, never null; money is a JSON
 * number with two decimals; timestamps are ISO-8601 UTC to the second.
 */
public final class Views {
    private Views() {
    }

    /** The crossbar number document (details, purchase, update, release on /v2/accounts/{A}/phone_numbers/{N}). */
    public static ObjectNode crossbarNumber(PhoneNumber n) {
        ObjectNode o = Json.object();
        o.put("id", n.id());
        o.put("number", n.number());
        o.put("state", n.state().wire());
        features(o, n);
        configuration(o, n);
        putOpt(o, "account_id", n.ownerId());
        putOpt(o, "sub_account_id", n.subAccountId());
        putOpt(o, "status", n.ownerId() == null ? null : n.status());
        time(o, "purchased_at", n.purchasedAt());
        time(o, "expires_at", n.expiresAt());
        billing(o, n);
        time(o, "reserved_until", n.holdUntil());
        time(o, "released_at", n.releasedAt());
        time(o, "available_at", n.availableAt());
        unassignSchedule(o, n);
        return o;
    }

    /** An entry of the crossbar list map keyed by number (as in the seed's list example). */
    public static ObjectNode crossbarListEntry(PhoneNumber n) {
        ObjectNode o = Json.object();
        features(o, n);
        assignment(o, n);
        putOpt(o, "used_by", n.usedBy());
        putOpt(o, "friendly_name", n.friendlyName());
        putOpt(o, "sub_account_id", n.subAccountId());
        o.put("state", n.state().wire());
        return o;
    }

    /** The purchase-document view (POST /v2/numbers/purchase, GET /v2/numbers/{id}). */
    public static ObjectNode purchase(PhoneNumber n) {
        ObjectNode o = summary(n);
        billing(o, n);
        return o;
    }

    /** An item of GET /v2/numbers. */
    public static ObjectNode listedNumber(PhoneNumber n) {
        ObjectNode o = summary(n);
        putOpt(o, "account_id", n.ownerId());
        putOpt(o, "sub_account_id", n.subAccountId());
        return o;
    }

    /** What the purchase document and the list of purchased numbers share. */
    private static ObjectNode summary(PhoneNumber n) {
        ObjectNode o = Json.object();
        o.put("id", n.id());
        o.put("number", n.number());
        putOpt(o, "friendly_name", n.friendlyName());
        o.put("status", n.status());
        time(o, "purchased_at", n.purchasedAt());
        time(o, "expires_at", n.expiresAt());
        return o;
    }

    /** GET /v2/numbers/{id}: the purchase view plus where the number stands and how it is configured. */
    public static ObjectNode numberDetails(PhoneNumber n) {
        ObjectNode o = purchase(n);
        o.put("state", n.state().wire());
        features(o, n);
        configuration(o, n);
        putOpt(o, "account_id", n.ownerId());
        putOpt(o, "sub_account_id", n.subAccountId());
        putOpt(o, "type", n.type());
        putOpt(o, "city", n.city());
        putOpt(o, "region", n.region());
        putOpt(o, "country", n.country());
        time(o, "released_at", n.releasedAt());
        time(o, "available_at", n.availableAt());
        unassignSchedule(o, n);
        return o;
    }

    /** The 202 answer of a deferred unassign: {number, status: "scheduled", cool_off_until}. */
    public static ObjectNode scheduledUnassign(PhoneNumber n) {
        ObjectNode o = Json.object();
        o.put("number", n.number());
        o.put("status", "scheduled");
        putOpt(o, "sub_account_id", n.unassignSchedule().subAccountId());
        time(o, "cool_off_until", n.unassignSchedule().coolOffUntil());
        return o;
    }

    /** A deferred unassign waiting for the cool-off: {sub_account_id, requested_at, cool_off_until}. */
    private static void unassignSchedule(ObjectNode o, PhoneNumber n) {
        if (n.unassignSchedule() != null) {
            ObjectNode s = o.putObject("unassign_scheduled");
            s.put("sub_account_id", n.unassignSchedule().subAccountId());
            time(s, "requested_at", n.unassignSchedule().requestedAt());
            time(s, "cool_off_until", n.unassignSchedule().coolOffUntil());
        }
    }

    public static ObjectNode inventory(InventoryNumber n) {
        ObjectNode o = Json.object();
        o.put("number", n.number());
        putOpt(o, "city", n.city());
        putOpt(o, "state", n.region());
        putOpt(o, "country", n.country());
        putOpt(o, "type", n.type());
        money(o, "setup_fee", n.setupFee());
        money(o, "monthly_cost", n.monthlyCost());
        return o;
    }

    public static ObjectNode account(Account a) {
        ObjectNode o = Json.object();
        o.put("id", a.id());
        o.put("name", a.name());
        o.put("type", a.type().wire());
        putOpt(o, "parent_id", a.parentId());
        money(o, "balance", a.balance());
        o.put("currency", a.currency());
        ArrayNode regions = o.putArray("allowed_regions");
        if (a.allowedRegions() != null) {
            a.allowedRegions().forEach(regions::add);
        }
        time(o, "created_at", a.createdAt());
        return o;
    }

    public static ObjectNode credential(Credential c) {
        ObjectNode o = Json.object();
        o.put("auth_id", c.authId());
        o.put("account_id", c.accountId());
        o.put("role", c.role().wire());
        putOpt(o, "name", c.name());
        time(o, "created_at", c.createdAt());
        time(o, "revoked_at", c.revokedAt());
        o.put("active", c.active());
        return o;
    }

    public static ObjectNode ledgerEntry(LedgerEntry e) {
        ObjectNode o = Json.object();
        o.put("id", e.entryId());
        time(o, "at", e.at());
        o.put("kind", e.kind());
        money(o, "amount", e.amount());
        money(o, "balance_after", e.balanceAfter());
        putOpt(o, "number", e.number());
        putOpt(o, "description", e.description());
        return o;
    }

    public static ObjectNode audit(AuditRecord r) {
        ObjectNode o = Json.object();
        o.put("number", r.number());
        time(o, "at", r.at());
        o.put("action", r.action());
        putOpt(o, "from", r.fromState() == null ? null : r.fromState().wire());
        putOpt(o, "to", r.toState() == null ? null : r.toState().wire());
        putOpt(o, "actor_account_id", r.actorAccountId());
        putOpt(o, "actor_auth_id", r.actorAuthId());
        putOpt(o, "account_id", r.accountId());
        putOpt(o, "reason", r.reason());
        if (r.forced()) {
            o.put("forced", true);
        }
        time(o, "cool_off_until", r.coolOffUntil());
        return o;
    }

    public static void money(ObjectNode o, String field, Money m) {
        if (m != null) {
            o.put(field, m.toDecimal());
        }
    }

    public static void time(ObjectNode o, String field, Instant t) {
        if (t != null) {
            o.put(field, iso(t));
        }
    }

    public static String iso(Instant t) {
        return t.truncatedTo(ChronoUnit.SECONDS).toString();
    }

    private static void putOpt(ObjectNode o, String field, String value) {
        if (value != null) {
            o.put(field, value);
        }
    }

    private static void features(ObjectNode o, PhoneNumber n) {
        ArrayNode f = o.putArray("features");
        n.features().forEach(f::add);
    }

    private static void billing(ObjectNode o, PhoneNumber n) {
        if (n.state() != com.carrier.numbers.domain.NumberState.IN_SERVICE || n.monthlyCost() == null) {
            return;
        }
        ObjectNode b = o.putObject("billing");
        money(b, "setup_fee", n.setupFee());
        money(b, "monthly_cost", n.monthlyCost());
        time(b, "next_charge", n.nextCharge());
    }

    private static void assignment(ObjectNode o, PhoneNumber n) {
        if (n.assignedTo() != null) {
            ObjectNode a = o.putObject("assigned_to");
            putOpt(a, "type", n.assignedTo().type());
            putOpt(a, "id", n.assignedTo().id());
        }
    }

    private static void configuration(ObjectNode o, PhoneNumber n) {
        putOpt(o, "friendly_name", n.friendlyName());
        if (n.cnam() != null) {
            ObjectNode c = o.putObject("cnam");
            putOpt(c, "display_name", n.cnam().displayName());
            if (n.cnam().inboundLookup() != null) {
                c.put("inbound_lookup", n.cnam().inboundLookup());
            }
        }
        if (n.e911() != null) {
            ObjectNode e = o.putObject("e911");
            putOpt(e, "street_address", n.e911().streetAddress());
            putOpt(e, "extended_address", n.e911().extendedAddress());
            putOpt(e, "locality", n.e911().locality());
            putOpt(e, "region", n.e911().region());
            putOpt(e, "postal_code", n.e911().postalCode());
            putOpt(e, "caller_name", n.e911().callerName());
        }
        putOpt(o, "used_by", n.usedBy());
        assignment(o, n);
        if (n.prepend() != null) {
            ObjectNode p = o.putObject("prepend");
            if (n.prepend().enabled() != null) {
                p.put("enabled", n.prepend().enabled());
            }
            putOpt(p, "name", n.prepend().name());
            putOpt(p, "number", n.prepend().number());
        }
    }
}
