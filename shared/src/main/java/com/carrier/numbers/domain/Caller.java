package com.carrier.numbers.domain;

/** Who is making a request: the credential's account, its auth id and role. */
public record Caller(String accountId, String authId, Role role) {
    public boolean isAdmin() {
        return role == Role.ADMIN;
    }

    /** The platform itself (workflows, schedules, the queue consumer acting for an operator). */
    public static final Caller SYSTEM = new Caller("system", "system", Role.ADMIN);
}
