package com.carrier.numbers.adapter.dynamodb;

import static com.carrier.numbers.adapter.dynamodb.Attrs.*;

import com.carrier.numbers.domain.Assignment;
import com.carrier.numbers.domain.Cnam;
import com.carrier.numbers.domain.E911Address;
import com.carrier.numbers.domain.NumberState;
import com.carrier.numbers.domain.PhoneNumber;
import com.carrier.numbers.domain.Prepend;
import com.carrier.numbers.domain.UnassignSchedule;
import com.carrier.numbers.port.DueWork;
import java.time.Instant;
import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The one mapping between {@link PhoneNumber} and a Numbers table item, including the sparse index
 * attributes: inv_* only while the number is purchasable (available or reserved; a reservation
 * keeps them with its hold_until, so a lapsed hold is found again), renew_bucket only while a
 * monthly charge will be due.
 */
public final class NumberItems {
    static final String PK = "number";
    private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();

    private NumberItems() {
    }

    static Map<String, AttributeValue> key(String number) {
        return Map.of(PK, s(number));
    }

    /** The item for {@code p} (public for seeding tools such as the search benchmark). */
    public static Map<String, AttributeValue> toItem(PhoneNumber p) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put(PK, s(p.number()));
        put(item, "id", p.id());
        item.put("state", s(p.state().wire()));
        put(item, "country", p.country());
        put(item, "region", p.region());
        put(item, "city", p.city());
        put(item, "type", p.type());
        put(item, "setup_fee", p.setupFee());
        put(item, "monthly_cost", p.monthlyCost());
        put(item, "owner_id", p.ownerId());
        put(item, "sub_account_id", p.subAccountId());
        put(item, "friendly_name", p.friendlyName());
        if (p.cnam() != null) {
            Map<String, AttributeValue> m = new LinkedHashMap<>();
            put(m, "display_name", p.cnam().displayName());
            put(m, "inbound_lookup", p.cnam().inboundLookup());
            item.put("cnam", AttributeValue.fromM(m));
        }
        if (p.e911() != null) {
            E911Address a = p.e911();
            Map<String, AttributeValue> m = new LinkedHashMap<>();
            put(m, "street_address", a.streetAddress());
            put(m, "extended_address", a.extendedAddress());
            put(m, "locality", a.locality());
            put(m, "region", a.region());
            put(m, "postal_code", a.postalCode());
            put(m, "caller_name", a.callerName());
            item.put("e911", AttributeValue.fromM(m));
        }
        put(item, "used_by", p.usedBy());
        if (p.assignedTo() != null) {
            Map<String, AttributeValue> m = new LinkedHashMap<>();
            put(m, "type", p.assignedTo().type());
            put(m, "id", p.assignedTo().id());
            item.put("assigned_to", AttributeValue.fromM(m));
        }
        if (p.prepend() != null) {
            Map<String, AttributeValue> m = new LinkedHashMap<>();
            put(m, "enabled", p.prepend().enabled());
            put(m, "name", p.prepend().name());
            put(m, "number", p.prepend().number());
            item.put("prepend", AttributeValue.fromM(m));
        }
        put(item, "purchased_at", p.purchasedAt());
        put(item, "expires_at", p.expiresAt());
        put(item, "next_charge", p.nextCharge());
        if (p.suspended()) {
            item.put("suspended", bool(true));
        }
        put(item, "released_at", p.releasedAt());
        put(item, "available_at", p.availableAt());
        if (p.unassignSchedule() != null) {
            UnassignSchedule u = p.unassignSchedule();
            Map<String, AttributeValue> m = new LinkedHashMap<>();
            put(m, "sub_account_id", u.subAccountId());
            put(m, "requested_at", u.requestedAt());
            put(m, "cool_off_until", u.coolOffUntil());
            put(m, "waiting_since", u.waitingSince());
            item.put("unassign_schedule", AttributeValue.fromM(m));
        }
        put(item, "hold_account", p.holdAccountId());
        put(item, "hold_until", p.holdUntil());
        put(item, "last_call_at", p.lastCallAt());
        item.put("version", n(p.version()));
        if (p.state() == NumberState.AVAILABLE || p.state() == NumberState.RESERVED) {
            put(item, "inv_prefix", prefixKey(p.number()));
            put(item, "inv_city", cityKey(p.city()));
            put(item, "inv_region", stateKey(p.region()));
            put(item, "inv_place", placeKey(p.region(), p.city()));
        }
        if (p.state() == NumberState.IN_SERVICE && !p.suspended() && p.nextCharge() != null) {
            item.put("renew_bucket", s(renewBucket(p.number())));
        }
        // Sparse ByDue index: only numbers a workflow is waiting on, so the sweep reads what is due and nothing else.
        if (p.state() == NumberState.RELEASED && p.availableAt() != null) {
            putDue(item, DueWork.Kind.AGING, p.number(), p.releasedAt(), p.availableAt());
        } else if (p.state() == NumberState.IN_SERVICE && p.unassignSchedule() != null) {
            putDue(item, DueWork.Kind.DEFERRED_UNASSIGN, p.number(), p.unassignSchedule().waitingSince(),
                    p.unassignSchedule().coolOffUntil());
        }
        return item;
    }

    public static PhoneNumber fromItem(Map<String, AttributeValue> item) {
        Map<String, AttributeValue> cnam = map(item, "cnam");
        Map<String, AttributeValue> e911 = map(item, "e911");
        Map<String, AttributeValue> assigned = map(item, "assigned_to");
        Map<String, AttributeValue> prepend = map(item, "prepend");
        Map<String, AttributeValue> schedule = map(item, "unassign_schedule");
        String state = str(item, "state");
        return new PhoneNumber(
                str(item, PK),
                str(item, "id"),
                state == null ? null : NumberState.fromWire(state),
                str(item, "country"),
                str(item, "region"),
                str(item, "city"),
                str(item, "type"),
                money(item, "setup_fee"),
                money(item, "monthly_cost"),
                str(item, "owner_id"),
                str(item, "sub_account_id"),
                str(item, "friendly_name"),
                cnam == null ? null : new Cnam(str(cnam, "display_name"), bool(cnam, "inbound_lookup")),
                e911 == null ? null : new E911Address(str(e911, "street_address"), str(e911, "extended_address"),
                        str(e911, "locality"), str(e911, "region"), str(e911, "postal_code"), str(e911, "caller_name")),
                str(item, "used_by"),
                assigned == null ? null : new Assignment(str(assigned, "type"), str(assigned, "id")),
                prepend == null ? null : new Prepend(bool(prepend, "enabled"), str(prepend, "name"), str(prepend, "number")),
                instant(item, "purchased_at"),
                instant(item, "expires_at"),
                instant(item, "next_charge"),
                Boolean.TRUE.equals(bool(item, "suspended")),
                instant(item, "released_at"),
                instant(item, "available_at"),
                schedule == null ? null : new UnassignSchedule(str(schedule, "sub_account_id"), instant(schedule, "requested_at"),
                        instant(schedule, "cool_off_until"), instant(schedule, "waiting_since")),
                str(item, "hold_account"),
                instant(item, "hold_until"),
                instant(item, "last_call_at"),
                num(item, "version", 0));
    }

    /** ByPrefix partition: country code plus the first three national digits ("+1415"). */
    static String prefixKey(String e164) {
        try {
            var parsed = UTIL.parse(e164, "ZZ");
            String national = UTIL.getNationalSignificantNumber(parsed);
            return "+" + parsed.getCountryCode() + national.substring(0, Math.min(3, national.length()));
        } catch (NumberParseException e) {
            return e164.substring(0, Math.min(5, e164.length()));
        }
    }

    /** ByCity partition: the city in upper case, so a search matches case-insensitively. */
    static String cityKey(String city) {
        return city == null || city.isBlank() ? null : city.trim().toUpperCase(Locale.ROOT);
    }

    /** ByRegion partition: the two-letter state or province ("CA"). */
    static String stateKey(String region) {
        return region == null || region.isBlank() ? null : region.trim().toUpperCase(Locale.ROOT);
    }

    private static void putDue(Map<String, AttributeValue> item, DueWork.Kind kind, String number, Instant since, Instant at) {
        item.put("due_bucket", s(dueBucket(kind, number.charAt(number.length() - 1))));
        put(item, "due_at", at);
        put(item, "due_since", since);
    }

    /** ByDue partition: the kind of wait and one of ten buckets by the last digit ("AGING#7"). */
    static String dueBucket(DueWork.Kind kind, char digit) {
        return kind.name() + "#" + digit;
    }

    /** ByPlace partition: state and city together ("CA#SAN FRANCISCO"), for searches that give both. */
    static String placeKey(String region, String city) {
        String state = stateKey(region);
        String c = cityKey(city);
        return state == null || c == null ? null : state + "#" + c;
    }

    /** ByRenewal partition: one of ten buckets by the last digit, so no single partition takes every renewal. */
    static String renewBucket(String number) {
        return "R" + number.charAt(number.length() - 1);
    }
}
