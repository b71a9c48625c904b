package com.carrier.numbers;

/** The DynamoDB tables, named by the environment variables template.yaml sets on every function. */
public record TableNames(String numbers, String accounts, String ledger, String credentials, String audit, String idempotency,
                         String ports) {

    /** Without a Ports table name of its own: "Ports" with the numbers table's suffix (tests name tables per run). */
    public TableNames(String numbers, String accounts, String ledger, String credentials, String audit, String idempotency) {
        this(numbers, accounts, ledger, credentials, audit, idempotency, numbers.replaceFirst("^Numbers", "Ports"));
    }

    public static TableNames fromEnvironment() {
        return new TableNames(
                Env.get("NUMBERS_TABLE", "Numbers"),
                Env.get("ACCOUNTS_TABLE", "Accounts"),
                Env.get("LEDGER_TABLE", "Ledger"),
                Env.get("CREDENTIALS_TABLE", "Credentials"),
                Env.get("AUDIT_TABLE", "Audit"),
                Env.get("IDEMPOTENCY_TABLE", "Idempotency"),
                Env.get("PORTS_TABLE", "Ports"));
    }
}
