/**
 * Ports: what the domain services need from persistence, shaped around the business transactions
 * (a purchase is one {@link com.carrier.numbers.port.NumberWrite}: the number, the balance and
 * counters, the ledger entry and the audit record, all or nothing). The DynamoDB adapters in
 * {@code com.carrier.numbers.adapter.dynamodb} implement them; the services in
 * {@code com.carrier.numbers.service} hold the rules and see only these interfaces and a Clock.
 */
package com.carrier.numbers.port;
