package com.carrier.numbers.service;

import com.carrier.numbers.domain.Account;
import com.carrier.numbers.domain.AccountType;
import com.carrier.numbers.domain.BusinessCalendar;
import com.carrier.numbers.domain.Caller;
import com.carrier.numbers.domain.CarrierEvent;
import com.carrier.numbers.domain.E164;
import com.carrier.numbers.domain.EndUserAddress;
import com.carrier.numbers.domain.ErrorCode;
import com.carrier.numbers.domain.NumberLifecycle;
import com.carrier.numbers.domain.PhoneNumber;
import com.carrier.numbers.domain.PlatformException;
import com.carrier.numbers.domain.Port;
import com.carrier.numbers.domain.PortLifecycle;
import com.carrier.numbers.domain.PortNumberStatus;
import com.carrier.numbers.domain.PortStatus;
import com.carrier.numbers.domain.PortedNumber;
import com.carrier.numbers.domain.Rate;
import com.carrier.numbers.domain.RateTable;
import com.carrier.numbers.domain.RejectionReason;
import com.carrier.numbers.port.AccountStore;
import com.carrier.numbers.port.NumberStore;
import com.carrier.numbers.port.PortStore;
import com.carrier.numbers.port.Workflows;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Port-in requests as customers and carriers see them: create, read, list, cancel, correct and
 * resubmit, and the carrier's signed events. The long-running part (submission, waiting for the
 * carrier, the FOC, activation) is the port lifecycle state machine, whose steps are
 * {@link PortSteps}. Every write of a port names a {@link PortLifecycle} row and is conditional on
 * the status read, so what a cancel wrote wins over a late callback or a stale execution.
 */
public class Ports {
    public static final int MAX_NUMBERS = 100;
    /** A cancel must come more than this long before the FOC (carriers need the time to stop the cut-over). */
    public static final Duration CANCEL_CUTOFF = Duration.ofHours(48);
    private static final int ATTEMPTS = 20;

    private final PortStore ports;
    private final NumberStore numbers;
    private final AccountStore accounts;
    private final Scope scope;
    private final Workflows workflows;
    private final RateTable rates;
    private final Clock clock;
    private final PortNumbers portNumbers;
    private final PortSteps steps;

    public Ports(PortStore ports, NumberStore numbers, AccountStore accounts, Scope scope, Workflows workflows,
                 RateTable rates, Clock clock, PortSteps steps) {
        this.ports = ports;
        this.numbers = numbers;
        this.accounts = accounts;
        this.scope = scope;
        this.workflows = workflows;
        this.rates = rates;
        this.clock = clock;
        this.portNumbers = new PortNumbers(numbers, clock);
        this.steps = steps;
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.SECONDS);
    }

    // ---- create

    /**
     * Creates a port for the caller's account and starts its workflow. Checks, in order: the request
     * (400), the numbers (409 NUMBER_UNAVAILABLE if on the platform or on another open port), the
     * account's regions (403 INVALID_REGION).
     */
    public Port create(Caller caller, PortRequest request) {
        Instant now = now();
        List<String> wanted = validNumbers(request.numbers());
        String accountNumber = required(request.accountNumber(), "account_number", 64);
        String accountPin = optional(request.accountPin(), "account_pin", 32);
        String carrierName = optional(request.carrierName(), "carrier_name", 100);
        String billingPhone = E164.parse(request.billingPhone(), "billing_phone");
        String endUserName = required(request.endUserName(), "end_user_name", 200);
        EndUserAddress address = validAddress(request.endUserAddress());
        LocalDate foc = focDate(request.requestedFocDate(), now);

        Account account = scope.require(caller, caller.accountId());
        for (String n : wanted) {
            if (numbers.find(n).isPresent()) {
                throw unavailable(n);
            }
        }
        for (String n : wanted) {
            checkRegion(account, n, address);
        }

        Port.Draft d = new Port.Draft();
        d.id = Ids.next("port_");
        d.accountId = account.id();
        d.status = PortStatus.PENDING;
        d.attempt = 1;
        wanted.forEach(n -> d.numbers.add(new PortedNumber(n, PortNumberStatus.PENDING, null)));
        d.accountNumber = accountNumber;
        d.accountPin = accountPin;
        d.carrierName = carrierName;
        d.billingPhone = billingPhone;
        d.endUserName = endUserName;
        d.endUserAddress = address;
        d.requestedFocDate = foc;
        d.createdAt = now;
        d.updatedAt = now;
        d.estimatedCompletion = BusinessCalendar.plusBusinessDays(now, 5);
        d.event(now, PortStatus.PENDING.wire(), null, "port request received");
        d.version = 0;
        Port port = d.build();
        ports.apply(null, port, PortLifecycle.REQUEST);
        try {
            portNumbers.claim(caller, port, this::rateOf);
        } catch (PlatformException e) {
            ports.delete(port); // never accepted: no port, no numbers
            throw e;
        }
        return start(port);
    }

    /** Starts the attempt's execution; if that fails the port fails (SUBMISSION_FAILED) so the customer can resubmit. */
    private Port start(Port port) {
        try {
            workflows.start(Workflows.Machine.PORT_LIFECYCLE, port.executionName(), executionInput(port));
            return port;
        } catch (RuntimeException e) {
            return failNow(port.id(), port.attempt(), RejectionReason.SUBMISSION_FAILED, null).orElse(port);
        }
    }

    /** How long the workflow waits for the carrier: its decision, then its completion after the FOC. */
    public static final Duration DECISION_TIMEOUT = Duration.ofDays(7);
    public static final Duration COMPLETION_TIMEOUT = Duration.ofDays(2);

    /** The execution's input: which port and attempt, and the waits' limits (TimeoutSecondsPath). */
    static String executionInput(Port port) {
        return "{\"port_id\":\"" + port.id() + "\",\"attempt\":" + port.attempt()
                + ",\"decision_timeout_seconds\":" + DECISION_TIMEOUT.toSeconds()
                + ",\"completion_timeout_seconds\":" + COMPLETION_TIMEOUT.toSeconds() + "}";
    }

    private Optional<Port> failNow(String portId, int attempt, RejectionReason reason, String error) {
        try {
            return Optional.of(steps.fail(portId, attempt, error, reason));
        } catch (PortSuperseded e) {
            return Optional.empty();
        }
    }

    private Rate rateOf(String e164) {
        String country = E164.regionOf(e164);
        String type = isTollFree(e164) ? "toll_free" : "local";
        return rates.find(country, type).orElseGet(() -> rates.require("US", type));
    }

    private static boolean isTollFree(String e164) {
        return e164.matches("\\+18(00|33|44|55|66|77|88)[0-9]{7}");
    }

    private void checkRegion(Account account, String e164, EndUserAddress address) {
        String country = E164.regionOf(e164);
        String state = country.equals(address.country()) ? address.state() : null;
        if (!account.mayBuyIn(country, state)) {
            throw new PlatformException(ErrorCode.INVALID_REGION, "account " + account.id() + " may not hold numbers in "
                    + country + (state == null ? "" : "-" + state), Map.of("number", e164));
        }
    }

    // ---- read and list

    /** The port, if the caller may see it (its account or a descendant's); else 404. */
    public Port get(Caller caller, String id) {
        return visible(caller, id);
    }

    private Port visible(Caller caller, String id) {
        if (id == null || !id.matches("port_[0-9a-f]{1,64}")) {
            throw PlatformException.notFound("port " + id);
        }
        return ports.find(id).filter(p -> scope.allows(caller, p.accountId()))
                .orElseThrow(() -> PlatformException.notFound("port " + id));
    }

    /** The caller's ports, and its sub-accounts' for a master, newest first. */
    public PortStore.Page list(Caller caller, String status, int limit, int offset) {
        if (limit < 1 || limit > 100) {
            throw PlatformException.validation("limit", "limit must be an integer from 1 to 100");
        }
        if (offset < 0 || offset > 10_000) {
            throw PlatformException.validation("offset", "offset must be an integer from 0 to 10000");
        }
        PortStatus s = null;
        if (status != null) {
            s = PortStatus.fromWire(status);
            if (s == null) {
                throw PlatformException.validation("status", "status must be one of pending, authorized, in_progress, completed, failed, cancelled");
            }
        }
        List<String> owners = new ArrayList<>();
        owners.add(caller.accountId());
        Optional<Account> own = accounts.find(caller.accountId());
        if (own.isPresent() && own.get().type() == AccountType.MASTER) {
            owners.addAll(accounts.children(caller.accountId()));
        }
        return ports.list(owners, s, limit, offset);
    }

    // ---- cancel

    /**
     * Cancels a pending or authorized port more than 48 hours before its FOC (else 409
     * PORT_NOT_CANCELLABLE): the status is written first, so it wins over anything in flight; then
     * the port_in numbers are removed and the execution stopped.
     */
    public Port cancel(Caller caller, String id) {
        visible(caller, id);
        Port cancelled = Retry.onConflict(ATTEMPTS, () -> {
            Instant now = now();
            Port before = ports.find(id).orElseThrow(() -> PlatformException.notFound("port " + id));
            if (!PortLifecycle.CANCEL.allows(before.status())) {
                throw notCancellable("a port that is " + before.status().wire() + " cannot be cancelled");
            }
            Instant cutover = before.focAt() != null ? before.focAt()
                    : before.requestedFocDate() != null ? BusinessCalendar.cutover(before.requestedFocDate()) : null;
            if (cutover != null && !now.plus(CANCEL_CUTOFF).isBefore(cutover)) {
                throw notCancellable("a port cannot be cancelled within 48 hours of its FOC (" + cutover + ")");
            }
            Port.Draft d = before.draft();
            d.status = PortStatus.CANCELLED;
            d.numbers.replaceAll(n -> n.isRejected() ? n : n.with(PortNumberStatus.CANCELLED, null));
            d.taskToken = null;
            d.taskStage = null;
            d.updatedAt = now;
            d.event(now, PortStatus.CANCELLED.wire(), null, "cancelled by " + caller.accountId());
            Port after = d.build();
            ports.apply(before, after, PortLifecycle.CANCEL);
            return after;
        });
        portNumbers.withdraw(caller, cancelled, PortLifecycle.CANCEL);
        try {
            workflows.stop(Workflows.Machine.PORT_LIFECYCLE, cancelled.executionName(), "port cancelled");
        } catch (RuntimeException e) {
            // The stored status already stops every step of a running execution; the stop only saves its waiting.
        }
        return cancelled;
    }

    private static PlatformException notCancellable(String message) {
        return new PlatformException(ErrorCode.PORT_NOT_CANCELLABLE, message);
    }

    // ---- correct and resubmit

    /**
     * Corrects a failed port (the fields sent replace the stored ones; the numbers cannot change)
     * and resubmits it as a new attempt: back to pending, the numbers claimed again, a new execution.
     */
    public Port correct(Caller caller, String id, PortRequest changes) {
        Instant now = now();
        if (changes.numbers() != null) {
            throw PlatformException.validation("numbers", "the numbers of a port cannot be changed; cancel it and create another");
        }
        String accountNumber = changes.accountNumber() == null ? null : required(changes.accountNumber(), "account_number", 64);
        String accountPin = optional(changes.accountPin(), "account_pin", 32);
        String carrierName = optional(changes.carrierName(), "carrier_name", 100);
        String billingPhone = changes.billingPhone() == null ? null : E164.parse(changes.billingPhone(), "billing_phone");
        String endUserName = changes.endUserName() == null ? null : required(changes.endUserName(), "end_user_name", 200);
        EndUserAddress address = changes.endUserAddress() == null ? null : validAddress(changes.endUserAddress());
        LocalDate foc = focDate(changes.requestedFocDate(), now);

        Port current = visible(caller, id);
        if (current.status() != PortStatus.FAILED) {
            throw new PlatformException(ErrorCode.PORT_NOT_CORRECTABLE,
                    "only a failed port can be corrected; this one is " + current.status().wire());
        }
        Account account = scope.require(caller, current.accountId());
        EndUserAddress newAddress = address == null ? current.endUserAddress() : address;
        for (String n : current.numberList()) {
            if (numbers.find(n).isPresent()) {
                throw unavailable(n);
            }
        }
        for (String n : current.numberList()) {
            checkRegion(account, n, newAddress);
        }
        Port resubmitted = Retry.onConflict(ATTEMPTS, () -> {
            Port before = ports.find(id).orElseThrow(() -> PlatformException.notFound("port " + id));
            if (before.status() != PortStatus.FAILED) {
                throw new PlatformException(ErrorCode.PORT_NOT_CORRECTABLE,
                        "only a failed port can be corrected; this one is " + before.status().wire());
            }
            Port.Draft d = before.draft();
            d.status = PortStatus.PENDING;
            d.attempt = before.attempt() + 1;
            d.numbers.replaceAll(n -> n.with(PortNumberStatus.PENDING, null));
            if (accountNumber != null) d.accountNumber = accountNumber;
            if (accountPin != null) d.accountPin = accountPin;
            if (carrierName != null) d.carrierName = carrierName;
            if (billingPhone != null) d.billingPhone = billingPhone;
            if (endUserName != null) d.endUserName = endUserName;
            d.endUserAddress = newAddress;
            if (foc != null) d.requestedFocDate = foc;
            d.focDate = null;
            d.focAt = null;
            d.decision = null;
            d.carrierCompletedAt = null;
            d.submissions = 0;
            d.taskToken = null;
            d.taskStage = null;
            d.failureReason = null;
            d.messages.clear();
            d.updatedAt = now;
            d.estimatedCompletion = BusinessCalendar.plusBusinessDays(now, 5);
            d.event(now, PortStatus.PENDING.wire(), null, "corrected and resubmitted (attempt " + d.attempt + ")");
            Port after = d.build();
            ports.apply(before, after, PortLifecycle.RESUBMIT);
            return after;
        });
        try {
            portNumbers.claim(caller, resubmitted, this::rateOf);
        } catch (PlatformException e) {
            // a number was taken meanwhile: the attempt fails at once and says why
            failNow(resubmitted.id(), resubmitted.attempt(), RejectionReason.SUBMISSION_FAILED, null);
            throw e;
        }
        return start(resubmitted);
    }

    // ---- the carrier's events

    /** What a carrier event did: applied, or why not (a repeat, a port that moved on). */
    public record EventOutcome(boolean applied, String note, Port port) {
    }

    /**
     * Records a carrier event on the port (conditional on its status; a repeated event id changes
     * nothing) and resumes the workflow through the task token stored on the port. If the workflow
     * has not stored its token yet, its waiting step finds the recorded event and resumes itself.
     */
    public EventOutcome carrierEvent(String portId, CarrierEvent event) {
        if (portId == null || !portId.matches("port_[0-9a-f]{1,64}")) {
            throw PlatformException.notFound("port " + portId);
        }
        return Retry.onConflict(ATTEMPTS, () -> {
            Instant now = now();
            Port before = ports.find(portId).orElseThrow(() -> PlatformException.notFound("port " + portId));
            if (before.eventIds().contains(event.eventId())) {
                return new EventOutcome(false, "event " + event.eventId() + " was already applied", before);
            }
            for (CarrierEvent.NumberDecision n : event.numbers()) {
                if (!before.numberList().contains(n.number())) {
                    throw PlatformException.validation("numbers", n.number() + " is not a number of " + portId);
                }
            }
            PortLifecycle action = event.type() == CarrierEvent.Type.COMPLETED ? PortLifecycle.RECORD_COMPLETION : PortLifecycle.RECORD_DECISION;
            if (!action.allows(before.status()) || (action == PortLifecycle.RECORD_DECISION && before.decision() != null)) {
                return new EventOutcome(false, "the port is " + before.status().wire() + "; the event changes nothing", before);
            }
            if (event.type() == CarrierEvent.Type.AUTHORIZED && event.focDate() == null) {
                throw PlatformException.validation("foc_date", "an authorization carries the confirmed foc_date");
            }
            Port.Draft d = before.draft();
            d.eventIds.add(event.eventId());
            d.updatedAt = now;
            if (action == PortLifecycle.RECORD_DECISION) {
                d.decision = event;
                d.event(now, "carrier_" + event.type().name().toLowerCase(java.util.Locale.ROOT), null,
                        event.message() == null ? "the losing carrier answered" : event.message());
            } else {
                d.carrierCompletedAt = event.occurredAt() == null ? now : event.occurredAt();
                d.event(now, "carrier_completed", null, event.message() == null ? "the losing carrier released the numbers" : event.message());
            }
            Port after = d.build();
            ports.apply(before, after, action);
            if (after.taskToken() != null) {
                PortSteps.resume(workflows, after);
            }
            return new EventOutcome(true, "applied", after);
        });
    }

    // ---- validation

    private static List<String> validNumbers(List<String> raw) {
        if (raw == null || raw.isEmpty()) {
            throw PlatformException.validation("number", "number (or numbers) is required");
        }
        if (raw.size() > MAX_NUMBERS) {
            throw PlatformException.validation("numbers", "a port carries at most " + MAX_NUMBERS + " numbers");
        }
        List<String> out = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < raw.size(); i++) {
            String field = raw.size() == 1 ? "number" : "numbers[" + i + "]";
            String e164 = E164.parse(raw.get(i), field);
            if (!e164.startsWith("+1")) {
                throw PlatformException.validation(field, "only North American (NANP, +1) numbers can be ported in");
            }
            if (!seen.add(e164)) {
                throw PlatformException.validation(field, e164 + " is listed twice");
            }
            out.add(e164);
        }
        return out;
    }

    private static String required(String v, String field, int max) {
        if (v == null || v.isBlank()) {
            throw PlatformException.validation(field, field + " is required");
        }
        return optional(v, field, max);
    }

    private static String optional(String v, String field, int max) {
        if (v == null) {
            return null;
        }
        String t = v.trim();
        if (t.isEmpty() || t.length() > max) {
            throw PlatformException.validation(field, field + " must be 1 to " + max + " characters");
        }
        return t;
    }

    private static EndUserAddress validAddress(EndUserAddress a) {
        if (a == null) {
            throw PlatformException.validation("end_user_address", "end_user_address is required");
        }
        String street = required(a.street(), "end_user_address.street", 200);
        String city = required(a.city(), "end_user_address.city", 100);
        String state = required(a.state(), "end_user_address.state", 2);
        String postal = required(a.postalCode(), "end_user_address.postal_code", 10);
        String country = required(a.country(), "end_user_address.country", 2);
        if (!country.matches("[A-Z]{2}")) {
            throw PlatformException.validation("end_user_address.country", "end_user_address.country is an ISO country code such as US");
        }
        if (!state.matches("[A-Z]{2}")) {
            throw PlatformException.validation("end_user_address.state", "end_user_address.state is a two-letter code such as CA");
        }
        if ("US".equals(country) && !postal.matches("[0-9]{5}(-[0-9]{4})?")) {
            throw PlatformException.validation("end_user_address.postal_code", "a US postal_code is a ZIP or ZIP+4");
        }
        return new EndUserAddress(street, city, state, postal, country);
    }

    /**
     * {@code requested_foc_date}: YYYY-MM-DD, a business day, at least 3 business days ahead and at
     * most 30 days ahead (US Eastern dates). Null when not requested.
     */
    static LocalDate focDate(String raw, Instant now) {
        if (raw == null) {
            return null;
        }
        LocalDate d;
        try {
            if (!raw.matches("[0-9]{4}-[0-9]{2}-[0-9]{2}")) {
                throw new DateTimeException(raw);
            }
            d = LocalDate.parse(raw);
        } catch (DateTimeException e) {
            throw PlatformException.validation("requested_foc_date", "requested_foc_date must be a date YYYY-MM-DD");
        }
        LocalDate today = BusinessCalendar.today(now);
        if (!BusinessCalendar.isBusinessDay(d)) {
            throw PlatformException.validation("requested_foc_date", "requested_foc_date must be a business day (not a weekend or US federal holiday)");
        }
        if (d.isBefore(BusinessCalendar.plusBusinessDays(today, 3))) {
            throw PlatformException.validation("requested_foc_date", "requested_foc_date must be at least 3 business days ahead");
        }
        if (d.isAfter(today.plusDays(30))) {
            throw PlatformException.validation("requested_foc_date", "requested_foc_date must be at most 30 days ahead");
        }
        return d;
    }

    static PlatformException unavailable(String e164) {
        return new PlatformException(ErrorCode.NUMBER_UNAVAILABLE,
                e164 + " is already on the platform or on another open port", Map.of("number", e164));
    }

    /** Used by {@link PortNumbers}: the number as a port_in item of the account. */
    static PhoneNumber portInNumber(String e164, Port port, Rate rate) {
        return new PhoneNumber(e164, Ids.next("num_"), NumberLifecycle.PORT_IN_REQUEST.to(), E164.regionOf(e164),
                E164.regionOf(e164).equals(port.endUserAddress().country()) ? port.endUserAddress().state() : null,
                port.endUserAddress().city(), rate.type(), com.carrier.numbers.domain.Money.ZERO, rate.monthlyCost(),
                port.accountId(), null, null, null, null, null, null, null, null, null, null, false, null, null, null, null,
                null, null, 0);
    }
}
