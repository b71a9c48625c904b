package com.carrier.numbers.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * A port-in request: numbers moving from a losing carrier to this platform for an account.
 *
 * @param attempt        1 for the first submission, +1 for each correct-and-resubmit; names the execution
 * @param accountPin     stored and sent to the carrier, never shown
 * @param focAt          the confirmed cut-over instant (the FOC date at {@link BusinessCalendar#CUTOVER_TIME})
 * @param taskToken      the workflow's token for the carrier answer it now waits for ({@code taskStage})
 * @param submissions    how many times this attempt was handed to the carrier
 * @param decision       the carrier's decision, recorded when it arrives, applied by the workflow
 * @param carrierCompletedAt when the carrier reported the numbers moved
 * @param eventIds       carrier event ids already applied (a repeated one changes nothing)
 * @param failureReason  the typed reason of a failed port
 * @param version        optimistic-lock counter, bumped by every write
 */
public record Port(
        String id,
        String accountId,
        PortStatus status,
        int attempt,
        List<PortedNumber> numbers,
        String accountNumber,
        String accountPin,
        String carrierName,
        String billingPhone,
        String endUserName,
        EndUserAddress endUserAddress,
        LocalDate requestedFocDate,
        LocalDate focDate,
        Instant focAt,
        Instant createdAt,
        Instant updatedAt,
        Instant completedAt,
        Instant estimatedCompletion,
        List<String> messages,
        List<PortEvent> events,
        String taskToken,
        String taskStage,
        int submissions,
        CarrierEvent decision,
        Instant carrierCompletedAt,
        List<String> eventIds,
        RejectionReason failureReason,
        long version) {

    public static final String STAGE_DECISION = "decision";
    public static final String STAGE_COMPLETION = "completion";

    public Port {
        numbers = List.copyOf(numbers);
        messages = messages == null ? List.of() : List.copyOf(messages);
        events = events == null ? List.of() : List.copyOf(events);
        eventIds = eventIds == null ? List.of() : List.copyOf(eventIds);
    }

    /** The first number (the seed's single-number {@code number} field). */
    public String number() {
        return numbers.get(0).number();
    }

    public List<String> numberList() {
        return numbers.stream().map(PortedNumber::number).toList();
    }

    /** Numbers still moving (not rejected or cancelled). */
    public List<PortedNumber> activeNumbers() {
        return numbers.stream().filter(n -> n.status() != PortNumberStatus.REJECTED && n.status() != PortNumberStatus.CANCELLED).toList();
    }

    public String carrierStatus() {
        return status.carrierStatus();
    }

    /** The workflow execution of this port's current attempt. */
    public String executionName() {
        return executionName(id, attempt);
    }

    public static String executionName(String portId, int attempt) {
        return portId + "-" + attempt;
    }

    public Draft draft() {
        return new Draft(this);
    }

    /** A mutable copy, so a change reads as the few fields it sets; {@link #build} bumps the version. */
    public static final class Draft {
        public String id;
        public String accountId;
        public PortStatus status;
        public int attempt;
        public List<PortedNumber> numbers;
        public String accountNumber;
        public String accountPin;
        public String carrierName;
        public String billingPhone;
        public String endUserName;
        public EndUserAddress endUserAddress;
        public LocalDate requestedFocDate;
        public LocalDate focDate;
        public Instant focAt;
        public Instant createdAt;
        public Instant updatedAt;
        public Instant completedAt;
        public Instant estimatedCompletion;
        public List<String> messages;
        public List<PortEvent> events;
        public String taskToken;
        public String taskStage;
        public int submissions;
        public CarrierEvent decision;
        public Instant carrierCompletedAt;
        public List<String> eventIds;
        public RejectionReason failureReason;
        public long version;

        public Draft() {
            numbers = new ArrayList<>();
            messages = new ArrayList<>();
            events = new ArrayList<>();
            eventIds = new ArrayList<>();
        }

        private Draft(Port p) {
            id = p.id;
            accountId = p.accountId;
            status = p.status;
            attempt = p.attempt;
            numbers = new ArrayList<>(p.numbers);
            accountNumber = p.accountNumber;
            accountPin = p.accountPin;
            carrierName = p.carrierName;
            billingPhone = p.billingPhone;
            endUserName = p.endUserName;
            endUserAddress = p.endUserAddress;
            requestedFocDate = p.requestedFocDate;
            focDate = p.focDate;
            focAt = p.focAt;
            createdAt = p.createdAt;
            updatedAt = p.updatedAt;
            completedAt = p.completedAt;
            estimatedCompletion = p.estimatedCompletion;
            messages = new ArrayList<>(p.messages);
            events = new ArrayList<>(p.events);
            taskToken = p.taskToken;
            taskStage = p.taskStage;
            submissions = p.submissions;
            decision = p.decision;
            carrierCompletedAt = p.carrierCompletedAt;
            eventIds = new ArrayList<>(p.eventIds);
            failureReason = p.failureReason;
            version = p.version;
        }

        /** Sets every active number to {@code s} (rejected and cancelled ones keep theirs). */
        public Draft activeNumbers(PortNumberStatus s) {
            numbers.replaceAll(n -> n.status() == PortNumberStatus.REJECTED || n.status() == PortNumberStatus.CANCELLED
                    ? n : n.with(s, null));
            return this;
        }

        public Draft event(Instant at, String what, String number, String message) {
            events.add(new PortEvent(at, what, number, message));
            return this;
        }

        public Port build() {
            return new Port(id, accountId, status, attempt, numbers, accountNumber, accountPin, carrierName, billingPhone,
                    endUserName, endUserAddress, requestedFocDate, focDate, focAt, createdAt, updatedAt, completedAt,
                    estimatedCompletion, messages, events, taskToken, taskStage, submissions, decision, carrierCompletedAt,
                    eventIds, failureReason, version + 1);
        }
    }
}
