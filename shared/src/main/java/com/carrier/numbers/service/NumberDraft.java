package com.carrier.numbers.service;

import com.carrier.numbers.domain.Assignment;
import com.carrier.numbers.domain.Cnam;
import com.carrier.numbers.domain.E911Address;
import com.carrier.numbers.domain.Money;
import com.carrier.numbers.domain.NumberState;
import com.carrier.numbers.domain.PhoneNumber;
import com.carrier.numbers.domain.Prepend;
import com.carrier.numbers.domain.UnassignSchedule;
import java.time.Instant;

/** A mutable copy of a {@link PhoneNumber}, so a change reads as the few fields it sets. */
final class NumberDraft {
    String number;
    String id;
    NumberState state;
    String country;
    String region;
    String city;
    String type;
    Money setupFee;
    Money monthlyCost;
    String ownerId;
    String subAccountId;
    String friendlyName;
    Cnam cnam;
    E911Address e911;
    String usedBy;
    Assignment assignedTo;
    Prepend prepend;
    Instant purchasedAt;
    Instant expiresAt;
    Instant nextCharge;
    boolean suspended;
    Instant releasedAt;
    Instant availableAt;
    UnassignSchedule unassignSchedule;
    String holdAccountId;
    Instant holdUntil;
    Instant lastCallAt;
    long version;

    static NumberDraft of(PhoneNumber p) {
        NumberDraft d = new NumberDraft();
        d.number = p.number();
        d.id = p.id();
        d.state = p.state();
        d.country = p.country();
        d.region = p.region();
        d.city = p.city();
        d.type = p.type();
        d.setupFee = p.setupFee();
        d.monthlyCost = p.monthlyCost();
        d.ownerId = p.ownerId();
        d.subAccountId = p.subAccountId();
        d.friendlyName = p.friendlyName();
        d.cnam = p.cnam();
        d.e911 = p.e911();
        d.usedBy = p.usedBy();
        d.assignedTo = p.assignedTo();
        d.prepend = p.prepend();
        d.purchasedAt = p.purchasedAt();
        d.expiresAt = p.expiresAt();
        d.nextCharge = p.nextCharge();
        d.suspended = p.suspended();
        d.releasedAt = p.releasedAt();
        d.availableAt = p.availableAt();
        d.unassignSchedule = p.unassignSchedule();
        d.holdAccountId = p.holdAccountId();
        d.holdUntil = p.holdUntil();
        d.lastCallAt = p.lastCallAt();
        d.version = p.version();
        return d;
    }

    /** Drops what belongs to a customer's rental: owner, sub-account, configuration, billing, holds. */
    NumberDraft clearRental() {
        ownerId = null;
        subAccountId = null;
        friendlyName = null;
        cnam = null;
        e911 = null;
        usedBy = null;
        assignedTo = null;
        prepend = null;
        purchasedAt = null;
        expiresAt = null;
        nextCharge = null;
        suspended = false;
        holdAccountId = null;
        holdUntil = null;
        unassignSchedule = null; // a released number has no sub-account to leave
        return this;
    }

    /** The record, with the version the store will give it after the write. */
    PhoneNumber build() {
        return new PhoneNumber(number, id, state, country, region, city, type, setupFee, monthlyCost, ownerId, subAccountId,
                friendlyName, cnam, e911, usedBy, assignedTo, prepend, purchasedAt, expiresAt, nextCharge, suspended,
                releasedAt, availableAt, unassignSchedule, holdAccountId, holdUntil, lastCallAt, version + 1);
    }
}
