package com.carrier.numbers;

import com.carrier.numbers.adapter.dynamodb.DynamoAccountStore;
import com.carrier.numbers.adapter.dynamodb.DynamoAuditStore;
import com.carrier.numbers.adapter.dynamodb.DynamoCallActivityStore;
import com.carrier.numbers.adapter.dynamodb.DynamoJobStore;
import com.carrier.numbers.adapter.dynamodb.DynamoCredentialStore;
import com.carrier.numbers.adapter.dynamodb.DynamoIdempotencyStore;
import com.carrier.numbers.adapter.dynamodb.DynamoLedgerStore;
import com.carrier.numbers.adapter.dynamodb.DynamoNumberStore;
import com.carrier.numbers.adapter.dynamodb.DynamoPortStore;
import com.carrier.numbers.adapter.carrier.ManualCarrier;
import com.carrier.numbers.adapter.carrier.SimulatedCarrier;
import com.carrier.numbers.port.CarrierGateway;
import com.carrier.numbers.service.PortSteps;
import com.carrier.numbers.service.Ports;
import com.carrier.numbers.domain.RateTable;
import com.carrier.numbers.port.ProvisioningQueue;
import com.carrier.numbers.port.Workflows;
import com.carrier.numbers.service.Scope;
import com.carrier.numbers.service.Accounts;
import com.carrier.numbers.service.AuditTrail;
import com.carrier.numbers.service.BulkJobs;
import com.carrier.numbers.service.CallActivity;
import com.carrier.numbers.service.Credentials;
import com.carrier.numbers.service.IdempotencyKeys;
import com.carrier.numbers.service.Inventory;
import com.carrier.numbers.service.NumberWorkflows;
import com.carrier.numbers.service.OverdueSweep;
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
    private final Workflows workflows;
    private final OverdueSweep overdueSweep;
    private final BulkJobs bulkJobs;
    private final Ports ports;
    private final PortSteps portSteps;
    private final Clock clock;

    /** The brand in a completed port's message (seed 003: "Number successfully transferred to Audian"). */
    public static final String BRAND = "Audian";

    /** Without state machines: starting or answering a workflow fails loudly (tests of the plain API). */
    public static NumbersPlatform create(DynamoDbClient dynamo, TableNames tables, Clock clock, Settings settings) {
        return create(dynamo, tables, clock, settings, NO_WORKFLOWS);
    }

    public static NumbersPlatform create(DynamoDbClient dynamo, TableNames tables, Clock clock, Settings settings,
                                         Workflows workflows) {
        return create(dynamo, tables, clock, settings, workflows, null);
    }

    /** With the provisioning queue (bulk jobs, inventory loads, queued renewals). */
    public static NumbersPlatform create(DynamoDbClient dynamo, TableNames tables, Clock clock, Settings settings,
                                         Workflows workflows, ProvisioningQueue provisioningQueue) {
        workflows = workflows == null ? NO_WORKFLOWS : workflows;
        // Bulk jobs fail loudly without a queue (NO_QUEUE); renewals get the queue as given, so
        // without one the hourly run charges what is due itself (Renewals.queued() is false).
        ProvisioningQueue jobQueue = provisioningQueue == null ? NO_QUEUE : provisioningQueue;
        var numberStore = new DynamoNumberStore(dynamo, tables.numbers(), tables.accounts(), tables.ledger(), tables.audit(),
                tables.jobs());
        var accountStore = new DynamoAccountStore(dynamo, tables.accounts(), tables.ledger());
        var scope = new Scope(accountStore);
        var credentials = new Credentials(new DynamoCredentialStore(dynamo, tables.credentials()), scope, clock);
        var renewals = new Renewals(numberStore, accountStore, clock, provisioningQueue);
        var numberWorkflows = new NumberWorkflows(workflows);
        var callStore = new DynamoCallActivityStore(dynamo, tables.callActivity());
        var inventory = new Inventory(numberStore, RateTable.standard(), clock, callStore);
        var phoneNumbers = new PhoneNumbers(numberStore, accountStore, scope, clock, settings.aging(), settings.defaultHold(),
                numberWorkflows);
        var callActivity = new CallActivity(numberStore, callStore);
        var subAccountPool = new SubAccountPool(numberStore, scope, clock, callActivity, numberWorkflows);
        var portStore = new DynamoPortStore(dynamo, tables.ports());
        var portSteps = new PortSteps(portStore, numberStore, carrier(workflows, clock), workflows, clock, BRAND);
        var ports = new Ports(portStore, numberStore, accountStore, scope, workflows, RateTable.standard(), clock, portSteps);
        return new NumbersPlatform(
                inventory,
                phoneNumbers,
                subAccountPool,
                callActivity,
                new Accounts(accountStore, new DynamoLedgerStore(dynamo, tables.ledger()), scope, credentials, renewals, clock),
                credentials,
                renewals,
                new AuditTrail(new DynamoAuditStore(dynamo, tables.audit())),
                new IdempotencyKeys(new DynamoIdempotencyStore(dynamo, tables.idempotency()), clock),
                workflows,
                new BulkJobs(new DynamoJobStore(dynamo, tables.jobs()), jobQueue, phoneNumbers, subAccountPool, inventory,
                        scope, clock),
                ports, portSteps, clock,
                new OverdueSweep(numberStore, inventory, subAccountPool, clock));
    }

    /**
     * The losing carrier: simulated (the default, locally, in tests and in a deployed stack) or, with
     * CARRIER_GATEWAY=callback-only, a real carrier that answers through the signed callback route.
     */
    private static CarrierGateway carrier(Workflows workflows, Clock clock) {
        return "callback-only".equals(Env.get("CARRIER_GATEWAY", "simulated"))
                ? new ManualCarrier() : new SimulatedCarrier(workflows, clock);
    }

    private NumbersPlatform(Inventory inventory, PhoneNumbers phoneNumbers, SubAccountPool subAccountPool,
                            CallActivity callActivity, Accounts accounts, Credentials credentials, Renewals renewals,
                            AuditTrail auditTrail, IdempotencyKeys idempotencyKeys, Workflows workflows, BulkJobs bulkJobs,
                            Ports ports, PortSteps portSteps, Clock clock, OverdueSweep overdueSweep) {
        this.overdueSweep = overdueSweep;
        this.bulkJobs = bulkJobs;
        this.ports = ports;
        this.portSteps = portSteps;
        this.clock = clock;
        this.inventory = inventory;
        this.phoneNumbers = phoneNumbers;
        this.subAccountPool = subAccountPool;
        this.callActivity = callActivity;
        this.accounts = accounts;
        this.credentials = credentials;
        this.renewals = renewals;
        this.auditTrail = auditTrail;
        this.idempotencyKeys = idempotencyKeys;
        this.workflows = workflows;
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
    public Workflows workflows() { return workflows; }
    public OverdueSweep overdueSweep() { return overdueSweep; }
    public BulkJobs bulkJobs() { return bulkJobs; }
    public Ports ports() { return ports; }
    public PortSteps portSteps() { return portSteps; }
    /** The domain's clock (wall-clock time; the local runtime scales only workflow waits). */
    public Clock clock() { return clock; }

    /** Without a queue: submitting a job fails loudly (tests of the plain API). */
    private static final ProvisioningQueue NO_QUEUE = tasks -> {
        throw new IllegalStateException("this platform was built without the provisioning queue");
    };

    private static final Workflows NO_WORKFLOWS = new Workflows() {
        @Override public boolean start(Machine machine, String executionName, String inputJson) { throw unavailable(); }
        @Override public void stop(Machine machine, String executionName, String cause) { throw unavailable(); }
        @Override public void sendTaskSuccess(String taskToken, String outputJson) { throw unavailable(); }
        @Override public void sendTaskFailure(String taskToken, String error, String cause) { throw unavailable(); }

        private IllegalStateException unavailable() {
            return new IllegalStateException("this platform was built without state machines");
        }
    };
}
