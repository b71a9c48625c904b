package com.carrier.numbers;

import com.carrier.numbers.service.Accounts;
import com.carrier.numbers.service.AuditTrail;
import com.carrier.numbers.service.CallActivity;
import com.carrier.numbers.service.Credentials;
import com.carrier.numbers.service.IdempotencyKeys;
import com.carrier.numbers.service.Inventory;
import com.carrier.numbers.service.PhoneNumbers;
import com.carrier.numbers.service.Renewals;
import com.carrier.numbers.service.SubAccountPool;
import java.time.Clock;
import java.time.Duration;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The composition root of the domain: wires the services to their DynamoDB adapters. Built once per
 * execution environment (Lambda) or per JVM (local runtime, tests), with plain constructors.
 */
public final class NumbersPlatform {

    /** Tunables: how long released numbers age, how long a reservation holds by default. */
    public record Settings(Duration aging, Duration defaultHold) {
        public static Settings defaults() {
            return new Settings(Duration.ofDays(45), Duration.ofMinutes(15));
        }

        public static Settings fromEnvironment() {
            return new Settings(
                    Duration.ofDays(Long.parseLong(Env.get("AGING_DAYS", "45"))),
                    Duration.ofMinutes(Long.parseLong(Env.get("RESERVATION_MINUTES", "15"))));
        }
    }

    private final Inventory inventory;
    private final PhoneNumbers phoneNumbers;
    private final SubAccountPool subAccountPool;
    private final CallActivity callActivity;
    private final Accounts accounts;
    private final Credentials credentials;
    private final Renewals renewals;
    private final AuditTrail auditTrail;
    private final IdempotencyKeys idempotencyKeys;

    public static NumbersPlatform create(DynamoDbClient dynamo, TableNames tables, Clock clock, Settings settings) {
        throw new UnsupportedOperationException("TODO");
    }

    private NumbersPlatform(Inventory inventory, PhoneNumbers phoneNumbers, SubAccountPool subAccountPool,
                            CallActivity callActivity, Accounts accounts, Credentials credentials, Renewals renewals,
                            AuditTrail auditTrail, IdempotencyKeys idempotencyKeys) {
        this.inventory = inventory;
        this.phoneNumbers = phoneNumbers;
        this.subAccountPool = subAccountPool;
        this.callActivity = callActivity;
        this.accounts = accounts;
        this.credentials = credentials;
        this.renewals = renewals;
        this.auditTrail = auditTrail;
        this.idempotencyKeys = idempotencyKeys;
    }

    public Inventory inventory() { return inventory; }
    public PhoneNumbers phoneNumbers() { return phoneNumbers; }
    public SubAccountPool subAccountPool() { return subAccountPool; }
    public CallActivity callActivity() { return callActivity; }
    public Accounts accounts() { return accounts; }
    public Credentials credentials() { return credentials; }
    public Renewals renewals() { return renewals; }
    public AuditTrail auditTrail() { return auditTrail; }
    public IdempotencyKeys idempotencyKeys() { return idempotencyKeys; }
}
