package com.carrier.numbers;

import java.util.function.UnaryOperator;

/** The DynamoDB tables, named by the environment variables template.yaml sets on every function. */
public record TableNames(String numbers, String accounts, String ledger, String credentials, String audit, String idempotency,
                         String jobs, String callActivity, String ports) {

    /** The first six tables; Jobs, CallActivity and Ports by their default names (Ports with the numbers table's suffix: tests name tables per run). */
    public TableNames(String numbers, String accounts, String ledger, String credentials, String audit, String idempotency) {
        this(numbers, accounts, ledger, credentials, audit, idempotency, "Jobs", "CallActivity", numbers.replaceFirst("^Numbers", "Ports"));
    }

    /** The first eight tables; Ports with the numbers table's suffix. */
    public TableNames(String numbers, String accounts, String ledger, String credentials, String audit, String idempotency,
                      String jobs, String callActivity) {
        this(numbers, accounts, ledger, credentials, audit, idempotency, jobs, callActivity, numbers.replaceFirst("^Numbers", "Ports"));
    }

    /** The environment variable of each table, in the order of the record's components. */
    public static final String[] VARIABLES = {
        "NUMBERS_TABLE", "ACCOUNTS_TABLE", "LEDGER_TABLE", "CREDENTIALS_TABLE", "AUDIT_TABLE", "IDEMPOTENCY_TABLE",
        "JOBS_TABLE", "CALL_ACTIVITY_TABLE", "PORTS_TABLE"};

    /**
     * The names the function's environment gives (Lambda: template.yaml's Globals). A missing
     * variable fails here, at init, naming it: a typo in the template must not fall back to a
     * default name and fail later, request by request, on a table that does not exist.
     */
    public static TableNames fromEnvironment() {
        return from(name -> Env.get(name, null));
    }

    /** The names {@code variables} gives each table variable; a variable it does not know fails, naming it. */
    public static TableNames from(UnaryOperator<String> variables) {
        String[] names = new String[VARIABLES.length];
        for (int i = 0; i < VARIABLES.length; i++) {
            String v = variables.apply(VARIABLES[i]);
            if (v == null || v.isBlank()) {
                throw new IllegalStateException("environment variable " + VARIABLES[i] + " is not set (template.yaml Globals.Function.Environment)");
            }
            names[i] = v;
        }
        return new TableNames(names[0], names[1], names[2], names[3], names[4], names[5], names[6], names[7], names[8]);
    }
}
